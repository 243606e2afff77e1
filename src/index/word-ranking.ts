/**
 * Ranking one very common word for its champion list (champions.ts): FTS5 ranks every document
 * that has it — the cost the list saves the bot — and the best are kept with their bm25 inputs,
 * recovered from the rank and checked against it, and their facets. Runs on the re-index's
 * connection or, for a large index, in worker threads on connections of their own
 * (champion-worker.ts), reading the committed index.
 */
import { bm25Factor, bm25Idf, type FtsTotals, frequencyFor, rowLength } from './bm25.js';
import {
  byFactor,
  type DocumentFacets,
  outletBit,
  outletHalf,
  outletSignature,
  type ScoredEntry,
  severalCopies,
} from './champion-entries.js';
import type { Db } from './database.js';

/** FTS5's best documents for a word, best first: rowids and ranks (typed: cheap to pass between threads). */
export interface RankedRows {
  ids: Float64Array;
  ranks: Float64Array;
}

/** A word's list before it is saved. */
export interface RankedWord {
  word: string;
  documents: number;
  bound: number;
  avgdl: number;
  entries: ScoredEntry[];
}

/** The word as FTS5 is asked it (vocabulary words are letters and digits: nothing to escape). */
export function phrase(word: string): string {
  return `"${word}"`;
}

/** Each copy of a document: its outlet and day (null: unknown), and the document's fingerprint. */
const everyCopy = `SELECT passages.document_id AS id, passages.outlet AS outlet, passages.day AS day,
         documents.fingerprint
  FROM passages JOIN documents ON documents.id = passages.document_id`;

/**
 * One ranking session over an index as it stands: the lengths and facets of the documents it
 * has read are kept, since the very common words' best documents are mostly the same short
 * ones (at 100,000 passages, 24 lists of 8,192 held 62,000 documents, not 195,000). So a
 * session must not outlive a change to the index: each re-index makes its own.
 */
export class WordRanking {
  private readonly statements;
  private readonly knownLengths = new Map<number, number>();
  private readonly knownFacets = new Map<number, DocumentFacets>();

  constructor(db: Db) {
    this.statements = {
      // rank + 0: SQLite keeps the best under LIMIT as it goes; FTS5's own ORDER BY rank would
      // sort every match first (2.5 times the time for a word in most of a million passages).
      best: db.prepare<[string, number], { id: number; rank: number }>(
        'SELECT rowid AS id, rank FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank + 0 LIMIT ?',
      ),
      lengths: db.prepare<[string], { id: number; sz: Buffer }>(
        'SELECT id, sz FROM passages_fts_docsize WHERE id IN (SELECT value FROM json_each(?))',
      ),
      copies: db.prepare<[string], CopyRow>(
        `${everyCopy} WHERE passages.document_id IN (SELECT value FROM json_each(?))`,
      ),
      allLengths: db.prepare<[], { id: number; sz: Buffer }>('SELECT id, sz FROM passages_fts_docsize'),
      allCopies: db.prepare<[], CopyRow>(everyCopy),
    };
  }

  /**
   * Reads the length and facets of every document at once: cheaper than one look-up each when
   * the lists to rank hold more entries than the index has documents (at 100,000 passages, 24
   * lists of 8,192 over 64,000 documents).
   */
  readEveryDocument(): void {
    for (const row of this.statements.allLengths.iterate()) this.knownLengths.set(row.id, rowLength(row.sz));
    for (const [id, facets] of facetsOfCopies(this.statements.allCopies.iterate())) {
      this.knownFacets.set(id, facets);
    }
  }

  /** Lengths in tokens of these documents, as FTS5 counts them. */
  lengths(ids: number[]): Map<number, number> {
    this.readLengths(ids);
    return pick(this.knownLengths, ids);
  }

  /** Where each document's copies were published (champion-entries.ts, DocumentFacets), and its fingerprint. */
  facets(ids: number[]): Map<number, DocumentFacets> {
    this.readFacets(ids);
    return pick(this.knownFacets, ids);
  }

  private readLengths(ids: number[]): void {
    const missing = ids.filter((id) => !this.knownLengths.has(id));
    if (missing.length === 0) return;
    // In rowid order: the docsize table is read front to back.
    for (const row of this.statements.lengths.iterate(JSON.stringify(missing.sort((a, b) => a - b)))) {
      this.knownLengths.set(row.id, rowLength(row.sz));
    }
  }

  private readFacets(ids: number[]): void {
    const missing = ids.filter((id) => !this.knownFacets.has(id));
    if (missing.length === 0) return;
    const copies = this.statements.copies.iterate(JSON.stringify(missing));
    for (const [id, facets] of facetsOfCopies(copies)) this.knownFacets.set(id, facets);
  }

  /**
   * FTS5's best `size + 1` documents for a word, with their ranks: the costly part of a list,
   * which worker threads run for a large index (champion-worker.ts).
   */
  best(word: string, size: number): RankedRows {
    const ids: number[] = [];
    const ranks: number[] = [];
    for (const row of this.statements.best.iterate(phrase(word), size + 1)) {
      ids.push(row.id);
      ranks.push(row.rank);
    }
    return { ids: Float64Array.from(ids), ranks: Float64Array.from(ranks) };
  }

  /**
   * The best `size` documents for a word that `documents` documents have, or undefined when
   * there are not more than that (ranking them at query time is cheap) or FTS5's ranks cannot be
   * reproduced (then the word has no list, and its searches go to FTS5). `best` is the word's
   * rows from `best()`, when ranked elsewhere.
   */
  rank(
    word: string,
    documents: number,
    totals: FtsTotals,
    size: number,
    best = this.best(word, size),
  ): RankedWord | undefined {
    const { rows, avgdl } = totals;
    const { ids: rowIds, ranks } = best;
    if (rowIds.length <= size) return undefined;
    // The best factor left out, a hair higher to cover the last bit in which C's log() and
    // JavaScript's may differ; every entry kept is strictly above it.
    const idf = bm25Idf(rows, documents);
    const bound = (-ranks.at(-1)! / idf) * (1 + 1e-12);
    const ids = [...rowIds];
    this.readLengths(ids);
    this.readFacets(ids);
    const entries: ScoredEntry[] = [];
    for (let at = 0; at < ids.length; at++) {
      const id = ids[at]!;
      const score = -ranks[at]! / idf;
      const length = this.knownLengths.get(id)!;
      const frequency = frequencyFor(score, length, avgdl);
      const factor = bm25Factor(frequency, length, avgdl);
      if (!sameScore(factor, score)) return undefined;
      if (factor <= bound) continue;
      const { outlet, day, lastDay, outlets, fingerprint } = this.knownFacets.get(id)!;
      entries.push({ id, frequency, length, factor, outlet, day, lastDay, outlets, fingerprint });
    }
    return { word, documents, bound, avgdl, entries: entries.sort(byFactor) };
  }
}

/** Equal up to the last bits: C's log() and JavaScript's may differ in the last place. */
function sameScore(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** The entries of `known` for `ids` (every one of them is known). */
function pick<T>(known: Map<number, T>, ids: number[]): Map<number, T> {
  return new Map(ids.filter((id) => known.has(id)).map((id) => [id, known.get(id)!]));
}

interface CopyRow {
  id: number;
  outlet: number;
  day: number | null;
  fingerprint: string;
}

/** Where each document's copies were published (champion-entries.ts, DocumentFacets), from its copies' rows. */
function facetsOfCopies(copies: Iterable<CopyRow>): Map<number, DocumentFacets> {
  const facets = new Map<number, DocumentFacets>();
  for (const copy of copies) {
    const day = copy.day ?? 0;
    const seen = facets.get(copy.id);
    if (!seen) {
      const { outlet, fingerprint } = copy;
      facets.set(copy.id, { outlet, day, lastDay: day, outlets: outletSignature([outlet]), fingerprint });
      continue;
    }
    seen.outlet = severalCopies;
    seen.outlets[outletHalf(copy.outlet)] |= outletBit(copy.outlet);
    // The first day stays 0 once any copy's date is unknown: the copies' range is not known then.
    seen.day = seen.day === 0 || day === 0 ? 0 : Math.min(seen.day, day);
    seen.lastDay = Math.max(seen.lastDay, day);
  }
  return facets;
}
