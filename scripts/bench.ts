/**
 * npm run bench -- [--passages N | --sizes 10000,100000] [--shapes jsonl,files] [--load-runs N] [--keep]
 *                  [--skip-http] [--burst N] [--slow N] [--seed S] [--profile DIR]
 *
 * Generates a synthetic archive of N passages in a temp folder, as JSONL exports and as one
 * Markdown file per article, and measures Readout (full and incremental re-index, readout() per
 * query class, HTTP /readout, database size, serving memory) side by side with a bare FTS5 table
 * of the same passages. Prints a table and writes it, with the machine
 * and date, to scripts/bench/results/DATE-SIZES.md (and .json), then redraws
 * scripts/bench/results/chart.svg from every saved result. Not part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { projectRoot } from '../src/paths.js';
import type { ArchiveShape } from './bench/archive-writers.js';
import { benchSize, removeWorkDir, type SizeResult } from './bench/harness.js';
import { benchQueries } from './bench/queries.js';
import { type BenchRun, describeMachine, renderChart, renderReport } from './bench/report.js';
import { SyntheticArchive } from './bench/synthetic-archive.js';

const usage = `usage: npm run bench -- [--passages N | --sizes N,N,...] [--shapes jsonl,files] [--keep] [--skip-http] [--burst N] [--slow N] [--seed S]
  --passages N    archive size in passages (default 100000)
  --sizes LIST    several sizes in one run, e.g. 10000,100000,1000000
  --shapes LIST   archive shapes: jsonl (exports of 1,000 articles), files (one Markdown file per
                  article); default both
  --queries N     how many queries (default 300)
  --load-runs N   how many times each whole-archive load runs (default 3 up to 100,000 passages, 1 above)
  --seed S        seed of the synthetic archive and its queries (default 1)
  --keep          keep the temp folder (archive and databases) and print where it is
  --skip-http     do not start the app for the HTTP measurement
  --burst N       concurrent /readout requests for the ack measurement (default 500)
  --slow N        slow searches (the commonest words) sent just before the burst (default 20)
  --profile DIR   write CPU profiles of each phase's first run under DIR and print their top functions
                  (profiling slows what it measures: compare timings from runs without it)`;

const resultsDir = path.join(import.meta.dirname, 'bench', 'results');

function positiveInteger(raw: string, name: string): number {
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name} should be a positive whole number, not ${raw}`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      passages: { type: 'string' },
      sizes: { type: 'string' },
      shapes: { type: 'string', default: 'jsonl,files' },
      queries: { type: 'string', default: '300' },
      'load-runs': { type: 'string' },
      seed: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
      'skip-http': { type: 'boolean', default: false },
      burst: { type: 'string', default: '500' },
      slow: { type: 'string', default: '20' },
      profile: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const sizes = (values.sizes ?? values.passages ?? '100000')
    .split(',')
    .filter(Boolean)
    .map((raw) => positiveInteger(raw.trim(), values.sizes ? 'sizes' : 'passages'));
  const seed = positiveInteger(values.seed, 'seed');
  const shapes = values.shapes.split(',').map((shape) => shape.trim());
  for (const shape of shapes) {
    if (shape !== 'jsonl' && shape !== 'files')
      throw new Error(`--shapes takes jsonl and files, not ${shape}`);
  }
  const queries = benchQueries(new SyntheticArchive({ seed }), positiveInteger(values.queries, 'queries'));

  const log = (line: string) => process.stderr.write(`${line}\n`);
  // The project is measured as production runs it, compiled: build it first.
  log('bench: npm run build');
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status !== 0) throw new Error('npm run build failed; fix the build before benchmarking');
  const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-bench-'));
  log(`bench: working in ${workRoot}`);
  const results: SizeResult[] = [];
  try {
    for (const passages of sizes) {
      const workDir = path.join(workRoot, String(passages));
      results.push(
        await benchSize({
          passages,
          seed,
          shapes: shapes as ArchiveShape[],
          queries,
          workDir,
          // A whole load is seconds at 100k passages, minutes at 1M: repeat only the cheap ones.
          loadRuns: values['load-runs']
            ? positiveInteger(values['load-runs'], 'load-runs')
            : passages <= 100_000
              ? 3
              : 1,
          incrementalRuns: 3,
          // A p99 over 25 queries of a class is the slowest of 75 answers in three rounds (the
          // nearest rank): one pause of the machine's (other processes, the kernel) decides it.
          // Ten rounds make it the third-slowest of 250 — seconds at 100,000 passages; at a million, bare's
          // answers for the common words alone take most of a minute a round.
          queryRounds: passages <= 100_000 ? 10 : 3,
          http: !values['skip-http'],
          burst: {
            requests: positiveInteger(values.burst, 'burst'),
            slow: positiveInteger(values.slow, 'slow'),
          },
          profileDir: values.profile ? path.resolve(values.profile) : undefined,
          log,
        }),
      );
      if (!values.keep) removeWorkDir(workDir);
    }
  } finally {
    if (values.keep) log(`bench: kept ${workRoot}`);
    else removeWorkDir(workRoot);
  }

  const sqlite = (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  const run: BenchRun = {
    date: new Date().toISOString().slice(0, 10),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    seed,
    machine: describeMachine(sqlite),
    results,
  };
  const report = renderReport(run);
  process.stdout.write(`\n${report}\n`);
  if (values.profile) {
    log('bench: profiled run, so no results file (profiling slows what it measures)');
    return;
  }
  fs.mkdirSync(resultsDir, { recursive: true });
  const base = path.join(resultsDir, `${run.date}-${sizes.join('-')}`);
  fs.writeFileSync(`${base}.md`, report);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(run, null, 2)}\n`);
  fs.writeFileSync(path.join(resultsDir, 'chart.svg'), renderChart(savedRuns()));
  log(`bench: wrote ${path.relative(process.cwd(), base)}.md and chart.svg`);
}

/** Every saved run, oldest first (by file time: runs of one day share a date), so the chart takes the newest per size. */
function savedRuns(): BenchRun[] {
  return fs
    .readdirSync(resultsDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => path.join(resultsDir, name))
    .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs)
    .map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as BenchRun);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exit(1);
});
