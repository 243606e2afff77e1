import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { reindexArchive } from '../src/ingest/reindex.js';
import { maxOffset, readout } from '../src/readout.js';
import type { SearchIndex } from '../src/search/search-index.js';
import { tempDatabase, tempDir, writeFiles } from './support/fixtures.js';
import { searchIndexOn } from './support/readout.js';

async function smallIndex() {
  const dir = tempDir();
  writeFiles(dir, {
    'a.json': JSON.stringify({
      title: 'Harbour pilots strike',
      body: 'The harbour pilots walked out at dawn.',
    }),
  });
  const { db, file } = tempDatabase();
  await reindexArchive(db, { dirs: [dir], helperProcess: 'never' });
  return { db, file, search: searchIndexOn(db) };
}

describe('readout', () => {
  it.each([
    ['', 'help'],
    ['help', 'help'],
    ['-pilots', 'nothing_to_search'],
    ['source:gazette', 'nothing_to_search'],
    ['!!! ???', 'nothing_to_search'],
    ['harbour pilots', 'results'],
  ])('answers %j with kind %s', async (text, kind) => {
    const { search } = await smallIndex();
    expect(readout(text, {}, { search }).kind).toBe(kind);
  });

  it('clamps a page to whole numbers in range, whatever it is given', async () => {
    const { search } = await smallIndex();
    for (const [offset, limit] of [
      [-5, 0],
      [Number.NaN, Number.POSITIVE_INFINITY],
      [2.7, 500],
    ]) {
      const result = readout('pilots', { offset, limit }, { search });
      if (result.kind === 'failed') throw new Error(result.detail);
      expect(Number.isInteger(result.offset) && result.offset >= 0).toBe(true);
      expect(result.limit).toBeGreaterThanOrEqual(1);
      expect(result.limit).toBeLessThanOrEqual(20);
    }
  });

  it('searches no deeper than the last page More reaches, whatever offset a button claims', async () => {
    const { search } = await smallIndex();
    for (const offset of [maxOffset + 1, 15_000, 1e9, Number.MAX_SAFE_INTEGER]) {
      const result = readout('pilots', { offset }, { search });
      if (result.kind === 'failed') throw new Error(result.detail);
      expect(result.offset).toBeLessThanOrEqual(maxOffset);
    }
  });

  it('classifies an index damaged underneath it as index_unavailable, without throwing', async () => {
    const { search, file } = await smallIndex();
    const other = new Database(file);
    other.exec('DROP TABLE passages_fts');
    other.close();
    const result = readout('pilots', {}, { search });
    expect(result).toMatchObject({ kind: 'failed', reason: 'index_unavailable', text: 'pilots' });
  });

  it('classifies any other failure as unexpected, keeping the detail for the log', () => {
    const broken = {
      search: () => {
        throw new TypeError('boom');
      },
    } as unknown as SearchIndex;
    const result = readout('pilots', {}, { search: broken });
    expect(result).toMatchObject({ kind: 'failed', reason: 'unexpected', detail: 'TypeError: boom' });
  });
});
