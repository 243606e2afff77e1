/**
 * Running `prepareFile` over a re-index's files, in order, either here (small runs) or in a
 * helper process (large runs): the helper prepares the next files on the second core while this
 * process writes the current one into SQLite. Only this process ever writes the database.
 *
 * Vocabulary: for a file new to the index every article will be written, so the preparer counts
 * its words itself and sends only the total at the end, rather than every article's word list.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { VocabularyTally } from '../index/vocabulary-tally.js';
import { type PreparedFile, type PrepareJob, prepareFile } from './prepare-file.js';

export interface CountedJob extends PrepareJob {
  /** Count the words of every article here (the file is new: all its articles are written). */
  countWords: boolean;
}

export interface PreparedRun {
  /** One prepared file per job, in the order of the jobs. */
  files: AsyncGenerator<PreparedFile>;
  /** Word counts of the countWords jobs; call after `files` is exhausted. */
  vocabulary(): Promise<Array<[string, number]>>;
  /** Stops early (on an error): ends the helper process, if any. */
  close(): void;
}

/** Prepares a job and, when asked, counts its articles' words into `tally` instead of returning them. */
export function prepareCounted(job: CountedJob, tally: VocabularyTally): PreparedFile {
  return prepareFile(job, job.countWords ? tally : undefined);
}

export function prepareInProcess(jobs: CountedJob[]): PreparedRun {
  const tally = new VocabularyTally();
  async function* files(): AsyncGenerator<PreparedFile> {
    for (const job of jobs) yield prepareCounted(job, tally);
  }
  return { files: files(), vocabulary: async () => tally.entries(), close: () => {} };
}

/**
 * Messages between this process and the helper (advanced serialisation: Maps, typed values).
 * Jobs go in batches, so that an archive of a hundred thousand small files is not a hundred
 * thousand round trips.
 */
export type ToHelper = { type: 'jobs'; jobs: CountedJob[] } | { type: 'finish' };
export type FromHelper =
  | { type: 'prepared'; prepared: PreparedFile[] }
  | { type: 'vocabulary'; entries: Array<[string, number]> }
  | { type: 'error'; message: string };

/** A batch holds files up to this many bytes (or one larger file), or this many files. */
const batchBytes = 2 * 1024 * 1024;
const batchFiles = 64;
/** How many batches the helper may prepare ahead of the writer: bounds memory to a few batches. */
const lookahead = 2;

/** The jobs in batches of about `batchBytes` (at most `batchFiles` files), in order. */
export function batchJobs(jobs: CountedJob[]): CountedJob[][] {
  const batches: CountedJob[][] = [];
  let batch: CountedJob[] = [];
  let bytes = 0;
  for (const job of jobs) {
    if (batch.length > 0 && (bytes + job.size > batchBytes || batch.length >= batchFiles)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(job);
    bytes += job.size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

function startHelper(): ChildProcess {
  // Compiled, the helper is a .js file beside this one; under tsx (development, tests) it is the
  // TypeScript source, and tsx's loader lets plain node run it.
  const compiled = import.meta.url.endsWith('.js');
  const entry = new URL(
    compiled ? './helper-process-entry.js' : './helper-process-entry.ts',
    import.meta.url,
  );
  const execArgv = compiled
    ? []
    : ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
  return fork(entry, [], {
    execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

export function prepareInHelperProcess(jobs: CountedJob[]): PreparedRun {
  const helper = startHelper();
  const inbox: FromHelper[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  helper.on('message', (message: FromHelper) => {
    inbox.push(message);
    wake?.();
  });
  helper.on('exit', (code, signal) => {
    failure ??= new Error(`re-index helper process ended early (${signal ?? `exit ${code}`})`);
    wake?.();
  });
  helper.on('error', (error) => {
    failure = error;
    wake?.();
  });

  const receive = async (): Promise<FromHelper> => {
    for (;;) {
      const message = inbox.shift();
      if (message) {
        if (message.type === 'error') throw new Error(`re-index helper process: ${message.message}`);
        return message;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
  };
  const send = (message: ToHelper) => helper.send(message);

  const batches = batchJobs(jobs);
  let sent = 0;
  async function* files(): AsyncGenerator<PreparedFile> {
    while (sent < Math.min(lookahead, batches.length)) send({ type: 'jobs', jobs: batches[sent++]! });
    for (let received = 0; received < batches.length; received++) {
      const message = await receive();
      if (message.type !== 'prepared') throw new Error(`re-index helper process: unexpected ${message.type}`);
      if (sent < batches.length) send({ type: 'jobs', jobs: batches[sent++]! });
      yield* message.prepared;
    }
  }
  return {
    files: files(),
    vocabulary: async () => {
      send({ type: 'finish' });
      const message = await receive();
      if (message.type !== 'vocabulary')
        throw new Error(`re-index helper process: unexpected ${message.type}`);
      return message.entries;
    },
    close: () => {
      if (helper.exitCode === null) helper.kill();
    },
  };
}
