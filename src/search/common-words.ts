/**
 * One very common word, answered from its champion list (src/index/champions.ts) instead of
 * asking FTS5 to rank every document that has it — at a million passages a word in most of
 * them costs FTS5 seconds, the list a millisecond.
 *
 * The ranking stays FTS5's: each listed document is scored with FTS5's bm25 formula and
 * statistics (src/index/bm25.ts), and only documents scoring above the list's bound — which no
 * unlisted document reaches — are used, so they come out exactly in the order, and with the
 * scores, FTS5 would give them. Filters are tested on the listed documents, best first, in
 * growing chunks (with `source:`, only those that may have a copy in its outlets): a document
 * with one copy on the outlet and day the list keeps; one with several on the range of their
 * days and the signature of their outlets, which settle most of them (a wire story is rarely
 * carried by the outlet asked for), the rest asked of the index.
 * When that proven part of the list runs out before the page is full (a filter keeping very few
 * of the word's documents), the caller falls back to FTS5. Speakers (`who:`) and a saved
 * search's runs are not in the list; with them, every listed document that passes the rest is
 * asked of the index.
 */
import { bm25Idf, bm25Rank, type FtsTotals } from '../index/bm25.js';
import {
  type ChampionList,
  entryFields,
  outletBit,
  outletHalf,
  outletSignature,
  severalCopies,
  signatureOutlets,
  unpackFingerprint,
} from '../index/champion-entries.js';
import { filtersBeyondOutletAndDay } from '../index/facet-statements.js';
import type { FacetFilter, IndexReader, RankedDocument } from '../index/reader.js';

/** Entries read in the first chunk; each next chunk is four times larger. */
const firstChunk = 64;

export interface ChampionRanking {
  /** Distinct documents (one per fingerprint), best first, all ranked exactly. */
  documents: RankedDocument[];
  /** False when the list's proven part ended before `wanted` documents: more may follow. */
  complete: boolean;
}

function isFiltered(facets: FacetFilter): boolean {
  return (
    facets.outlets !== undefined ||
    facets.fromDay !== undefined ||
    facets.beforeDay !== undefined ||
    filtersBeyondOutletAndDay(facets)
  );
}

/**
 * A filter's outlets and their signature (champion-entries.ts, outletSignature); `exact` when
 * every outlet of the archive has its own bit, so a copy's bit is that outlet's.
 */
export interface OutletTest {
  /** 1 at each outlet number the filter keeps (a table: the walk tests thousands of entries). */
  kept: Uint8Array;
  signature: [number, number];
  exact: boolean;
}

/** The test of a filter's outlets, for an archive whose highest outlet number is `highestOutlet`. */
export function outletTest(outlets: number[], highestOutlet: number): OutletTest {
  const kept = new Uint8Array(Math.max(highestOutlet, ...outlets) + 1);
  for (const outlet of outlets) kept[outlet] = 1;
  return {
    kept,
    signature: outletSignature(outlets),
    exact: highestOutlet < signatureOutlets,
  };
}

/** Whether a day (0: unknown) is in the filter's range; an unknown day never is, when it has one. */
function inRange(day: number, facets: FacetFilter): boolean {
  if (facets.fromDay !== undefined && (day === 0 || day < facets.fromDay)) return false;
  if (facets.beforeDay !== undefined && (day === 0 || day >= facets.beforeDay)) return false;
  return true;
}

/** Whether one copy's outlet and day pass the filter. */
function passes(outlet: number, day: number, facets: FacetFilter, outlets: OutletTest | undefined): boolean {
  return (!outlets || outlets.kept[outlet] === 1) && inRange(day, facets);
}

/**
 * What the list says of a document with several copies: 'fails' when no copy can pass the
 * outlet and day filters; 'passes' when one surely does — every copy in the dates, and (with
 * `source:`) a copy in one of the outlets, which an exact signature proves; 'ask' otherwise.
 */
export function severalCopiesVerdict(
  { day, lastDay, outlets: signature }: { day: number; lastDay: number; outlets: [number, number] },
  facets: FacetFilter,
  outlets: OutletTest | undefined,
): 'fails' | 'passes' | 'ask' {
  const sharesBits =
    outlets && ((signature[0] & outlets.signature[0]) | (signature[1] & outlets.signature[1])) !== 0;
  if (outlets && !sharesBits) return 'fails';
  const dated = facets.fromDay !== undefined || facets.beforeDay !== undefined;
  if (dated) {
    // No copy dated, every copy before the range, or (all dated) every copy after it.
    if (lastDay === 0) return 'fails';
    if (facets.fromDay !== undefined && lastDay < facets.fromDay) return 'fails';
    if (facets.beforeDay !== undefined && day !== 0 && day >= facets.beforeDay) return 'fails';
  }
  const everyCopyInRange = !dated || (day !== 0 && inRange(day, facets) && inRange(lastDay, facets));
  // A shared bit of an inexact signature may be another outlet's: only the index knows.
  if (outlets && !outlets.exact) return 'ask';
  return everyCopyInRange ? 'passes' : 'ask';
}

/** Where a list's entries are: each outlet's own (one copy), and by signature bit those with several. */
interface ListPositions {
  byOutlet: Map<number, number[]>;
  severalByBit: number[][];
}

const positionsOfList = new WeakMap<ChampionList, ListPositions>();

/** The positions of a list's entries by outlet, made on first use and kept with the list. */
function listPositions(list: ChampionList): ListPositions {
  const known = positionsOfList.get(list);
  if (known) return known;
  const positions: ListPositions = {
    byOutlet: new Map(),
    severalByBit: Array.from({ length: signatureOutlets }, () => []),
  };
  const { entries } = list;
  for (let at = 0, base = 0; base < entries.length; at++, base += entryFields) {
    const outlet = entries[base + 3]!;
    if (outlet === severalCopies) {
      for (let bit = 0; bit < signatureOutlets; bit++) {
        if ((entries[base + 6 + outletHalf(bit)]! & outletBit(bit)) !== 0)
          positions.severalByBit[bit]!.push(at);
      }
      continue;
    }
    const own = positions.byOutlet.get(outlet);
    if (own) own.push(at);
    else positions.byOutlet.set(outlet, [at]);
  }
  positionsOfList.set(list, positions);
  return positions;
}

/**
 * The positions, best first, of the entries that may have a copy in one of `outlets`: their own
 * entries, and those with several copies whose signature has one of their bits (a superset when
 * outlets share bits; the walk tests each). A rare outlet's filter then walks tens of entries
 * where the list has thousands.
 */
function entriesMaybeIn(list: ChampionList, outlets: number[]): Int32Array {
  const { byOutlet, severalByBit } = listPositions(list);
  const bits = new Set(outlets.map((outlet) => outlet % signatureOutlets));
  const positions = new Set<number>();
  for (const outlet of outlets) for (const at of byOutlet.get(outlet) ?? []) positions.add(at);
  for (const bit of bits) for (const at of severalByBit[bit]!) positions.add(at);
  return Int32Array.from(positions).sort();
}

/**
 * The best `wanted` distinct documents for the list's word that pass `facets` (and any after
 * them that tie with the last: the caller orders equal ranks by date), or as many as the list
 * proves (`complete` false).
 */
export function championRanking(
  reader: IndexReader,
  list: ChampionList,
  totals: FtsTotals,
  facets: FacetFilter,
  wanted: number,
  highestOutlet: number,
): ChampionRanking {
  const idf = bm25Idf(totals.rows, list.documents);
  const { entries, factors } = list;
  // With `source:`, only the entries that may be in its outlets are walked (list positions).
  const walked = facets.outlets && entriesMaybeIn(list, facets.outlets);
  const count = walked ? walked.length : entries.length / entryFields;
  const filtered = isFiltered(facets);
  const outlets = facets.outlets && outletTest(facets.outlets, highestOutlet);
  // Speakers and runs are not in the list: every entry that passes the rest is asked of the index.
  const askAll = filtersBeyondOutletAndDay(facets);
  const documents: RankedDocument[] = [];
  const seen = new Set<string>();
  let lastFactor = Number.NaN;
  let at = 0;
  let proven = true;
  let done = false;
  for (let chunk = firstChunk; proven && at < count && !done; ) {
    // Entries of this chunk that may pass, best first; those marked `ask` are asked below.
    const candidates: Array<{ id: number; factor: number; fingerprint: string | undefined }> = [];
    const ask: number[] = [];
    for (const end = Math.min(count, at + chunk); at < end; at++) {
      const entry = walked ? walked[at]! : at;
      const factor = factors[entry]!;
      // Not above the bound: an unlisted document may rank as high; the proven part ends here.
      if (!(factor > list.bound)) {
        proven = false;
        break;
      }
      const base = entry * entryFields;
      const id = entries[base]!;
      if (filtered) {
        const outlet = entries[base + 3]!;
        const day = entries[base + 4]!;
        if (outlet === severalCopies) {
          const signature: [number, number] = [entries[base + 6]!, entries[base + 7]!];
          const several = { day, lastDay: entries[base + 5]!, outlets: signature };
          const verdict = severalCopiesVerdict(several, facets, outlets);
          if (verdict === 'fails') continue;
          if (verdict === 'ask' || askAll) ask.push(id);
        } else if (!passes(outlet, day, facets, outlets)) continue;
        else if (askAll) ask.push(id);
      }
      candidates.push({ id, factor, fingerprint: unpackFingerprint(entries[base + 8]!, entries[base + 9]!) });
      // With nothing to ask the index, the chunk ends once it holds as many as are still wanted
      // (the next chunk goes on from here if copies or ties call for more): a filter that keeps
      // few documents would otherwise read up to four times the entries it needs.
      if (ask.length === 0 && candidates.length >= wanted - documents.length) {
        at++;
        break;
      }
    }
    const asked = new Set(ask);
    const passing = ask.length > 0 ? reader.passingDocuments(ask, facets) : new Set<number>();
    const kept = candidates.filter(({ id }) => !asked.has(id) || passing.has(id));
    // Fingerprints the list could not keep (another shape than this code writes), from the index.
    const unpacked = kept.filter((c) => c.fingerprint === undefined).map(({ id }) => id);
    const looked = reader.fingerprints(unpacked);
    for (const { id, factor, fingerprint: packed } of kept) {
      if (documents.length >= wanted && factor !== lastFactor) {
        done = true;
        break;
      }
      const fingerprint = packed ?? looked.get(id);
      // A syndicated copy already listed. (A document a re-index removed cannot be listed: lists
      // are used only while their version matches the index's.)
      if (fingerprint === undefined || seen.has(fingerprint)) continue;
      seen.add(fingerprint);
      documents.push({ documentId: id, rank: bm25Rank(idf, factor), fingerprint });
      lastFactor = factor;
    }
    // Full, unless the next entries tie with the last: look at a few more.
    chunk = documents.length >= wanted ? firstChunk : chunk * 4;
  }
  return { documents, complete: documents.length >= wanted };
}
