/**
 * A worker thread counting the words of a re-index's new documents (word-counter.ts): it receives
 * their texts in batches while the writer goes on, and answers the counts when asked, then ends.
 */
import { parentPort } from 'node:worker_threads';
import { type CounterMessage, WordCounter } from './word-counter.js';

const counter = new WordCounter();
parentPort!.on('message', (message: CounterMessage) => {
  if ('texts' in message) {
    for (const text of message.texts) counter.add(text);
  } else {
    parentPort!.postMessage(counter.countsJson());
    parentPort!.close();
  }
});
