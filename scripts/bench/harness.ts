/**
 * One benchmark run at one archive size: generate the archive, measure the bare FTS5 baseline,
 * then Readout's re-index, incremental re-index, `readout()` and (optionally) HTTP on the same
 * passages and queries. A failing project phase is recorded with its error instead of ending
 * the run, so the baseline and the phases that work are still reported.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { timeBareQueries } from './bare-fts.js';
import { cpuProfileFlags, profileInProcess, summariseProfiles } from './cpu-profile.js';
import { type HttpBenchResult, slowQueries, timeHttpReadout } from './http-side.js';
import { runMeasured, tsxCommand } from './process-tree.js';
import {
  databaseBytes,
  type QueryTiming,
  removeDatabase,
  runReindex,
  timeReadout,
  touchOneArticle,
} from './project-side.js';
import { type BenchQuery, bareMatchExpression, type QueryKind } from './queries.js';
import { type LatencySummary, median, summariseLatencies } from './stats.js';
import { SyntheticArchive, writeArchive } from './synthetic-archive.js';
import { type TimelineBenchResult, timelineQueries, timeTimeline } from './timeline-side.js';

export interface SizeOptions {
  passages: number;
  seed: number;
  queries: BenchQuery[];
  /** Folder for this size's archive and databases. */
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
  byKind: Record<QueryKind, LatencySummary>;
  /** Queries that returned at least one passage. */
  answered: number;
  answeredByKind: Record<QueryKind, number>;
}

export interface LoadResult {
  /** Median wall-clock seconds of the whole process. */
  seconds: number;
  runs: number[];
  /** Highest peak memory of the runs, bytes. */
  peakBytes: number;
  databaseBytes: number;
}

export interface SizeResult {
  passages: number;
  /** The machine's 1-minute load average when this size started: other work skews timings. */
  loadAverage: number;
  archive: { articles: number; files: number; bytes: number; generateSeconds: number };
  queries: number;
  queryRounds: number;
  bare: LoadResult & { insertSeconds: number; optimizeSeconds: number; query: LatencyResult };
  project: {
    reindex?: LoadResult & { passages?: number; reportedSeconds?: number };
    incremental?: { seconds: number; runs: number[]; peakBytes: number };
    readout?: LatencyResult;
    timeline?: TimelineBenchResult;
    http?: HttpBenchResult;
    /** Phase name → error message, for phases that could not be measured. */
    errors: Record<string, string>;
  };
}

function latencyResult(
  timings: Array<{ milliseconds: number[]; hits: number }>,
  queries: BenchQuery[],
): LatencyResult {
  const kinds: QueryKind[] = ['words', 'phrase', 'typo'];
  const byKind = Object.fromEntries(
    kinds.map((kind) => [
      kind,
      summariseLatencies(timings.filter((_, i) => queries[i]!.kind === kind).flatMap((t) => t.milliseconds)),
    ]),
  ) as Record<QueryKind, LatencySummary>;
  return {
    all: summariseLatencies(timings.flatMap((t) => t.milliseconds)),
    byKind,
    answered: timings.filter((t) => t.hits > 0).length,
    answeredByKind: Object.fromEntries(
      kinds.map((kind) => [kind, timings.filter((t, i) => t.hits > 0 && queries[i]!.kind === kind).length]),
    ) as Record<QueryKind, number>,
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

/** Runs every phase at one archive size. */
export async function benchSize(options: SizeOptions): Promise<SizeResult> {
  const { passages, log, queries } = options;
  const archiveDir = path.join(options.workDir, 'articles');
  const bareFile = path.join(options.workDir, 'bare.sqlite');
  const projectFile = path.join(options.workDir, 'readout.sqlite');
  const profileDirs: string[] = [];
  /** Node flags that profile one phase's first run into its own folder, when profiling. */
  const profiled = (phaseName: string, run = 0): string[] => {
    if (!options.profileDir || run > 0) return [];
    const dir = path.join(options.profileDir, String(passages), phaseName);
    profileDirs.push(dir);
    return cpuProfileFlags(dir);
  };

  const loadAverage = os.loadavg()[0]!;
  log(`${passages.toLocaleString('en')} passages (load average ${loadAverage.toFixed(2)})`);
  const generateStarted = performance.now();
  const written = writeArchive(new SyntheticArchive({ seed: options.seed }), archiveDir, passages);
  const generateSeconds = (performance.now() - generateStarted) / 1000;
  log(
    `  archive: ${written.articles} articles in ${written.files.length} files, ${megabytes(written.bytes)}, generated in ${seconds(generateSeconds)}`,
  );

  // Bare FTS5: bulk load as its own process, like the re-index, so both are measured alike.
  const bareRuns: Array<{
    seconds: number;
    peakBytes: number;
    insertSeconds: number;
    optimizeSeconds: number;
  }> = [];
  for (let run = 0; run < options.loadRuns; run++) {
    removeDatabase(bareFile);
    const [command, args] = tsxCommand(
      path.join(projectRoot, 'scripts/bench/bare-fts.ts'),
      [archiveDir, bareFile],
      profiled('bare-load', run),
    );
    const measured = await runMeasured(command, args, { cwd: projectRoot });
    if (measured.exitCode !== 0) throw new Error(`bench: bare FTS5 load failed: ${measured.stderr.trim()}`);
    const report = JSON.parse(measured.stdout) as { insertSeconds: number; optimizeSeconds: number };
    bareRuns.push({ seconds: measured.seconds, peakBytes: measured.peakBytes, ...report });
    log(
      `  bare FTS5 load ${run + 1}/${options.loadRuns}: ${seconds(measured.seconds)}, peak ${megabytes(measured.peakBytes)}`,
    );
  }
  const bareQueries = timeBareQueries(bareFile, queries, options.queryRounds, bareMatchExpression);
  const bare = {
    seconds: median(bareRuns.map((r) => r.seconds)),
    runs: bareRuns.map((r) => r.seconds),
    peakBytes: Math.max(...bareRuns.map((r) => r.peakBytes)),
    databaseBytes: databaseBytes(bareFile),
    insertSeconds: median(bareRuns.map((r) => r.insertSeconds)),
    optimizeSeconds: median(bareRuns.map((r) => r.optimizeSeconds)),
    query: latencyResult(bareQueries, queries),
  };
  log(`  bare query: p50 ${bare.query.all.p50.toFixed(2)} ms, p99 ${bare.query.all.p99.toFixed(2)} ms`);

  const errors: Record<string, string> = {};
  const project: SizeResult['project'] = { errors };

  project.reindex = await phase(errors, 'full re-index', log, async () => {
    const runs = [];
    for (let run = 0; run < options.loadRuns; run++) {
      removeDatabase(projectFile);
      const measured = await runReindex(archiveDir, projectFile, true, profiled('full-reindex', run));
      runs.push(measured);
      log(
        `  full re-index ${run + 1}/${options.loadRuns}: ${seconds(measured.seconds)}, peak ${megabytes(measured.peakBytes)}`,
      );
    }
    const last = runs.at(-1)!;
    return {
      seconds: median(runs.map((r) => r.seconds)),
      runs: runs.map((r) => r.seconds),
      peakBytes: Math.max(...runs.map((r) => r.peakBytes)),
      databaseBytes: databaseBytes(projectFile),
      passages: last.passages,
      reportedSeconds: last.reportedSeconds,
    };
  });

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
        options.profileDir && path.join(options.profileDir, String(passages), 'readout');
      if (readoutProfileDir) profileDirs.push(readoutProfileDir);
      const timings: QueryTiming[] = readoutProfileDir
        ? await profileInProcess(path.join(readoutProfileDir, 'readout.cpuprofile'), measure)
        : await measure();
      const result = latencyResult(timings, queries);
      log(`  readout(): p50 ${result.all.p50.toFixed(2)} ms, p99 ${result.all.p99.toFixed(2)} ms`);
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
    passages: written.passages,
    loadAverage,
    archive: {
      articles: written.articles,
      files: written.files.length,
      bytes: written.bytes,
      generateSeconds,
    },
    queries: queries.length,
    queryRounds: options.queryRounds,
    bare,
    project,
  };
}

/** Deletes a work folder (the archive at 1M passages is most of a gigabyte). */
export function removeWorkDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
