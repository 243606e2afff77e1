/**
 * Readout's side of the benchmark: the real re-index script as a whole process, an incremental
 * re-index after one file changes, and `readout()` called in-process on the built index.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultAliasesFile, projectRoot } from '../../src/paths.js';
import { type MeasuredRun, nodeCommand, runMeasured } from './process-tree.js';
import type { BenchQuery } from './queries.js';

export interface ReindexRun extends MeasuredRun {
  /** Passages the index holds afterwards, as the script reports them. */
  passages?: number;
  articles?: number;
  /** The script's own account of its run time (without process start-up). */
  reportedSeconds?: number;
}

/** The environment the project's programs run with in the benchmark: its own database, no Slack. */
export function projectEnv(databaseFile: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, READOUT_DB: databaseFile, LOG_LEVEL: 'warn', ...extra };
  // A developer's .env must not point the benchmark at real Slack or another archive.
  for (const name of [
    'SLACK_APP_TOKEN',
    'SLACK_BOT_TOKEN',
    'SLACK_SIGNING_SECRET',
    'SLACK_API_URL',
    'READOUT_ARTICLES',
  ]) {
    if (!(name in extra)) env[name] = '';
  }
  return env;
}

/** The compiled project (`npm run build`): what `npm start` and `npm run reindex` run. */
export const compiled = (file: string) => path.join(projectRoot, 'dist', file);

/**
 * Runs `scripts/reindex.ts DIR [--full]`, compiled, as its own process, with `env` added to its
 * environment (READOUT_QUOTATIONS=off, say); throws when it fails.
 */
export async function runReindex(
  archiveDir: string,
  databaseFile: string,
  full: boolean,
  nodeFlags: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<ReindexRun> {
  const [command, args] = nodeCommand(
    compiled('scripts/reindex.js'),
    [archiveDir, ...(full ? ['--full'] : [])],
    nodeFlags,
  );
  const run = await runMeasured(command, args, { env: projectEnv(databaseFile, env), cwd: projectRoot });
  // Exit status 1 means "done, some items skipped": still a complete run.
  if (run.exitCode !== 0 && run.exitCode !== 1) {
    // The reason is the last line (the progress lines come first); the report shows one line.
    const said = (run.stderr.trim() || run.stdout.trim()).split('\n');
    throw new Error(`bench: reindex exited with ${run.exitCode}: ${said.at(-1)}\n${said.join('\n')}`);
  }
  const holds = /holds (\d+) articles, (\d+) passages/.exec(run.stdout);
  // A crash before the summary also exits with 1: no summary, no complete run.
  if (!holds) {
    throw new Error(
      `bench: reindex printed no summary (exit ${run.exitCode}): ${run.stderr.trim().slice(-300)}`,
    );
  }
  const done = /done in ([\d.]+) s/.exec(run.stdout);
  return {
    ...run,
    articles: Number(holds[1]),
    passages: Number(holds[2]),
    reportedSeconds: done ? Number(done[1]) : undefined,
  };
}

/** Removes a database and its WAL companions. */
export function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

// The index's size on disk is measured the way the re-index reports it.
export { databaseBytes } from '../../src/index/database.js';

/** Deletes a work folder (the archive at 1M passages is most of a gigabyte). */
export function removeWorkDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Changes one article of one archive file the way an editor corrects copy: a sentence added to
 * its first paragraph. `edition` makes each call's change different, so every run has work to do.
 */
export function touchOneArticle(file: string, edition: number): void {
  const correction = ` Corrected in edition ${edition} of this story.`;
  if (file.endsWith('.md')) {
    const text = fs.readFileSync(file, 'utf8');
    const bodyStart = text.indexOf('\n---\n', 4) + 6;
    const paragraphEnd = text.indexOf('\n\n', bodyStart + 1);
    fs.writeFileSync(file, text.slice(0, paragraphEnd) + correction + text.slice(paragraphEnd));
    return;
  }
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const at = Math.floor((lines.length - 1) / 2);
  const article = JSON.parse(lines[at]!) as { body: string };
  const [first, ...rest] = article.body.split('\n\n');
  article.body = [first + correction, ...rest].join('\n\n');
  lines[at] = JSON.stringify(article);
  fs.writeFileSync(file, lines.join('\n'));
}

export interface QueryTiming {
  query: BenchQuery;
  milliseconds: number[];
  hits: number;
  /** The same query without its filter, timed in the same rounds (filtered queries only). */
  unfilteredMilliseconds?: number[];
}

function hitCount(result: { kind: string; hits?: unknown[]; events?: unknown[]; detail?: string }): number {
  if (result.kind === 'failed') throw new Error(`readout failed: ${result.detail}`);
  return (result.hits ?? result.events)?.length ?? 0;
}

/**
 * Times `readout(q, {limit: 5})` (or, for `compare`, `compare(q)`: the event and its accounts) in
 * this process on a built index: one untimed pass to warm the caches, then `rounds` timed passes
 * over every query (and its unfiltered twin, if it has one). Answered: hits (compare: an event).
 */
export async function timeReadout(
  databaseFile: string,
  queries: BenchQuery[],
  rounds: number,
  command: 'readout' | 'compare' = 'readout',
): Promise<QueryTiming[]> {
  // Loaded here, not at the top: a project module that does not load fails this phase only,
  // and the baseline is still measured and reported.
  // The compiled modules, as the bot runs them (tsx would wrap every closure for its names).
  const load = async <T>(file: string): Promise<T> => (await import(pathToFileURL(compiled(file)).href)) as T;
  const { openIndexForReading } = await load<typeof import('../../src/index/open-for-reading.js')>(
    'src/index/open-for-reading.js',
  );
  const { SearchIndex } = await load<typeof import('../../src/search/search-index.js')>(
    'src/search/search-index.js',
  );
  const { IndexReader } = await load<typeof import('../../src/index/reader.js')>('src/index/reader.js');
  const { compare, readout } = await load<typeof import('../../src/readout.js')>('src/readout.js');
  // Read-only and mapped, as the bot opens it.
  const { db } = openIndexForReading(databaseFile);
  try {
    const aliasesFile = fs.existsSync(defaultAliasesFile) ? defaultAliasesFile : undefined;
    const search = new SearchIndex(new IndexReader(db), { aliasesFile });
    const run = (text: string) =>
      command === 'compare' ? compare(text, {}, { search }) : readout(text, { limit: 5 }, { search });
    const time = (text: string): number => {
      const started = performance.now();
      run(text);
      return performance.now() - started;
    };
    const timings: QueryTiming[] = queries.map((query) => {
      if (query.unfiltered) run(query.unfiltered);
      return {
        query,
        milliseconds: [],
        hits: hitCount(run(query.text)),
        ...(query.unfiltered ? { unfilteredMilliseconds: [] } : {}),
      };
    });
    for (let round = 0; round < rounds; round++) {
      timings.forEach((timing, at) => {
        const { text, unfiltered } = timing.query;
        // A filtered query and its unfiltered twin take turns to go first (by round and query):
        // the second runs with the pages and lists the first warmed, and when the filtered one
        // always went first its ratio to the unfiltered came out a tenth higher (a million
        // passages: 1.20–1.28× against 1.13–1.15× the other way round).
        const unfilteredFirst = unfiltered !== undefined && (round + at) % 2 === 1;
        if (unfilteredFirst) timing.unfilteredMilliseconds!.push(time(unfiltered));
        timing.milliseconds.push(time(text));
        if (unfiltered !== undefined && !unfilteredFirst)
          timing.unfilteredMilliseconds!.push(time(unfiltered));
      });
    }
    return timings;
  } finally {
    db.close();
  }
}
