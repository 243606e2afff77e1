/**
 * One benchmark run at one archive size: for each archive shape (JSONL exports, one Markdown file
 * per article), generate the archive, measure the bare FTS5 baseline, then Readout's re-index,
 * incremental re-index, `readout()` per query class and (optionally) HTTP on the same passages
 * and queries. A failing project phase is recorded with its error instead of ending the run, so
 * the baseline and the phases that work are still reported.
 */
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { type ArchiveShape, writeArchive } from './archive-writers.js';
import { timeBareQueries } from './bare-fts.js';
import { cpuProfileFlags, profileInProcess, summariseProfiles } from './cpu-profile.js';
import { type HttpBenchResult, slowQueries, timeHttpReadout } from './http-side.js';
import { nodeCommand, runMeasured } from './process-tree.js';
import {
  compiled,
  databaseBytes,
  type QueryTiming,
  type ReindexRun,
  removeDatabase,
  runReindex,
  timeReadout,
  touchOneArticle,
} from './project-side.js';
import { type BenchQuery, type QueryClass, queryClasses } from './queries.js';
import { type LatencySummary, median, summariseLatencies } from './stats.js';
import { SyntheticArchive } from './synthetic-archive.js';
import { type TimelineBenchResult, timelineQueries, timeTimeline } from './timeline-side.js';

export interface SizeOptions {
  passages: number;
  seed: number;
  shapes: ArchiveShape[];
  queries: BenchQuery[];
  /** Folder for this size's archives and databases. */
  workDir: string;
  /** Repeats of the whole-archive loads (each is minutes at 1M passages). */
  loadRuns: number;
  incrementalRuns: number;
  queryRounds: number;
  http: boolean;
  /** Concurrent /readout requests, and slow searches sent just before them, for the ack test. */
  burst: { requests: number; slow: number };
  /** Write CPU profiles of each phase (the first run of each) under this folder. */
  profileDir?: string;
  log: (line: string) => void;
}

export interface LatencyResult {
  all: LatencySummary;
  byClass: Partial<Record<QueryClass, LatencySummary>>;
  /** Queries that returned at least one passage, per class. */
  answeredByClass: Partial<Record<QueryClass, number>>;
  /** The filtered classes' queries with the filter left out. */
  unfilteredByClass?: Partial<Record<QueryClass, LatencySummary>>;
}

export interface LoadResult {
  /** Median wall-clock seconds of the whole process. */
  seconds: number;
  runs: number[];
  /** Median CPU seconds (user + system) of the process tree. */
  cpuSeconds?: number;
  /** Highest peak memory of the runs, bytes. */
  peakBytes: number;
  databaseBytes: number;
}

export interface ShapeResult {
  shape: ArchiveShape;
  archive: { articles: number; copies: number; files: number; bytes: number; generateSeconds: number };
  bare: LoadResult & { insertSeconds: number; optimizeSeconds: number; query: LatencyResult };
  project: {
    reindex?: LoadResult & { passages?: number; reportedSeconds?: number };
    /** The same full re-index with READOUT_QUOTATIONS=off: what quotation extraction costs. */
    reindexWithoutQuotations?: { seconds: number; runs: number[]; cpuSeconds: number };
    incremental?: { seconds: number; runs: number[]; peakBytes: number };
    readout?: LatencyResult;
    /** compare() over the word queries (a comparison reads whole articles: fewer queries). */
    compare?: LatencyResult;
    timeline?: TimelineBenchResult;
    http?: HttpBenchResult;
    /** Phase name → error message, for phases that could not be measured. */
    errors: Record<string, string>;
  };
}

export interface SizeResult {
  passages: number;
  /** The machine's 1-minute load average when this size started: other work skews timings. */
  loadAverage: number;
  queries: number;
  queryRounds: number;
  shapes: ShapeResult[];
}

function byClass<T>(queries: BenchQuery[], pick: (i: number) => T[]): Partial<Record<QueryClass, T[]>> {
  return Object.fromEntries(
    queryClasses.map((kind) => [kind, queries.flatMap((query, i) => (query.kind === kind ? pick(i) : []))]),
  );
}

const summarise = (groups: Partial<Record<QueryClass, number[]>>) =>
  Object.fromEntries(
    Object.entries(groups)
      .filter(([, samples]) => samples.length > 0)
      .map(([kind, samples]) => [kind, summariseLatencies(samples)]),
  ) as Partial<Record<QueryClass, LatencySummary>>;

/** Word queries compare() is timed on: each reads up to 24 whole articles, so fewer than readout(). */
const compareQueries = 50;

function latencyResult(
  timings: Array<{ milliseconds: number[]; hits: number; unfilteredMilliseconds?: number[] }>,
  queries: BenchQuery[],
): LatencyResult {
  const answered = byClass(queries, (i) => (timings[i]!.hits > 0 ? [1] : []));
  const unfiltered = summarise(byClass(queries, (i) => timings[i]!.unfilteredMilliseconds ?? []));
  return {
    all: summariseLatencies(timings.flatMap((t) => t.milliseconds)),
    byClass: summarise(byClass(queries, (i) => timings[i]!.milliseconds)),
    answeredByClass: Object.fromEntries(Object.entries(answered).map(([kind, ones]) => [kind, ones.length])),
    ...(Object.keys(unfiltered).length > 0 ? { unfilteredByClass: unfiltered } : {}),
  };
}

/** Runs one project phase; its failure is recorded under its name and the benchmark goes on. */
async function phase<T>(
  errors: Record<string, string>,
  name: string,
  log: (line: string) => void,
  run: () => Promise<T> | T,
): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    const message = (error as Error).message.split('\n')[0]!.slice(0, 300);
    errors[name] = message;
    log(`  ${name}: FAILED — ${message}`);
    return undefined;
  }
}

const seconds = (value: number) => `${value.toFixed(1)} s`;
const megabytes = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** Runs every phase at one archive size, for each archive shape. */
export async function benchSize(options: SizeOptions): Promise<SizeResult> {
  const loadAverage = os.loadavg()[0]!;
  options.log(`${options.passages.toLocaleString('en')} passages (load average ${loadAverage.toFixed(2)})`);
  const shapes: ShapeResult[] = [];
  for (const shape of options.shapes) shapes.push(await benchShape(options, shape));
  return {
    passages: options.passages,
    loadAverage,
    queries: options.queries.length,
    queryRounds: options.queryRounds,
    shapes,
  };
}

async function benchShape(options: SizeOptions, shape: ArchiveShape): Promise<ShapeResult> {
  const { passages, log, queries } = options;
  const workDir = path.join(options.workDir, shape);
  const archiveDir = path.join(workDir, 'articles');
  const bareFile = path.join(workDir, 'bare.sqlite');
  const projectFile = path.join(workDir, 'readout.sqlite');
  const profileDirs: string[] = [];
  /** Node flags that profile one phase's first run into its own folder, when profiling. */
  const profiled = (phaseName: string, run = 0): string[] => {
    if (!options.profileDir || run > 0) return [];
    const dir = path.join(options.profileDir, String(passages), shape, phaseName);
    profileDirs.push(dir);
    return cpuProfileFlags(dir);
  };

  const generateStarted = performance.now();
  const written = writeArchive(new SyntheticArchive({ seed: options.seed }), archiveDir, passages, shape);
  const generateSeconds = (performance.now() - generateStarted) / 1000;
  log(
    `  ${shape}: ${written.articles} articles (${written.copies} syndicated copies) in ${written.files.length} files, ${megabytes(written.bytes)}, generated in ${seconds(generateSeconds)}`,
  );

  // Bare FTS5's load and the re-index, each as its own process so both are measured alike,
  // taking turns run by run: this machine's speed drifts by a third over minutes, and all of one
  // then all of the other put that drift into their ratio.
  const bareRuns: Array<{
    seconds: number;
    cpuSeconds: number;
    peakBytes: number;
    insertSeconds: number;
    optimizeSeconds: number;
  }> = [];
  const bareLoad = async (run: number) => {
    removeDatabase(bareFile);
    const [command, args] = nodeCommand(
      compiled('scripts/bench/bare-fts.js'),
      [archiveDir, bareFile],
      profiled('bare-load', run),
    );
    const measured = await runMeasured(command, args, { cwd: projectRoot });
    if (measured.exitCode !== 0) throw new Error(`bench: bare FTS5 load failed: ${measured.stderr.trim()}`);
    const report = JSON.parse(measured.stdout) as { insertSeconds: number; optimizeSeconds: number };
    bareRuns.push({
      seconds: measured.seconds,
      cpuSeconds: measured.cpuSeconds,
      peakBytes: measured.peakBytes,
      ...report,
    });
    log(
      `  bare FTS5 load ${run + 1}/${options.loadRuns}: ${seconds(measured.seconds)}, peak ${megabytes(measured.peakBytes)}`,
    );
  };
  const reindexRuns: ReindexRun[] = [];
  let reindexFailure: unknown;
  for (let run = 0; run < options.loadRuns; run++) {
    await bareLoad(run);
    if (reindexFailure !== undefined) continue;
    try {
      removeDatabase(projectFile);
      const measured = await runReindex(archiveDir, projectFile, true, profiled('full-reindex', run));
      reindexRuns.push(measured);
      log(
        `  full re-index ${run + 1}/${options.loadRuns}: ${seconds(measured.seconds)}, peak ${megabytes(measured.peakBytes)}`,
      );
    } catch (error) {
      reindexFailure = error;
    }
  }
  const bareQuery = latencyResult(timeBareQueries(bareFile, queries, options.queryRounds), queries);
  const bare = {
    seconds: median(bareRuns.map((r) => r.seconds)),
    runs: bareRuns.map((r) => r.seconds),
    cpuSeconds: median(bareRuns.map((r) => r.cpuSeconds)),
    peakBytes: Math.max(...bareRuns.map((r) => r.peakBytes)),
    databaseBytes: databaseBytes(bareFile),
    insertSeconds: median(bareRuns.map((r) => r.insertSeconds)),
    optimizeSeconds: median(bareRuns.map((r) => r.optimizeSeconds)),
    query: bareQuery,
  };
  log(`  bare query: p50 ${bareQuery.all.p50.toFixed(2)} ms, p99 ${bareQuery.all.p99.toFixed(2)} ms`);

  const errors: Record<string, string> = {};
  const project: ShapeResult['project'] = { errors };

  project.reindex = await phase(errors, 'full re-index', log, () => {
    if (reindexFailure !== undefined) throw reindexFailure;
    const last = reindexRuns.at(-1)!;
    return {
      seconds: median(reindexRuns.map((r) => r.seconds)),
      runs: reindexRuns.map((r) => r.seconds),
      cpuSeconds: median(reindexRuns.map((r) => r.cpuSeconds)),
      peakBytes: Math.max(...reindexRuns.map((r) => r.peakBytes)),
      databaseBytes: databaseBytes(projectFile),
      passages: last.passages,
      reportedSeconds: last.reportedSeconds,
    };
  });

  project.reindexWithoutQuotations = await phase(
    errors,
    'full re-index without quotations',
    log,
    async () => {
      // Into a database of its own, so the index the queries below use is the one with quotations.
      const withoutFile = `${projectFile}.without-quotations`;
      const runs = [];
      for (let run = 0; run < options.loadRuns; run++) {
        removeDatabase(withoutFile);
        const measured = await runReindex(archiveDir, withoutFile, true, [], { READOUT_QUOTATIONS: 'off' });
        runs.push(measured);
        log(
          `  full re-index without quotations ${run + 1}/${options.loadRuns}: ${seconds(measured.seconds)}`,
        );
      }
      removeDatabase(withoutFile);
      return {
        seconds: median(runs.map((r) => r.seconds)),
        runs: runs.map((r) => r.seconds),
        cpuSeconds: median(runs.map((r) => r.cpuSeconds)),
      };
    },
  );

  if (project.reindex) {
    project.incremental = await phase(errors, 'incremental re-index', log, async () => {
      const changed = written.files[Math.floor(written.files.length / 2)]!;
      const runs = [];
      for (let run = 0; run < options.incrementalRuns; run++) {
        touchOneArticle(changed, run + 1);
        const measured = await runReindex(
          archiveDir,
          projectFile,
          false,
          profiled('incremental-reindex', run),
        );
        runs.push(measured);
        log(`  incremental re-index ${run + 1}/${options.incrementalRuns}: ${seconds(measured.seconds)}`);
      }
      return {
        seconds: median(runs.map((r) => r.seconds)),
        runs: runs.map((r) => r.seconds),
        peakBytes: Math.max(...runs.map((r) => r.peakBytes)),
      };
    });

    project.readout = await phase(errors, 'readout()', log, async () => {
      const measure = () => timeReadout(projectFile, queries, options.queryRounds);
      const readoutProfileDir =
        options.profileDir && path.join(options.profileDir, String(passages), shape, 'readout');
      if (readoutProfileDir) profileDirs.push(readoutProfileDir);
      const timings: QueryTiming[] = readoutProfileDir
        ? await profileInProcess(path.join(readoutProfileDir, 'readout.cpuprofile'), measure)
        : await measure();
      const result = latencyResult(timings, queries);
      log(`  readout(): p50 ${result.all.p50.toFixed(2)} ms, p99 ${result.all.p99.toFixed(2)} ms`);
      return result;
    });

    project.compare = await phase(errors, 'compare()', log, async () => {
      const words = queries.filter((query) => query.kind === 'words').slice(0, compareQueries);
      const result = latencyResult(
        await timeReadout(projectFile, words, options.queryRounds, 'compare'),
        words,
      );
      log(`  compare(): p50 ${result.all.p50.toFixed(2)} ms, p99 ${result.all.p99.toFixed(2)} ms`);
      return result;
    });

    project.timeline = await phase(errors, 'timeline()', log, async () => {
      const { vocabulary } = new SyntheticArchive({ seed: options.seed });
      const sets = { benchQueries: queries.map((q) => q.text), ...timelineQueries(queries, vocabulary) };
      const result = await timeTimeline(projectFile, sets, options.queryRounds);
      for (const [name, set] of Object.entries(result)) {
        log(
          `  timeline() ${name}: p50 ${set.latency.p50.toFixed(2)} ms, p99 ${set.latency.p99.toFixed(2)} ms, median ${set.medianEntries} entries`,
        );
      }
      return result;
    });

    if (options.http) {
      project.http = await phase(errors, 'HTTP /readout', log, async () => {
        const slow = slowQueries(new SyntheticArchive({ seed: options.seed }).vocabulary, options.burst.slow);
        const result = await timeHttpReadout(projectFile, queries, profiled('http-app'), {
          requests: options.burst.requests,
          slow,
        });
        log(
          `  HTTP /readout: p50 ${result.latency.p50.toFixed(1)} ms, p99 ${result.latency.p99.toFixed(1)} ms, serving RSS ${megabytes(result.rssBytes)}`,
        );
        if (result.burst) {
          const { burst } = result;
          log(
            `  ${burst.requests} at once with ${burst.slowSearches} slow searches: ack p50 ${burst.ack.p50.toFixed(0)} ms, p99 ${burst.ack.p99.toFixed(0)} ms; answer p50 ${burst.answer.p50.toFixed(0)} ms, p99 ${burst.answer.p99.toFixed(0)} ms; ${burst.tooSlow} too slow`,
          );
        }
        return result;
      });
    }
  }

  for (const dir of profileDirs) for (const line of summariseProfiles(dir, projectRoot)) log(line);

  return {
    shape,
    archive: {
      articles: written.articles,
      copies: written.copies,
      files: written.files.length,
      bytes: written.bytes,
      generateSeconds,
    },
    bare,
    project,
  };
}

export { removeWorkDir } from './project-side.js';
