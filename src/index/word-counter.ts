/**
 * Counting in how many texts each word occurs, by SQLite: each text, lowercased, is a row of a
 * contentless FTS5 index without positions (per word, only which rows have it) that splits words
 * as text/words.ts does, and its fts5vocab view gives each word's number of rows. The index lives
 * in an in-memory database of the counter's own, never in the index file: the counts are all a
 * run needs (document-words.ts), and the segments would be written, committed and merged for
 * nothing.
 *
 * A re-index that adds many documents counts them in a worker thread (word-counter-worker.ts):
 * tokenising every new document is a fifth of the writer's own thread's work, time off the run
 * wherever a core is free beside the writer and the helper processes. (On two cores, which a
 * full run keeps busy, it costs as long either way: measured, README "Performance".) Few
 * documents (a run that changes some files, a test) are counted on the writer's thread at the
 * end, without paying for a thread's start; none, without a counter at all.
 */
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { isVocabularyWord } from '../text/words.js';
import { startIndexWorker } from './index-worker.js';

/** As in migration 006: words as text/words.ts splits them (letters, marks, digits), accents kept. */
const wordsTokenizer = `tokenize = "unicode61 remove_diacritics 0 categories 'L* M* N*'"`;

/**
 * FTS5's pending terms before it writes a segment (its default: 1 MB): larger pieces merge less
 * (see ftsPendingBytes in writer.ts); kept smaller than the index's, for the peak of a
 * million-passage run.
 */
const pendingBytes = 8 * 1024 * 1024;

/**
 * Vocabulary words (text/words.ts, isVocabularyWord) and the number of texts that have each, as
 * SQLite's JSON: `[["ferry", 3], ["strike", 1], …]`, for json_each (the vocabulary's update is one
 * statement, and a million-passage run's 600,000 words cross between threads as one string).
 */
export type WordCountsJson = string;

/** Counts texts' words in an in-memory FTS5 index (see the top of the file). */
export class WordCounter {
  private readonly db = new Database(':memory:');
  private readonly insert;

  constructor() {
    this.db.function('readout_vocabulary_word', { deterministic: true }, (word) =>
      typeof word === 'string' && isVocabularyWord(word) ? 1 : 0,
    );
    this.db.exec(`
      CREATE VIRTUAL TABLE counted USING fts5(words, content = '', detail = none, ${wordsTokenizer});
      CREATE VIRTUAL TABLE word_counts USING fts5vocab(counted, row);
      INSERT INTO counted (counted, rank) VALUES ('hashsize', ${pendingBytes});
      BEGIN;`);
    this.insert = this.db.prepare('INSERT INTO counted (words) VALUES (?)');
  }

  /** Counts a text's words once each (lowercase it first: see document-words.ts). */
  add(text: string): void {
    this.insert.run(text);
  }

  /** The counts so far; the counter is closed after. */
  countsJson(): WordCountsJson {
    try {
      this.db.exec('COMMIT');
      return this.db
        .prepare<[], string>(
          `SELECT json_group_array(json_array(term, doc)) FROM word_counts
           WHERE readout_vocabulary_word(term)`,
        )
        .pluck()
        .get()!;
    } finally {
      this.close();
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** A message to the counting thread: texts to count, or a request for the counts (then it ends). */
export type CounterMessage = { texts: string[] } | { counts: true };

/** Texts sent to the counting thread at once. */
const batchSize = 500;

/** Counting threads started and not yet stopped, in this process. */
let threadsRunning = 0;

/** How many counting threads run now (a long-lived process, the console, must not collect them). */
export function countingThreadsRunning(): number {
  return threadsRunning;
}

/**
 * Counts texts' words: on this thread at the end while they are few, in a worker thread from
 * `threadFrom` texts on (see the top of the file). Close it when the run ends either way.
 */
export class WordCounting {
  private texts: string[] = [];
  private worker: Worker | undefined;
  private failure: Error | undefined;
  /** The thread's stop, once asked (every close waits for it). */
  private stopping: Promise<unknown> = Promise.resolve();

  constructor(private readonly threadFrom: number) {}

  add(text: string): void {
    this.texts.push(text);
    if (this.texts.length >= (this.worker ? batchSize : this.threadFrom)) this.send();
  }

  /** Every text's words, counted (see WordCountsJson). */
  async countsJson(): Promise<WordCountsJson> {
    if (!this.worker) {
      if (this.texts.length === 0) return '[]';
      const counter = new WordCounter();
      for (const text of this.texts) counter.add(text);
      this.texts = [];
      return counter.countsJson();
    }
    const worker = this.worker;
    this.send();
    // Held open only while its answer is awaited: a run that fails never waits for the thread.
    worker.ref();
    try {
      return await new Promise<WordCountsJson>((resolve, reject) => {
        if (this.failure) reject(this.failure);
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', () => reject(this.failure));
        worker.postMessage({ counts: true } satisfies CounterMessage);
      });
    } finally {
      void this.close();
    }
  }

  /** Stops the counting thread, if any (the counts are no longer wanted); resolves once it has. */
  async close(): Promise<void> {
    this.texts = [];
    if (this.worker) this.stopping = this.worker.terminate();
    this.worker = undefined;
    await this.stopping;
  }

  private send(): void {
    if (!this.worker) {
      this.worker = startIndexWorker('word-counter-worker');
      threadsRunning++;
      this.worker.unref();
      // Kept for countsJson: until then a failure has no one to tell.
      this.worker.on('error', (error) => {
        this.failure ??= error;
      });
      this.worker.on('exit', (code) => {
        threadsRunning--;
        this.failure ??= new Error(`word counts: worker stopped with exit code ${code}`);
      });
    }
    if (this.texts.length === 0) return;
    this.worker.postMessage({ texts: this.texts } satisfies CounterMessage);
    this.texts = [];
  }
}
