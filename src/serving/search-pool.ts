/**
 * Searching off the main thread, so an ack never waits for a search. better-sqlite3 is
 * synchronous: on the main thread one slow search holds up every other request, acks and
 * /healthz included. Here a bounded pool of worker threads (search-worker.ts) runs `readout()`
 * (and `timeline()`), each with its own read-only connection, and the main thread only moves
 * messages.
 *
 * - Each search has a time budget, counted from when a thread starts it. SQLite could be
 *   interrupted, but better-sqlite3 12 has no interrupt and the search is not all SQL (ranking,
 *   arranging pages), so a search past its budget is given up: the reporter is told "that search
 *   took too long; narrow it", its thread is terminated and a fresh one takes its place at once.
 *   (Termination takes effect when the thread is back in JavaScript: a thread inside one long
 *   SQLite statement or a blocking read finishes that first, on the side, then ends. At most
 *   `maxAbandoned` such threads are waited for; past that, searches wait for them to end.)
 * - Searches wait in a bounded queue (first come, first served); past it, "busy".
 * - A thread that dies (a bug, out of memory) fails only its own search and is replaced.
 *
 * A small pool of our own rather than piscina or tinypool: both fit Node 20 and replace a
 * terminated thread, but their abort signal covers waiting and running alike, so a budget counted
 * from the start of the search and telling "too slow" from "busy" would need a side channel; what
 * is needed here is about 150 lines.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describeError } from '../errors.js';
import type { IndexStats, OutletCount } from '../index/reader.js';
import type { Logger } from '../log.js';
import type {
  ComparisonResult,
  IndexHealth,
  ReadoutFailure,
  ReadoutOptions,
  ReadoutResult,
  ReadoutService,
  TimelineResult,
} from '../readout.js';
import type { LinkedArticle } from '../search/article-links.js';
import type { LiveIndex } from './live-index.js';

/** What a search thread is started with. */
export interface SearchWorkerData {
  file: string;
  aliasesFile?: string;
  busyTimeoutMs: number;
}

/** The work a thread does: a search (readout()), a comparison (compare()) or a timeline (timeline()). */
export type Work =
  | { kind: 'answer'; text: string; options: ReadoutOptions }
  | { kind: 'compare'; text: string; options: { offset?: number } }
  | { kind: 'timeline'; text: string; options: Pick<ReadoutOptions, 'offset' | 'limit'> };
type WorkResult = ReadoutResult | ComparisonResult | TimelineResult;

export type ToWorker = { id: number; work: Work };
export type ToPool =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; result: WorkResult }
  | { kind: 'warning'; message: string };

export interface SearchPoolOptions {
  /** The index file and the alias list, opened by each thread. */
  file: string;
  aliasesFile?: string;
  /** The main thread's view of the index: statistics and health checks (cheap, single queries). */
  index: LiveIndex;
  /** Longest a search may run, in ms. */
  queryBudgetMs: number;
  /** Search threads (default: the cores, at least 2, at most 4). */
  threads?: number;
  /** Searches that may wait for a thread; beyond this, "busy". */
  maxQueue?: number;
  logger: Logger;
}

interface Task {
  id: number;
  work: Work;
  resolve: (result: WorkResult) => void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  task?: Task;
  timer?: NodeJS.Timeout;
}

/** Consecutive thread failures before start-up (a missing file) after which searches fail at once. */
const maxStartFailures = 3;
/** Threads given up on (past their budget) that may still be finishing a statement. */
const maxAbandoned = 8;

/**
 * A search thread's young generation, in MB. By default V8 lets a thread's new space grow to two
 * semi-spaces of 16 MB, and its searches soon fill them: two threads held 62 MB of new space
 * between them. Limited to 16, each holds 16 and scavenges more often, each scavenge small
 * (searches keep little); measured at 100,000 passages (bench queries over HTTP, 3 rounds), the
 * process's anonymous memory 305 → 270 MB, and no change in latency beyond the run-to-run noise
 * (in-process, a thread each way, 3 runs).
 */
const youngGenerationMb = 16;

/** The search thread's entry: compiled JavaScript beside this file, or the TypeScript under tsx. */
function startWorker(data: SearchWorkerData): Worker {
  const options = { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb } };
  if (import.meta.url.endsWith('.js')) {
    return new Worker(new URL('./search-worker.js', import.meta.url), options);
  }
  // Under tsx or vitest (development, tests) the worker loads tsx's loader itself: a worker
  // thread does not inherit the parent's module hooks on Node 20.
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(
    /\.cjs$/,
    '.mjs',
  );
  const entry = new URL('./search-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

export class SearchPool implements ReadoutService {
  private readonly threads = new Set<Thread>();
  private readonly queue: Task[] = [];
  private readonly size: number;
  private readonly maxQueue: number;
  private nextId = 1;
  private startFailures = 0;
  private abandoned = 0;
  private closed = false;

  constructor(private readonly options: SearchPoolOptions) {
    this.size = Math.max(1, options.threads ?? Math.min(4, Math.max(2, os.availableParallelism())));
    this.maxQueue = options.maxQueue ?? 1000;
    for (let i = 0; i < this.size; i++) this.spawn();
  }

  answer(text: string, options: ReadoutOptions): Promise<ReadoutResult> {
    return this.run({ kind: 'answer', text, options }) as Promise<ReadoutResult>;
  }

  compare(text: string, options: { offset?: number }): Promise<ComparisonResult> {
    return this.run({ kind: 'compare', text, options }) as Promise<ComparisonResult>;
  }

  timeline(text: string, options: Pick<ReadoutOptions, 'offset' | 'limit'>): Promise<TimelineResult> {
    return this.run({ kind: 'timeline', text, options }) as Promise<TimelineResult>;
  }

  /** Queues work for a thread; the promise resolves with its result, or how it failed. */
  private run(work: Work): Promise<WorkResult> {
    const text = work.text;
    const failed = (reason: 'busy' | 'unexpected', detail: string): Promise<ReadoutFailure> =>
      Promise.resolve({ kind: 'failed', reason, text, detail });
    if (this.closed) return failed('unexpected', 'the search pool is closed');
    if (this.startFailures >= maxStartFailures) {
      return failed('unexpected', `search threads fail to start (${this.startFailures} times in a row)`);
    }
    if (this.queue.length >= this.maxQueue) return failed('busy', `${this.queue.length} searches waiting`);
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, work, resolve });
      this.pump();
    });
  }

  stats(): IndexStats {
    return this.options.index.stats();
  }

  async health(): Promise<IndexHealth> {
    return this.options.index.health();
  }

  // The outlet list of the search form and a link's preview are light lookups, answered
  // on this thread from the same live index rather than queued behind searches.
  async outlets(text: string, limit: number): Promise<OutletCount[]> {
    return this.options.index.current().outlets(text, limit);
  }

  async articleAt(url: string): Promise<LinkedArticle | undefined> {
    return this.options.index.current().articleAt(url);
  }

  /** Stops every thread; searches still waiting are answered as failed. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) {
      task.resolve({ kind: 'failed', reason: 'unexpected', text: task.work.text, detail: 'stopping' });
    }
    const threads = [...this.threads];
    this.threads.clear();
    // A thread stuck in a blocking call cannot be waited for; the process exit ends it.
    await Promise.race([
      Promise.all(threads.map((thread) => thread.worker.terminate())),
      new Promise((resolve) => setTimeout(resolve, 1000).unref()),
    ]);
    this.options.index.close();
  }

  private spawn(): void {
    const { file, aliasesFile, queryBudgetMs, logger } = this.options;
    // Waiting for a lock longer than the budget would only be cut short by it.
    const worker = startWorker({ file, aliasesFile, busyTimeoutMs: queryBudgetMs + 1000 });
    const thread: Thread = { worker, ready: false };
    this.threads.add(thread);
    worker.on('message', (message: ToPool) => {
      if (message.kind === 'ready') {
        thread.ready = true;
        this.startFailures = 0;
        this.pump();
      } else if (message.kind === 'warning') {
        logger.warn(`readout: ${message.message}`);
      } else if (thread.task?.id === message.id) {
        this.finish(thread, message.result);
        this.pump();
      }
    });
    worker.on('error', (error) => {
      logger.error('readout: a search thread failed', { error: describeError(error) });
    });
    worker.on('exit', () => this.replace(thread));
  }

  /** A thread ended on its own (a bug, out of memory): fail its search and start another. */
  private replace(thread: Thread): void {
    if (!this.threads.delete(thread) || this.closed) return;
    if (!thread.ready) this.startFailures++;
    if (thread.task) {
      this.finish(thread, {
        kind: 'failed',
        reason: 'unexpected',
        text: thread.task.work.text,
        detail: 'the search thread ended during the search',
      });
    }
    if (this.startFailures >= maxStartFailures) {
      // Not in a loop: a thread that cannot start will not start on the next try either.
      for (const task of this.queue.splice(0)) {
        task.resolve({
          kind: 'failed',
          reason: 'unexpected',
          text: task.work.text,
          detail: 'search threads fail to start',
        });
      }
      if (this.threads.size === 0) setTimeout(() => this.retryStart(), 5000).unref();
      return;
    }
    this.spawn();
  }

  /** After start-up failures, one more try now and then (a missing file may have come back). */
  private retryStart(): void {
    if (this.closed) return;
    this.startFailures = maxStartFailures - 1;
    this.spawn();
  }

  private pump(): void {
    for (const thread of this.threads) {
      if (this.queue.length === 0) return;
      if (!thread.ready || thread.task) continue;
      const task = this.queue.shift()!;
      thread.task = task;
      thread.timer = setTimeout(() => this.overBudget(thread, task), this.options.queryBudgetMs);
      thread.worker.postMessage({ id: task.id, work: task.work } satisfies ToWorker);
    }
  }

  private overBudget(thread: Thread, task: Task): void {
    if (thread.task !== task) return;
    this.finish(thread, {
      kind: 'failed',
      reason: 'too_slow',
      text: task.work.text,
      detail: `the search ran past its budget of ${this.options.queryBudgetMs} ms and was stopped`,
    });
    // The thread is inside the search: end it, and start its replacement now rather than when it
    // has ended (it may be in a statement or a read that ends much later).
    this.threads.delete(thread);
    this.abandoned++;
    thread.worker.once('exit', () => {
      this.abandoned--;
      if (!this.closed && this.threads.size < this.size) this.spawn();
    });
    void thread.worker.terminate();
    if (this.abandoned <= maxAbandoned) this.spawn();
    else
      this.options.logger.error('readout: search threads are stuck past their budget', {
        stuck: this.abandoned,
      });
  }

  private finish(thread: Thread, result: WorkResult): void {
    clearTimeout(thread.timer);
    const task = thread.task;
    thread.task = undefined;
    thread.timer = undefined;
    task?.resolve(result);
  }
}
