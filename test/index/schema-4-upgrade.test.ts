import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, readMigrations } from '../../src/index/database.js';
import { metaKeys } from '../../src/index/meta.js';
import { IndexReader } from '../../src/index/reader.js';
import { reindexArchive } from '../../src/ingest/reindex.js';
import { readout } from '../../src/readout.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { markdownArticle, tempDir, writeFiles } from '../support/fixtures.js';

/** A folder holding migrations 1–3 only: the schema an older Readout left. */
function migrationsBeforeDocuments(): string {
  const folder = tempDir();
  for (const migration of readMigrations().filter((m) => m.version <= 3)) {
    fs.writeFileSync(path.join(folder, migration.name), migration.sql);
  }
  return folder;
}

const article = markdownArticle(
  { title: 'Harbour strike', source: 'Wire' },
  '"We will not go back," said Ann Falk. Dockworkers walked out.',
);

/**
 * A database at schema 3, re-indexed twice by an older Readout (run 2 wrote the article), with a
 * quotation on its passage.
 */
async function schemaThreeIndex(dir: string, contentHash = 'h'): Promise<string> {
  const file = path.join(tempDir(), 'readout.sqlite');
  const db = openDatabase(file, { create: true, migrationsFolder: migrationsBeforeDocuments() });
  const stat = fs.statSync(path.join(dir, 'strike.md'));
  db.exec(`
    INSERT INTO meta (key, value) VALUES ('reindex_run', '2'), ('prepared_with', '2: quotations');
    INSERT INTO files (path, content_hash, size, mtime_ms, indexed_at)
      VALUES ('${path.join(dir, 'strike.md')}', 'old', ${stat.size}, ${Math.trunc(stat.mtimeMs)}, 'then');
    INSERT INTO articles (file_path, content_hash, title, source, indexed_run)
      VALUES ('${path.join(dir, 'strike.md')}', '${contentHash}', 'Harbour strike', 'Wire', 2);
    INSERT INTO passages (article_id, position, body, fingerprint)
      VALUES (1, 0, '"We will not go back," said Ann Falk. Dockworkers walked out.', 'f');
    INSERT INTO quotations (passage_id, start_offset, end_offset, speaker, speaker_key)
      VALUES (1, 1, 20, 'Ann Falk', 'falk');
  `);
  db.close();
  return file;
}

describe('upgrading an index built with schema 3 (quotations, indexed runs)', () => {
  it('drops the old passages; searches say a re-index is needed until one has rebuilt every article', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'strike.md': article });
    const db = openDatabase(await schemaThreeIndex(dir));
    expect(db.prepare('SELECT count(*) FROM passages').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM quotations').pluck().get()).toBe(0);
    expect(db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(metaKeys.rebuildRequired)).toMatch(
      /run `npm run reindex`/,
    );
    const search = new SearchIndex(new IndexReader(db));
    const before = readout('dockworkers', {}, { search });
    expect(before).toMatchObject({ kind: 'failed', reason: 'index_unavailable' });
    expect(before.kind === 'failed' && before.detail).toMatch(/older Readout; run `npm run reindex`/);

    // The file is unchanged (same size and time): it is read again all the same.
    const summary = await reindexArchive(db, { dirs: [dir] });
    expect(summary.rebuilt).toMatch(/earlier version of Readout/);
    const after = readout('dockworkers', {}, { search });
    expect(after.kind === 'results' && after.hits.map((hit) => hit.article.title)).toEqual([
      'Harbour strike',
    ]);
    const quoted = readout('who:falk', {}, { search });
    expect(quoted.kind === 'results' && quoted.hits[0]?.quote?.speaker).toBe('Ann Falk');
    db.close();
  });

  it('keeps the re-index run of an unchanged article, so saved searches do not see it as new', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'strike.md': article });
    // The article's hash as this Readout computes it: the old index stored the same.
    const fresh = openDatabase(path.join(tempDir(), 'fresh.sqlite'), { create: true });
    await reindexArchive(fresh, { dirs: [dir] });
    const hash = fresh.prepare('SELECT content_hash FROM articles').pluck().get() as string;
    fresh.close();

    const db = openDatabase(await schemaThreeIndex(dir, hash));
    await reindexArchive(db, { dirs: [dir] });
    expect(db.prepare('SELECT indexed_run FROM articles').pluck().all()).toEqual([2]);
    const search = new SearchIndex(new IndexReader(db));
    const hits = (afterRun: number) => {
      const answer = readout('dockworkers', { scope: { afterRun } }, { search });
      return answer.kind === 'results' ? answer.hits.length : -1;
    };
    expect(hits(2)).toBe(0);
    expect(hits(1)).toBe(1);
    db.close();
  });

  it('leaves a new, empty database without the rebuild note', () => {
    const db = openDatabase(path.join(tempDir(), 'fresh.sqlite'), { create: true });
    expect(
      db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(metaKeys.rebuildRequired),
    ).toBeUndefined();
    db.close();
  });
});
