/**
 * The bot's search threads carry both kinds of work: a search (readout()) and a comparison
 * (compare()), each answered on a thread's own read-only connection, with the same answers as
 * the in-process service gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { inProcessReadout, LiveIndex } from '../../src/serving/live-index.js';
import { SearchPool } from '../../src/serving/search-pool.js';
import { buildArchiveOf, type FixtureArchive } from '../slack/fixture-archive.js';
import { meetingArticles } from '../slack/meeting-archive.js';

let archive: FixtureArchive;
let pool: SearchPool;

beforeAll(async () => {
  archive = await buildArchiveOf(meetingArticles);
  pool = new SearchPool({
    file: archive.databaseFile,
    index: new LiveIndex(archive.databaseFile),
    // A hang guard, not a budget: these searches never come near it.
    queryBudgetMs: 60_000,
    threads: 2,
    logger: createLogger({ write: () => {} }),
  });
});

afterAll(async () => {
  await pool?.close();
  archive?.remove();
});

describe('SearchPool', () => {
  it('compares on a search thread, with the answer the in-process service gives', async () => {
    const inProcess = inProcessReadout(new LiveIndex(archive.databaseFile));
    const [threaded, local] = await Promise.all([
      pool.compare('harbour board ferry union talks', {}),
      inProcess.compare('harbour board ferry union talks', {}),
    ]);
    expect(threaded.kind).toBe('comparison');
    expect(threaded).toEqual(local);
  });

  it('runs searches and comparisons side by side, each answered with its own kind', async () => {
    const results = await Promise.all([
      pool.answer('dredging budget', {}),
      pool.compare('harbour board ferry union talks', { offset: 1 }),
      pool.answer('lifeboat', {}),
    ]);
    expect(results.map((result) => result.kind)).toEqual(['results', 'comparison', 'results']);
    const other = results[1];
    expect(other?.kind === 'comparison' && other.offset).toBe(1);
  });
});
