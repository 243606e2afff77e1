/**
 * A champion list as stored and as read: a word's best documents with what bm25 needs to score
 * them again (weighted frequency, length), what the filters test (the outlet and day of the
 * document's only copy; for a document with several copies, the range of their days and a
 * 64-bit signature of their outlets, which settle most filters without asking the index) and
 * its fingerprint (64 bits, for dropping syndicated duplicates without asking the index), packed
 * as int32s in one blob. See champions.ts.
 */
import { bm25Factor } from './bm25.js';

/**
 * Int32s per entry: document id, weighted frequency, length, outlet, first day, last day,
 * outlet signature (two: outlets 0–31, 32–63 modulo 64), fingerprint (two).
 */
export const entryFields = 10;
/** The outlet field of a document with several copies. */
export const severalCopies = -1;
/**
 * The layout of the entries, part of the lists' stamp (champions.ts): lists written in another
 * layout are not read, and the next re-index rebuilds them.
 */
export const entriesLayout = 3;

/**
 * The stamp of lists that match index version `version` and are laid out as this code reads
 * them (meta championsVersion); with any other stamp the lists are not used.
 */
export function championStamp(version: string | number): string {
  return `${version}/${entriesLayout}`;
}

/**
 * Outlets a signature tells apart: outlet n sets bit n mod 64 (outletBit, in the half outletHalf
 * says). While every outlet number is below this, a set bit means a copy in that very outlet;
 * above, another outlet may share the bit, and the index is asked.
 */
export const signatureOutlets = 64;

/** The bit of an outlet in its half of a signature: a signature without it has no copy there. */
export function outletBit(outlet: number): number {
  return 1 << (outlet & 31);
}

/** Which int32 of a signature holds an outlet's bit: 0 for outlets 0–31 (mod 64), 1 for 32–63. */
export function outletHalf(outlet: number): 0 | 1 {
  return (outlet & 32) === 0 ? 0 : 1;
}

/** The signature of some outlets, as its two int32s. */
export function outletSignature(outlets: Iterable<number>): [number, number] {
  const signature: [number, number] = [0, 0];
  for (const outlet of outlets) signature[outletHalf(outlet)] |= outletBit(outlet);
  return signature;
}

// Every list's fingerprints are unpacked and packed again by each re-index that changes the
// index (196,000 at a million passages): by hand, digit by digit and from a table, five times
// faster than a regular expression, parseInt and toString(16) (0.3 s of a one-file run).

/** The value of a lowercase hex digit's character code, or -1. */
function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 97 && code <= 102) return code - 87; // a-f
  return -1;
}

/** A fingerprint (16 hex digits) as two int32s; [-1, -1] for one of another shape (ask the index). */
export function packFingerprint(fingerprint: string): [number, number] {
  if (fingerprint.length !== 16) return [-1, -1];
  let high = 0;
  let low = 0;
  for (let at = 0; at < 16; at++) {
    const digit = hexDigit(fingerprint.charCodeAt(at));
    if (digit < 0) return [-1, -1];
    if (at < 8) high = (high << 4) | digit;
    else low = (low << 4) | digit;
  }
  return [high | 0, low | 0];
}

const byteHex = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

function hex32(n: number): string {
  return (
    byteHex[(n >>> 24) & 255]! + byteHex[(n >>> 16) & 255]! + byteHex[(n >>> 8) & 255]! + byteHex[n & 255]!
  );
}

/** The fingerprint packed by packFingerprint, or undefined for [-1, -1]. */
export function unpackFingerprint(high: number, low: number): string | undefined {
  if (high === -1 && low === -1) return undefined;
  return hex32(high) + hex32(low);
}

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
  /** Each entry's bm25 factor at `avgdl`, computed once when the list is read. */
  factors: Float64Array;
}

/**
 * Where a document's copies were published, and its fingerprint. One copy: its outlet, and its
 * day in both day fields (0: unknown). Several: `severalCopies`, their earliest day (0 when any
 * is unknown) and latest (0 when none is known), and the outlets' signature (outletSignature).
 */
export interface DocumentFacets {
  outlet: number;
  day: number;
  lastDay: number;
  outlets: [number, number];
  fingerprint: string;
}

export interface ScoredEntry extends DocumentFacets {
  id: number;
  frequency: number;
  length: number;
  factor: number;
}

export function encodeEntries(scored: ScoredEntry[]): Buffer {
  const entries = new Int32Array(scored.length * entryFields);
  // Field by field: a list is thousands of entries, and a re-index writes dozens of lists.
  for (let i = 0, at = 0; i < scored.length; i++, at += entryFields) {
    const entry = scored[i]!;
    const [high, low] = packFingerprint(entry.fingerprint);
    entries[at] = entry.id;
    entries[at + 1] = entry.frequency;
    entries[at + 2] = entry.length;
    entries[at + 3] = entry.outlet;
    entries[at + 4] = entry.day;
    entries[at + 5] = entry.lastDay;
    entries[at + 6] = entry.outlets[0];
    entries[at + 7] = entry.outlets[1];
    entries[at + 8] = high;
    entries[at + 9] = low;
  }
  return Buffer.from(entries.buffer, entries.byteOffset, entries.byteLength);
}

/** The entries of a list, scored for an average length. */
export function decodeEntries(entries: Int32Array, avgdl: number): ScoredEntry[] {
  const scored: ScoredEntry[] = [];
  for (let at = 0; at < entries.length; at += entryFields) {
    const [id, frequency, length, outlet, day, lastDay, outletsLow, outletsHigh, high, low] =
      entries.subarray(at, at + entryFields);
    scored.push({
      id: id!,
      frequency: frequency!,
      length: length!,
      outlet: outlet!,
      day: day!,
      lastDay: lastDay!,
      outlets: [outletsLow!, outletsHigh!],
      // A fingerprint of another shape than this code writes is left for the search to look up.
      fingerprint: unpackFingerprint(high!, low!) ?? '',
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
  const entries = new Int32Array(bytes.buffer, 0, bytes.length / 4);
  const factors = new Float64Array(entries.length / entryFields);
  for (let n = 0; n < factors.length; n++) {
    factors[n] = bm25Factor(entries[n * entryFields + 1]!, entries[n * entryFields + 2]!, row.avgdl);
  }
  return { ...row, entries, factors };
}

/**
 * How many of a list's stored entries still beat `bound` once scored for average length `avgdl`
 * — a prefix, as they are best first — when that scoring leaves them in the same order (by
 * byFactor); undefined when it does not. A run's change of the average length seldom reorders a
 * list, and then the stored entries stand as they are, without unpacking them.
 */
export function keptInOrder(entries: Int32Array, avgdl: number, bound: number): number | undefined {
  let kept = 0;
  let previous = Number.POSITIVE_INFINITY;
  let previousId = -1;
  for (let at = 0; at < entries.length; at += entryFields) {
    const id = entries[at]!;
    const factor = bm25Factor(entries[at + 1]!, entries[at + 2]!, avgdl);
    if (factor > previous || (factor === previous && id < previousId)) return undefined;
    if (factor > bound) kept++;
    previous = factor;
    previousId = id;
  }
  return kept;
}

/** Best first; equal factors (equal texts' lengths and counts) in a fixed order. */
export function byFactor(
  a: Pick<ScoredEntry, 'factor' | 'id'>,
  b: Pick<ScoredEntry, 'factor' | 'id'>,
): number {
  return b.factor - a.factor || a.id - b.id;
}
