/**
 * FTS5's bm25(), reproduced: the champion lists (champions.ts) score documents for a very
 * common word without asking FTS5 to rank every document that has it, so they must score
 * exactly as FTS5 does. This is SQLite's own formula (ext/fts5/fts5_aux.c, fts5Bm25Function),
 * operation for operation, fed with the statistics FTS5 keeps in its shadow tables:
 * - the averages record (passages_fts_data, id 1): the number of rows, then the tokens of each
 *   column over all rows, as SQLite varints;
 * - the docsize record of a row (passages_fts_docsize.sz): its tokens in each column.
 * A test ranks real queries both ways and compares (test/index/bm25.test.ts).
 */

/** The column weights of `bm25(2.0, 1.0)` in db/migrations/001-initial.sql: headline, body. */
export const columnWeights = { title: 2, body: 1 } as const;

const k1 = 1.2;
const b = 0.75;

/** The SQLite varints of a blob, in order (1–9 bytes each, big-endian groups of 7 bits). */
export function decodeVarints(blob: Uint8Array): number[] {
  const values: number[] = [];
  let at = 0;
  while (at < blob.length) {
    let value = 0;
    let n = 0;
    for (;;) {
      const byte = blob[at++]!;
      if (n === 8) {
        value = value * 256 + byte;
        break;
      }
      value = value * 128 + (byte & 0x7f);
      n++;
      if ((byte & 0x80) === 0 || at >= blob.length) break;
    }
    values.push(value);
  }
  return values;
}

/** What bm25 needs of the whole index: its rows, and the average row length in tokens. */
export interface FtsTotals {
  rows: number;
  avgdl: number;
}

/** The totals in an FTS5 averages record. */
export function ftsTotals(averages: Uint8Array): FtsTotals {
  const [rows = 0, ...columnTokens] = decodeVarints(averages);
  const tokens = columnTokens.reduce((sum, n) => sum + n, 0);
  // fts5Bm25GetData: avgdl = (double)nToken / (double)nRow.
  return { rows, avgdl: rows > 0 ? tokens / rows : 0 };
}

/** A row's length in tokens, all columns, from its docsize record. */
export function rowLength(docsize: Uint8Array): number {
  return decodeVarints(docsize).reduce((sum, n) => sum + n, 0);
}

/** IDF of a phrase that `matching` of `rows` rows contain, floored just above zero as FTS5 does. */
export function bm25Idf(rows: number, matching: number): number {
  const idf = Math.log((rows - matching + 0.5) / (matching + 0.5));
  return idf <= 0 ? 1e-6 : idf;
}

/**
 * The per-row part of one phrase's bm25 score: `frequency` is the phrase's weighted hits in the
 * row (a headline hit counts twice), `length` the row's tokens. The score is -(idf × this).
 */
export function bm25Factor(frequency: number, length: number, avgdl: number): number {
  return (frequency * (k1 + 1.0)) / (frequency + k1 * (1 - b + (b * length) / avgdl));
}

/** FTS5's rank (lower is better) for a one-phrase query. */
export function bm25Rank(idf: number, factor: number): number {
  return -1.0 * (0 + idf * factor);
}

/**
 * The weighted frequency that gives `factor` at this length: the inverse of bm25Factor, for a
 * rank read back from FTS5. Frequencies are whole numbers (the weights are), so it is rounded.
 */
export function frequencyFor(factor: number, length: number, avgdl: number): number {
  const norm = k1 * (1 - b + (b * length) / avgdl);
  return Math.round((factor * norm) / (k1 + 1.0 - factor));
}

/**
 * How much a factor computed at `fromAvgdl` can grow when the average length becomes `toAvgdl`:
 * at most by their ratio (a longer average makes every row relatively shorter), never when the
 * average shrinks. Bounds what a re-index can do to documents a champion list left out.
 */
export function factorGrowth(fromAvgdl: number, toAvgdl: number): number {
  return Math.max(1, toAvgdl / fromAvgdl);
}
