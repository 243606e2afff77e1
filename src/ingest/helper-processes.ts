/**
 * Several helper processes (helper-process.ts) preparing alternate batches of a re-index's
 * files, merged back into the order of the jobs. Preparing (reading, segmenting, finding
 * quotations) is most of a re-index's work: with one helper, the writer waited for it half the
 * time, and a 2-core machine had half a core spare. Each helper keeps its own limits and skips its
 * own stuck files; only this process writes the database.
 */
import os from 'node:os';
import {
  batchBytes,
  type HelperLimits,
  nextBatch,
  type PreparedRun,
  prepareInHelperProcess,
  prepareInProcess,
  type StartingHelper,
  startHelper,
} from './helper-process.js';
import type { PreparedFile, PrepareJob } from './prepare-file.js';

/**
 * How many helpers a re-index of `jobs` uses: two on a machine with two cores or more when the
 * jobs make at least `minimumBatches` batches (each helper costs a process start that loads the
 * language data: about a second) of files smaller than a batch, else one. A file larger than a
 * batch (an export of a thousand articles) is a batch of its own, and a second helper would
 * hold two more of them at once: at a million passages of JSONL exports the re-index's peak
 * memory went from 0.8 to 1.1 GB for a fifth less time. So archives that are mostly such
 * exports keep one helper. None when there is nothing to prepare.
 */
export function helperCount(
  jobs: PrepareJob[],
  cores = os.availableParallelism(),
  minimumBatches = 8,
): number {
  if (jobs.length === 0) return 0;
  if (cores < 2) return 1;
  let bytes = 0;
  let inLargeFiles = 0;
  for (const { size } of jobs) {
    bytes += size;
    if (size > batchBytes) inLargeFiles += size;
  }
  if (inLargeFiles > bytes / 10) return 1;
  let batches = 0;
  for (let start = 0; start < jobs.length && batches < minimumBatches; batches++) {
    start += nextBatch(jobs, start).length;
  }
  return batches >= minimumBatches ? 2 : 1;
}

/**
 * Helpers started before the run knows its files: for a run that prepares `everyFile` (a full
 * or first run), as many as it may use (two on two cores or more); else one, since most runs
 * change a few files, and a second helper loading its language data would slow the finding of
 * the files on a 2-core machine (a re-index of one changed article in a million passages' files
 * spends two seconds there). prepareInHelperProcesses starts another when the files call for
 * it, and stops those it does not need.
 */
export function startingHelpers(
  limits: HelperLimits,
  everyFile: boolean,
  cores = os.availableParallelism(),
): StartingHelper[] {
  return Array.from({ length: cores < 2 || !everyFile ? 1 : 2 }, () => startHelper(limits));
}

/** The jobs cut into batches (nextBatch), dealt to `count` helpers in turn. */
export function dealBatches(
  jobs: PrepareJob[],
  count: number,
): { shares: PrepareJob[][]; turns: Array<{ helper: number; files: number }> } {
  const shares: PrepareJob[][] = Array.from({ length: count }, () => []);
  const turns: Array<{ helper: number; files: number }> = [];
  for (let start = 0; start < jobs.length; ) {
    const batch = nextBatch(jobs, start);
    const helper = turns.length % count;
    shares[helper]!.push(...batch);
    turns.push({ helper, files: batch.length });
    start += batch.length;
  }
  return { shares, turns };
}

/**
 * Prepares `jobs` in `count` helper processes, the first of `started` (startingHelpers) if given,
 * stopping those left over (all of them for a count of 0: no jobs, or none worth a process);
 * the files come out in the order of the jobs.
 */
export function prepareInHelperProcesses(
  jobs: PrepareJob[],
  limits: HelperLimits,
  count: number,
  started: StartingHelper[] = [],
): PreparedRun {
  for (const unused of started.slice(count)) unused.helper.kill();
  if (count === 0) return prepareInProcess(jobs);
  if (count === 1) return prepareInHelperProcess(jobs, limits, started[0]);
  const { shares, turns } = dealBatches(jobs, count);
  const runs = shares.map((share, helper) => prepareInHelperProcess(share, limits, started[helper]));
  // Every helper starts at once and keeps one prepared file ready, so none waits for its turn.
  // (A failure is seen when that file's turn comes; until then it must not count as unhandled.)
  const fetch = (helper: number) => {
    const next = runs[helper]!.files.next();
    next.catch(() => {});
    return next;
  };
  const ahead = runs.map((_, helper) => fetch(helper));

  async function* files(): AsyncGenerator<PreparedFile> {
    for (const { helper, files: count } of turns) {
      for (let n = 0; n < count; n++) {
        const next = await ahead[helper]!;
        if (next.done) throw new Error('re-index helper process: fewer files prepared than sent');
        ahead[helper] = fetch(helper);
        yield next.value;
      }
    }
  }
  return {
    files: files(),
    close: () => {
      for (const run of runs) run.close();
    },
  };
}
