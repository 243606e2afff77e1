/**
 * A champion list as stored and as read: a word's best documents with what bm25 needs to score
 * them again (weighted frequency, length) and what the filters test (the outlet and day of the
 * document's only copy, or "several copies", which the search asks the index about), packed as
 * int32s in one blob. See champions.ts.
 */
import { bm25Factor } from './bm25.js';

/** Int32s per entry: document id, weighted frequency, length, outlet, day. */
export const entryFields = 5;
/** The outlet field of a document with several copies: test them in the index. */
export const severalCopies = -1;

export interface ChampionList {
  word: string;
  /** Documents the word matches (for its IDF). */
  documents: number;
  /** No document outside `entries` has a higher bm25 factor for the word. */
  bound: number;
  /** The average document length the entries were ordered (and the bound computed) for. */
  avgdl: number;
  /** `entryFields` int32s per document, best first. */
  entries: Int32Array;
}

/** Where a document's copies were published: one outlet and day (0: unknown), or several copies. */
export interface DocumentFacets {
  outlet: number;
  day: number;
}

export interface ScoredEntry extends DocumentFacets {
  id: number;
  frequency: number;
  length: number;
  factor: number;
}

export function encodeEntries(scored: ScoredEntry[]): Buffer {
  const entries = new Int32Array(scored.length * entryFields);
  scored.forEach((entry, i) => {
    entries.set([entry.id, entry.frequency, entry.length, entry.outlet, entry.day], i * entryFields);
  });
  return Buffer.from(entries.buffer, entries.byteOffset, entries.byteLength);
}

/** The entries of a list, scored for an average length. */
export function decodeEntries(entries: Int32Array, avgdl: number): ScoredEntry[] {
  const scored: ScoredEntry[] = [];
  for (let at = 0; at < entries.length; at += entryFields) {
    const [id, frequency, length, outlet, day] = entries.subarray(
      at,
      at + entryFields,
    ) as unknown as number[];
    scored.push({
      id: id!,
      frequency: frequency!,
      length: length!,
      outlet: outlet!,
      day: day!,
      factor: bm25Factor(frequency!, length!, avgdl),
    });
  }
  return scored;
}

export function decodeChampionList(row: {
  word: string;
  documents: number;
  bound: number;
  avgdl: number;
  entries: Buffer;
}): ChampionList {
  const bytes = new Uint8Array(row.entries).slice();
  return { ...row, entries: new Int32Array(bytes.buffer, 0, bytes.length / 4) };
}

/** Best first; equal factors (equal texts' lengths and counts) in a fixed order. */
export function byFactor(a: ScoredEntry, b: ScoredEntry): number {
  return b.factor - a.factor || a.id - b.id;
}
