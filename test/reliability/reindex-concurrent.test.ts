/**
 * Two re-indexes at once (cron and an admin, say): one runs, the other says another re-index is
 * running and exits 3 — or, with --wait, waits its turn — and the index ends up whole.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMigrations } from '../../src/index/database.js';
import { tempDir } from '../support/fixtures.js';
import { cleanEnv, runScript, startScript } from '../support/run-script.js';
import { articleTitles, integrityCheck, writeBulkArticles } from './support.js';

const articles = 300;
let articlesDir: string;

beforeAll(() => {
  articlesDir = path.join(tempDir('readout-two-'), 'articles');
  writeBulkArticles(articlesDir, 'wire', articles, 'cormorant');
});

function newDatabaseFile(): string {
  return path.join(tempDir('readout-two-db-'), 'readout.sqlite');
}

/** Starts two `npm run reindex` processes in the same instant. */
function twoAtOnce(databaseFile: string, args: string[] = []) {
  const env = cleanEnv({ READOUT_DB: databaseFile });
  return Promise.all([
    runScript('scripts/reindex.ts', [...args, articlesDir], env),
    runScript('scripts/reindex.ts', [...args, articlesDir], env),
  ]);
}

describe('two re-indexes started together', () => {
  it.each([
    { name: 'on an existing index (--full)', fresh: false },
    { name: 'on a database that does not exist yet', fresh: true },
  ])('$name: one runs, the other exits 3 naming the database', async ({ fresh }) => {
    const databaseFile = newDatabaseFile();
    if (!fresh) {
      const first = await runScript(
        'scripts/reindex.ts',
        [articlesDir],
        cleanEnv({ READOUT_DB: databaseFile }),
      );
      expect(first.status, first.stderr).toBe(0);
    }
    const results = await twoAtOnce(databaseFile, fresh ? [] : ['--full']);
    const statuses = results.map((result) => result.status).sort();
    expect(statuses, results.map((result) => result.stderr).join('\n')).toEqual([0, 3]);
    const loser = results.find((result) => result.status === 3)!;
    expect(loser.stderr).toContain(`another re-index is running on ${databaseFile}`);
    expect(loser.stderr).toContain('--wait');
    expect(loser.stderr).not.toMatch(/\n\s+at |SqliteError/);
    expect(integrityCheck(databaseFile)).toBe('ok');
    expect(articleTitles(databaseFile)).toHaveLength(articles);
  });

  it('with --wait, the second waits for the first and both complete', async () => {
    const databaseFile = newDatabaseFile();
    const results = await twoAtOnce(databaseFile, ['--wait']);
    expect(
      results.map((result) => result.status),
      results.map((result) => result.stderr).join('\n'),
    ).toEqual([0, 0]);
    // At least one waited. Both may say so: creating a fresh database, each can meet the other's
    // lock at open (seen once in CI on a loaded machine); both still complete, one after the other.
    const waited = results.filter((result) => result.stderr.includes('waiting for it to finish'));
    expect(waited.length).toBeGreaterThanOrEqual(1);
    expect(integrityCheck(databaseFile)).toBe('ok');
    expect(articleTitles(databaseFile)).toHaveLength(articles);
  });

  // Deterministic versions of the races above: a connection holds the write lock as a running
  // re-index would, while it creates the schema of a new database or while it writes.
  describe('while another process holds the write lock', () => {
    function holdLock(databaseFile: string, creating: boolean) {
      fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
      const holder = new Database(databaseFile);
      holder.pragma('journal_mode = WAL');
      holder.exec('BEGIN IMMEDIATE');
      // A re-index that is creating the database has written part of the schema, uncommitted.
      if (creating) holder.exec('CREATE TABLE files (path TEXT PRIMARY KEY)');
      return holder;
    }

    it.each([
      { name: 'creating a new database', creating: true },
      { name: 'writing an existing index', creating: false },
    ])('exits 3 with the reason when the other is $name', async ({ creating }) => {
      const databaseFile = newDatabaseFile();
      if (!creating) {
        const first = await runScript(
          'scripts/reindex.ts',
          [articlesDir],
          cleanEnv({ READOUT_DB: databaseFile }),
        );
        expect(first.status).toBe(0);
      }
      const holder = holdLock(databaseFile, creating);
      try {
        const result = await runScript(
          'scripts/reindex.ts',
          [articlesDir],
          cleanEnv({ READOUT_DB: databaseFile }),
        );
        expect(result.status, result.stderr).toBe(3);
        expect(result.stderr).toContain(`another re-index is running on ${databaseFile}`);
      } finally {
        holder.exec('ROLLBACK');
        holder.close();
      }
    });

    it('with --wait, waits while another run creates the database, then indexes it', async () => {
      const databaseFile = newDatabaseFile();
      const holder = holdLock(databaseFile, false);
      // The other run creates the whole schema in its transaction; the waiting run must not
      // create it a second time once it gets the lock.
      for (const migration of readMigrations()) {
        holder.exec(migration.sql);
        holder.pragma(`user_version = ${migration.version}`);
      }
      const child = startScript(
        'scripts/reindex.ts',
        ['--wait', articlesDir],
        cleanEnv({ READOUT_DB: databaseFile }),
      );
      child.stdin?.end();
      let stderr = '';
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      // Let go once the waiting run has said that it waits.
      await new Promise<void>((resolve, reject) => {
        child.stderr?.on('data', (chunk) => {
          stderr += chunk;
          if (stderr.includes('waiting for it to finish')) resolve();
        });
        void exited.then(() => reject(new Error(`the run exited instead of waiting: ${stderr}`)));
      }).finally(() => {
        holder.exec('COMMIT');
        holder.close();
      });
      expect(await exited, stderr).toBe(0);
      expect(integrityCheck(databaseFile)).toBe('ok');
      expect(articleTitles(databaseFile)).toHaveLength(articles);
    });
  });
});
