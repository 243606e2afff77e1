import { beforeAll, describe, expect, it } from 'vitest';
import { writeArchive } from '../../scripts/bench/archive-writers.js';
import { SyntheticArchive } from '../../scripts/bench/synthetic-archive.js';
import {
  bm25Factor,
  bm25Idf,
  bm25Rank,
  decodeVarints,
  factorGrowth,
  frequencyFor,
  ftsTotals,
  rowLength,
} from '../../src/index/bm25.js';
import type { Db } from '../../src/index/database.js';
import { reindexArchive } from '../../src/ingest/reindex.js';
import { tempDatabase, tempDir } from '../support/fixtures.js';

describe('decodeVarints', () => {
  it.each([
    [[0x00], [0]],
    [[0x7f], [127]],
    [[0x81, 0x00], [128]],
    [[0x82, 0x2c], [300]],
    [[0x81, 0x80, 0x00], [16384]],
    [
      [0x05, 0x81, 0x00, 0x07],
      [5, 128, 7],
    ],
    [[0x81, 0x80, 0x80, 0x80, 0x00], [2 ** 28]],
  ])('reads %j as %j', (bytes, values) => {
    expect(decodeVarints(Uint8Array.from(bytes))).toEqual(values);
  });
});

describe('bm25Factor and frequencyFor', () => {
  it('grows with the frequency and shrinks with the length', () => {
    expect(bm25Factor(2, 50, 60)).toBeGreaterThan(bm25Factor(1, 50, 60));
    expect(bm25Factor(2, 80, 60)).toBeLessThan(bm25Factor(2, 50, 60));
  });

  it.each([
    [1, 40, 61.5],
    [3, 120, 61.5],
    [7, 18, 90.25],
    [2, 300, 45],
  ])('gets frequency %i back from its factor (length %i, average %d)', (frequency, length, avgdl) => {
    expect(frequencyFor(bm25Factor(frequency, length, avgdl), length, avgdl)).toBe(frequency);
  });
});

describe('factorGrowth', () => {
  it('bounds how much a factor can grow when the average length changes', () => {
    for (const [from, to] of [
      [60, 61],
      [60, 59],
      [60, 90],
      [75.5, 74.9],
    ] as const) {
      for (const [frequency, length] of [
        [1, 10],
        [1, 500],
        [4, 60],
        [9, 2],
      ] as const) {
        const before = bm25Factor(frequency, length, from);
        expect(bm25Factor(frequency, length, to)).toBeLessThanOrEqual(
          before * factorGrowth(from, to) * (1 + 1e-15),
        );
      }
    }
  });
});

describe("bm25 reproduced from FTS5's statistics", () => {
  let db: Db;
  const archive = new SyntheticArchive({ seed: 3 });

  beforeAll(async () => {
    const dir = tempDir();
    writeArchive(archive, dir, 1500, 'jsonl');
    db = tempDatabase().db;
    await reindexArchive(db, { dirs: [dir], helperProcess: 'never' });
  });

  it('scores every document of a query exactly as FTS5 ranks it', () => {
    const { rows, avgdl } = ftsTotals(
      db.prepare('SELECT block FROM passages_fts_data WHERE id = 1').pluck().get() as Buffer,
    );
    expect(rows).toBe(db.prepare('SELECT count(*) FROM documents').pluck().get());
    const length = db.prepare('SELECT sz FROM passages_fts_docsize WHERE id = ?').pluck();
    let compared = 0;
    for (const rank of [0, 3, 40, 400, 3000]) {
      const match = `"${archive.vocabulary[rank]}"`;
      const matching = db
        .prepare('SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?')
        .pluck()
        .get(match);
      const idf = bm25Idf(rows, matching as number);
      const ranked = db
        .prepare(
          `SELECT rowid, rank, highlight(passages_fts, 0, char(2), '') AS title,
                  highlight(passages_fts, 1, char(2), '') AS body
           FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank`,
        )
        .all(match) as Array<{ rowid: number; rank: number; title: string; body: string }>;
      for (const row of ranked) {
        const frequency = 2 * row.title.split('\u0002').length - 2 + row.body.split('\u0002').length - 1;
        const score = bm25Rank(idf, bm25Factor(frequency, rowLength(length.get(row.rowid) as Buffer), avgdl));
        expect(Math.abs(score - row.rank)).toBeLessThanOrEqual(1e-12 * Math.abs(row.rank));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });
});
