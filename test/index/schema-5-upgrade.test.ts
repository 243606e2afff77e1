import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Db, openDatabase, readMigrations } from '../../src/index/database.js';
import { reindexArchive } from '../../src/ingest/reindex.js';
import { markdownArticle, tempDir, writeFiles } from '../support/fixtures.js';

/** A folder holding migrations 1–`last` only: 5, the schema that counted the vocabulary by article. */
function migrationsThrough(last: number): string {
  const folder = tempDir();
  for (const migration of readMigrations().filter((m) => m.version <= last)) {
    fs.writeFileSync(path.join(folder, migration.name), migration.sql);
  }
  return folder;
}

const vocabulary = (db: Db) =>
  Object.fromEntries(db.prepare<[], [string, number]>('SELECT word, documents FROM vocabulary').raw().all());
const table = (db: Db, name: string) =>
  db.prepare('SELECT count(*) FROM sqlite_master WHERE name = ?').pluck().get(name) as number;

describe('upgrading an index built with schema 5 (the vocabulary counted by article)', () => {
  it('keeps the counts until the next re-index, which rebuilds every article and counts documents', async () => {
    const dir = tempDir();
    // The same story in two outlets, under the same headline: one document.
    const story = 'Dockworkers walked out at the harbour on Monday.\n\nThe port board met on Tuesday.';
    writeFiles(dir, {
      'ledger.md': markdownArticle({ title: 'Harbour strike', source: 'Ledger' }, story),
      'courier.md': markdownArticle({ title: 'Harbour strike', source: 'Courier' }, story),
    });
    const file = path.join(tempDir(), 'readout.sqlite');
    const old = openDatabase(file, { create: true, migrationsFolder: migrationsThrough(5) });
    // What an older Readout left of the two articles: their rows, and their words counted by article.
    const rows = ['ledger.md', 'courier.md'].map((name, at) => {
      const filePath = path.join(dir, name);
      const stat = fs.statSync(filePath);
      return `INSERT INTO files (path, content_hash, size, mtime_ms, indexed_at)
                VALUES ('${filePath}', 'old', ${stat.size}, ${Math.trunc(stat.mtimeMs)}, 'then');
              INSERT INTO articles (id, file_path, content_hash, title, indexed_run)
                VALUES (${at + 1}, '${filePath}', 'old', 'Harbour strike', 1);
              INSERT INTO article_words (rowid, words) VALUES (${at + 1}, 'harbour strike');`;
    });
    old.exec(`
      INSERT INTO meta (key, value) VALUES ('prepared_with', '4: quotations'), ('reindex_run', '1');
      INSERT INTO vocabulary (word, articles) VALUES ('harbour', 2), ('strike', 2);
      ${rows.join('\n')}
    `);
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(readMigrations().length);
    expect(table(db, 'article_words')).toBe(0);
    // Typo correction serves the counts as they were until the re-index.
    expect(vocabulary(db)).toEqual({ harbour: 2, strike: 2 });

    const summary = await reindexArchive(db, { dirs: [dir], helperProcess: 'never' });
    expect(summary.rebuilt).toMatch(/earlier version of Readout/);
    expect(summary.articles).toBe(2);
    expect(vocabulary(db)).toMatchObject({ harbour: 1, strike: 1, dockworkers: 1, board: 1 });
    db.close();
  });
});

describe("upgrading an index built with schema 6 (each document's words kept in the index file)", () => {
  it('drops them, keeps the vocabulary, and the next run moves its counts as a fresh index counts', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'ledger.md': markdownArticle({ title: 'Harbour strike', source: 'Ledger' }, 'Dockworkers walked out.'),
      'courier.md': markdownArticle(
        { title: 'Port board meets', source: 'Courier' },
        'The board met dockworkers.',
      ),
    });
    const file = path.join(tempDir(), 'readout.sqlite');
    const old = openDatabase(file, { create: true, migrationsFolder: migrationsThrough(6) });
    await reindexArchive(old, { dirs: [dir], helperProcess: 'never' });
    // What schema 6 kept beside the vocabulary: the documents' words.
    old.exec("INSERT INTO document_words (rowid, words) VALUES (1, 'harbour strike dockworkers walked out')");
    const counted = vocabulary(old);
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(table(db, 'document_words')).toBe(0);
    expect(vocabulary(db)).toEqual(counted);
    writeFiles(dir, {
      'courier.md': markdownArticle(
        { title: 'Port board meets', source: 'Courier' },
        'The board met pilots.',
      ),
    });
    await reindexArchive(db, { dirs: [dir], helperProcess: 'never' });
    const fresh = openDatabase(path.join(tempDir(), 'fresh.sqlite'), { create: true });
    await reindexArchive(fresh, { dirs: [dir], helperProcess: 'never' });
    expect(vocabulary(db)).toEqual(vocabulary(fresh));
    expect(vocabulary(db)).toMatchObject({ dockworkers: 1, pilots: 1 });
    db.close();
    fresh.close();
  });
});
