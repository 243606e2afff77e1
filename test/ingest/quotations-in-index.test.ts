/**
 * Quotations go into the index with their passages at re-index time, leave with them, and reach
 * articles indexed by an earlier version of Readout through a rebuild; with extraction switched off
 * (READOUT_QUOTATIONS=off) none are stored, and switching it either way rebuilds every article.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/index/database.js';
import { reindexArchive } from '../../src/ingest/reindex.js';
import { markdownArticle, tempDatabase, tempDir, writeFiles } from '../support/fixtures.js';

const article = markdownArticle(
  { title: 'Harbour board votes on dredging', source: 'Bay Courier' },
  [
    'Harbourmaster Petra Quill warned the board that the channel was silting up.',
    '"The ferries will be aground by Christmas," she said.',
    'The board will vote in June.',
  ].join('\n\n'),
);

function quotations(db: Db) {
  return db
    .prepare(
      `SELECT substr(passages.body, start_offset + 1, end_offset - start_offset) AS text, speaker, speaker_key AS key, cue
       FROM quotations JOIN passages ON passages.id = quotations.passage_id ORDER BY quotations.id`,
    )
    .all();
}

describe('quotations in the index', () => {
  it('stores each quotation with its passage, speaker, key and cue', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'dredging.md': article });
    const { db } = tempDatabase();
    await reindexArchive(db, { dirs: [dir] });
    expect(quotations(db)).toEqual([
      {
        text: 'The ferries will be aground by Christmas,',
        speaker: 'Petra Quill',
        key: 'quill',
        cue: 'said',
      },
    ]);
  });

  it("removes an article's quotations with it, and replaces them when it changes", async () => {
    const dir = tempDir();
    writeFiles(dir, { 'dredging.md': article });
    const { db } = tempDatabase();
    await reindexArchive(db, { dirs: [dir] });
    writeFiles(dir, { 'dredging.md': article.replace('by Christmas', 'by New Year') });
    fs.utimesSync(path.join(dir, 'dredging.md'), new Date(), new Date(Date.now() + 5000));
    await reindexArchive(db, { dirs: [dir] });
    expect(quotations(db).map((row) => (row as { text: string }).text)).toEqual([
      'The ferries will be aground by New Year,',
    ]);
    fs.rmSync(path.join(dir, 'dredging.md'));
    await reindexArchive(db, { dirs: [dir] });
    expect(quotations(db)).toEqual([]);
  });

  it('rebuilds an index prepared by an earlier version, so its articles get their quotations', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'dredging.md': article });
    const { db } = tempDatabase();
    await reindexArchive(db, { dirs: [dir] });
    // As an index built before quotations were extracted: none stored, an older version recorded.
    db.exec("DELETE FROM quotations; UPDATE meta SET value = '1' WHERE key = 'prepared_with'");
    const summary = await reindexArchive(db, { dirs: [dir] });
    expect(summary.rebuilt).toMatch(/earlier version of Readout/);
    expect(quotations(db)).toHaveLength(1);
    const again = await reindexArchive(db, { dirs: [dir] });
    expect(again.rebuilt).toBeUndefined();
    expect(again.files.unchanged).toBe(1);
  });

  it('stores no quotation when extraction is off, and rebuilds when it is switched back on', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'dredging.md': article });
    const { db } = tempDatabase();
    const off = await reindexArchive(db, { dirs: [dir], quotations: false });
    expect(off.passages).toBeGreaterThan(0);
    expect(quotations(db)).toEqual([]);
    const unchanged = await reindexArchive(db, { dirs: [dir], quotations: false });
    expect(unchanged.rebuilt).toBeUndefined();
    expect(unchanged.files.unchanged).toBe(1);
    const on = await reindexArchive(db, { dirs: [dir] });
    expect(on.rebuilt).toBe('quotation extraction was switched on since the last run');
    expect(on.passages).toBe(off.passages);
    expect(quotations(db)).toHaveLength(1);
    const offAgain = await reindexArchive(db, { dirs: [dir], quotations: false });
    expect(offAgain.rebuilt).toBe('quotation extraction was switched off since the last run');
    expect(quotations(db)).toEqual([]);
  });
});
