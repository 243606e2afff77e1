/**
 * Running `prepareFile` over a re-index's files, in order, in a helper process: the helper
 * prepares the next files on the second core while this process writes the current one into
 * SQLite. Only this process ever writes the database.
 *
 * The archive is untrusted, so the helper is also where the per-file limits hold: it runs with a
 * capped heap (`--max-old-space-size`), and a file it is still preparing when its time is up is
 * skipped with the reason — the helper is killed and a fresh one takes the files after it. So no
 * file can hold the write lock (the re-index's transaction) for longer than its time limit.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { PreparedFile, PrepareJob } from './prepare-file.js';

export interface PreparedRun {
  /** One prepared file per job, in the order of the jobs. */
  files: AsyncGenerator<PreparedFile>;
  /** Ends the helper processes, if any (at the end, or early on an error). */
  close(): void;
}

/** The limits a helper prepares each file under. */
export interface HelperLimits {
  /** Longest one file may take, from when the helper starts on it, in ms. */
  parseTimeoutMs: number;
  /** The helper's heap, in MB. */
  parseMemoryMb: number;
}

/**
 * Prepares here, on this thread: no time or memory limit (tests of the preparation itself).
 * The preparation is loaded only then: the re-index process itself never needs it.
 */
export function prepareInProcess(jobs: PrepareJob[]): PreparedRun {
  async function* files(): AsyncGenerator<PreparedFile> {
    const { prepareFile } = await import('./prepare-file.js');
    for (const job of jobs) yield prepareFile(job);
  }
  return { files: files(), close: () => {} };
}

/**
 * Messages between this process and the helper (advanced serialisation: Maps, typed values).
 * Jobs go in batches, so that an archive of a hundred thousand small files is not a hundred
 * thousand round trips; each file is answered on its own, so that each has its own time limit.
 */
export type ToHelper = { type: 'jobs'; jobs: PrepareJob[] };
export type FromHelper =
  | { type: 'ready' }
  | { type: 'prepared'; prepared: PreparedFile }
  | { type: 'error'; message: string };

/** A batch holds files up to this many bytes (or one larger file), or this many files. */
export const batchBytes = 2 * 1024 * 1024;
const batchFiles = 64;
/** How many batches the helper may have ahead of the writer: bounds memory to a few batches. */
const lookahead = 2;

/** The jobs from `start` that make one batch: about `batchBytes` (or one larger file), at most `batchFiles`. */
export function nextBatch(jobs: PrepareJob[], start: number): PrepareJob[] {
  let end = start;
  let bytes = 0;
  while (
    end < jobs.length &&
    end - start < batchFiles &&
    (end === start || bytes + jobs[end]!.size <= batchBytes)
  ) {
    bytes += jobs[end]!.size;
    end++;
  }
  return jobs.slice(start, end);
}

/** One helper process and what it has said, awaited one message at a time. */
export class Helper {
  /** Settles when the process has exited. */
  readonly exited: Promise<void>;
  private readonly inbox: FromHelper[] = [];
  private wake: (() => void) | undefined;
  private ended: string | undefined;
  private stderr = '';

  constructor(private readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.on('message', (message: FromHelper) => {
      this.inbox.push(message);
      this.wake?.();
    });
    // Kept for the reason a helper died (V8 prints "heap out of memory"); never shown raw.
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-4000);
    });
    child.on('exit', (code, signal) => {
      this.ended ??= signal ?? `exit ${code}`;
      this.wake?.();
    });
    child.on('error', (error) => {
      this.ended ??= error.message;
      this.wake?.();
    });
  }

  static start(limits: HelperLimits): Helper {
    // Compiled, the helper is a .js file beside this one; under tsx (development, tests) it is the
    // TypeScript source, and tsx's loader lets plain node run it.
    const compiled = import.meta.url.endsWith('.js');
    const entry = new URL(
      compiled ? './helper-process-entry.js' : './helper-process-entry.ts',
      import.meta.url,
    );
    const loader = compiled
      ? []
      : ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
    return new Helper(
      fork(entry, [], {
        execArgv: [...loader, `--max-old-space-size=${limits.parseMemoryMb}`],
        serialization: 'advanced',
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      }),
    );
  }

  send(message: ToHelper): void {
    this.child.send(message);
  }

  /** The next message; 'timeout' after `timeoutMs`; 'ended' when the helper is gone. */
  async next(timeoutMs?: number): Promise<FromHelper | { type: 'timeout' } | { type: 'ended' }> {
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    if (timeoutMs !== undefined) {
      timer = setTimeout(() => {
        timedOut = true;
        this.wake?.();
      }, timeoutMs);
    }
    try {
      for (;;) {
        const message = this.inbox.shift();
        if (message) return message;
        if (this.ended !== undefined) return { type: 'ended' };
        if (timedOut) return { type: 'timeout' };
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        this.wake = undefined;
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /** Why the helper ended, in words for the summary. */
  endReason(limits: HelperLimits): string {
    if (/heap out of memory|Reached heap limit/i.test(this.stderr)) {
      return `needed more than ${limits.parseMemoryMb} MB of memory to read (limit: READOUT_PARSE_MEMORY_MB); skipped`;
    }
    return `the re-index helper process ended while reading it (${this.ended}); skipped`;
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

/** One helper process on its way: started, `ready` once it has loaded. */
export interface StartingHelper {
  helper: Helper;
  ready: Promise<Helper>;
}

/**
 * Starts a helper; `ready` fails when it cannot start, which fails the run where it is awaited.
 * A re-index starts its helpers before it knows the files (startingHelpers in
 * helper-processes.ts): loading the language data takes a helper most of a second, which the
 * run spends finding and comparing the files.
 */
export function startHelper(limits: HelperLimits): StartingHelper {
  const helper = Helper.start(limits);
  const ready = helper.next().then((first) => {
    if (first.type === 'ready') return helper;
    helper.kill();
    throw new Error(`re-index helper process did not start (${first.type})`);
  });
  // Not awaited until its files are sent: a failure must not count as unhandled before then.
  ready.catch(() => {});
  return { helper, ready };
}

/** Prepares `jobs` in a helper process: `started` if given (see startHelper), else a new one. */
export function prepareInHelperProcess(
  jobs: PrepareJob[],
  limits: HelperLimits,
  started?: StartingHelper,
): PreparedRun {
  let helper: Helper | undefined;

  async function* files(): AsyncGenerator<PreparedFile> {
    let current = await (started ?? startHelper(limits)).ready;
    helper = current;
    let sent = 0;
    // Jobs go in batches; a new one is sent once fewer than `lookahead` batches are unanswered.
    const inFlight: number[] = [];
    const fill = (received: number) => {
      while (inFlight.length > 0 && inFlight[0]! <= received) inFlight.shift();
      while (sent < jobs.length && inFlight.length < lookahead) {
        const batch = nextBatch(jobs, sent);
        current.send({ type: 'jobs', jobs: batch });
        sent += batch.length;
        inFlight.push(sent);
      }
    };
    fill(0);
    for (let received = 0; received < jobs.length; received++) {
      // The helper prepares in order: from now it is on this job (or has finished it).
      const message = await current.next(limits.parseTimeoutMs);
      if (message.type === 'prepared') {
        fill(received + 1);
        yield message.prepared;
        continue;
      }
      if (message.type === 'error') throw new Error(`re-index helper process: ${message.message}`);
      if (message.type !== 'timeout' && message.type !== 'ended') {
        throw new Error(`re-index helper process: unexpected ${message.type}`);
      }
      // This file is past its limits: skip it, and go on with a fresh helper from the next one.
      const reason =
        message.type === 'timeout'
          ? `took longer than ${limits.parseTimeoutMs / 1000} s to read (limit: READOUT_PARSE_SECONDS); skipped`
          : current.endReason(limits);
      current.kill();
      helper = undefined;
      yield { kind: 'skipped', reason };
      if (received + 1 < jobs.length) {
        current = await startHelper(limits).ready;
        helper = current;
        sent = received + 1;
        inFlight.length = 0;
        fill(received + 1);
      }
    }
  }
  return {
    files: files(),
    close: () => {
      helper?.kill();
      started?.helper.kill();
    },
  };
}
