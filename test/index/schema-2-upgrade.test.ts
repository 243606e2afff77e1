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

/** A database at schema 1 holding one indexed article, as an older Readout left it. */
function schemaOneIndex(): string {
  const file = path.join(tempDir(), 'readout.sqlite');
  const db = openDatabase(file, { create: true, migrationsFolder: onlyFirstMigration() });
  db.exec(`
    INSERT INTO files (path, content_hash, size, mtime_ms, indexed_at) VALUES ('/a.md', 'h', 1, 1, 'now');
    INSERT INTO articles (file_path, content_hash, title, source) VALUES ('/a.md', 'h', 'Harbour strike', 'Wire');
    INSERT INTO passages (article_id, position, body, fingerprint) VALUES (1, 0, 'Dockworkers walked out.', 'f');
  `);
  db.close();
  return file;
}

function onlyFirstMigration(): string {
  const folder = tempDir();
  const [first] = readMigrations();
  fs.writeFileSync(path.join(folder, first!.name), first!.sql);
  return folder;
}

describe('upgrading an index built with schema 1', () => {
  it('empties it, and searches say a re-index is needed until one has run', async () => {
    const file = schemaOneIndex();
    const db = openDatabase(file);
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0);
    expect(db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(metaKeys.rebuildRequired)).toMatch(
      /run `npm run reindex`/,
    );
    const search = new SearchIndex(new IndexReader(db));
    const before = readout('dockworkers', {}, { search });
    expect(before).toMatchObject({ kind: 'failed', reason: 'index_unavailable' });
    expect(before.kind === 'failed' && before.detail).toMatch(/older Readout; run `npm run reindex`/);

    const dir = tempDir();
    writeFiles(dir, { 'strike.md': markdownArticle({ title: 'Harbour strike' }, 'Dockworkers walked out.') });
    await reindexArchive(db, { dirs: [dir] });
    const after = readout('dockworkers', {}, { search });
    expect(after.kind).toBe('results');
    expect(after.kind === 'results' && after.hits.length).toBe(1);
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
