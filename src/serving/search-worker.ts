/**
 * A search thread of the pool (search-pool.ts): its own read-only connection and SearchIndex,
 * answering one query (a search or a comparison) at a time. better-sqlite3 is synchronous, so a search blocks this thread
 * only; the pool stops a thread whose search runs past its budget and starts another.
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { LiveIndex } from './live-index.js';
import type { SearchWorkerData, ToPool, ToWorker } from './search-pool.js';

const data = workerData as SearchWorkerData;
// Searches yield the CPU to the main thread, which acks Slack within its 3 seconds: on Linux a
// thread has its own nice value, and 0 names the calling thread. (Elsewhere it would be the
// whole process, so it is left alone.)
if (process.platform === 'linux') {
  try {
    os.setPriority(0, 10);
  } catch {
    // Not allowed here: searches share the CPU evenly, as before.
  }
}
const port = parentPort!;
const index = new LiveIndex(data.file, {
  aliasesFile: data.aliasesFile,
  busyTimeoutMs: data.busyTimeoutMs,
  onWarning: (message) => port.postMessage({ kind: 'warning', message } satisfies ToPool),
});

port.on('message', ({ id, work }: ToWorker) => {
  const result =
    work.kind === 'compare'
      ? index.compare(work.text, work.options)
      : work.kind === 'timeline'
        ? index.timeline(work.text, work.options)
        : index.answer(work.text, work.options);
  port.postMessage({ kind: 'result', id, result } satisfies ToPool);
});
// Open the index before taking searches, so that the first one's budget is spent searching. (A
// missing index is reported by the search itself.)
try {
  index.current();
} catch {
  // Answered as a classified failure when a search comes.
}
port.postMessage({ kind: 'ready' } satisfies ToPool);
