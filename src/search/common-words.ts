/**
 * One very common word, answered from its champion list (src/index/champions.ts) instead of
 * asking FTS5 to rank every document that has it — at a million passages a word in most of
 * them costs FTS5 seconds, the list a millisecond.
 *
 * The ranking stays FTS5's: each listed document is scored with FTS5's bm25 formula and
 * statistics (src/index/bm25.ts), and only documents scoring above the list's bound — which no
 * unlisted document reaches — are used, so they come out exactly in the order, and with the
 * scores, FTS5 would give them. Filters are tested on the listed documents, best first, in
 * growing chunks. When that proven part of the list runs out before the page is full (a filter
 * keeping very few of the word's documents), the caller falls back to FTS5. Speakers (`who:`) and
 * a saved search's runs are not in the list; with them, every listed document is asked of the index.
 */
import { bm25Factor, bm25Idf, bm25Rank, type FtsTotals } from '../index/bm25.js';
import {
  type ChampionList,
  entryFields,
  severalCopies,
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

/** Whether one copy's outlet and day (0: unknown) pass the filter. */
function passes(outlet: number, day: number, facets: FacetFilter, outlets: Set<number> | undefined): boolean {
  if (outlets && !outlets.has(outlet)) return false;
  if (facets.fromDay !== undefined && (day === 0 || day < facets.fromDay)) return false;
  if (facets.beforeDay !== undefined && (day === 0 || day >= facets.beforeDay)) return false;
  return true;
}

/**
 * The best `wanted` distinct documents for the list's word that pass `facets`, or as many as the
 * list proves (`complete` false). A document with one copy is tested on the facets the list
 * keeps; one with several, in the index.
 */
export function championRanking(
  reader: IndexReader,
  list: ChampionList,
  totals: FtsTotals,
  facets: FacetFilter,
  wanted: number,
): ChampionRanking {
  const idf = bm25Idf(totals.rows, list.documents);
  const { entries } = list;
  const count = entries.length / entryFields;
  const filtered = isFiltered(facets);
  const outlets = facets.outlets && new Set(facets.outlets);
  // Speakers and runs are not in the list: every entry is asked of the index.
  const askAll = filtersBeyondOutletAndDay(facets);
  const documents: RankedDocument[] = [];
  const seen = new Set<string>();
  let at = 0;
  let proven = true;
  for (let chunk = firstChunk; proven && at < count && documents.length < wanted; chunk *= 4) {
    // Entries of this chunk that may pass, best first; those with several copies asked below.
    const candidates: Array<{ id: number; factor: number; fingerprint: string | undefined }> = [];
    const ask: number[] = [];
    for (const end = Math.min(count, at + chunk); at < end; at++) {
      const base = at * entryFields;
      const factor = bm25Factor(entries[base + 1]!, entries[base + 2]!, totals.avgdl);
      // Not above the bound: an unlisted document may rank as high; the proven part ends here.
      if (!(factor > list.bound)) {
        proven = false;
        break;
      }
      const [id, outlet, day] = [entries[base]!, entries[base + 3]!, entries[base + 4]!];
      if (filtered && (askAll || outlet === severalCopies)) ask.push(id);
      else if (filtered && !passes(outlet, day, facets, outlets)) continue;
      candidates.push({ id, factor, fingerprint: unpackFingerprint(entries[base + 5]!, entries[base + 6]!) });
    }
    const asked = new Set(ask);
    const passing = ask.length > 0 ? reader.passingDocuments(ask, facets) : new Set<number>();
    const kept = candidates.filter(({ id }) => !asked.has(id) || passing.has(id));
    // Fingerprints the list could not keep (another shape than this code writes), from the index.
    const unpacked = kept.filter((c) => c.fingerprint === undefined).map(({ id }) => id);
    const looked = reader.fingerprints(unpacked);
    for (const { id, factor, fingerprint: packed } of kept) {
      const fingerprint = packed ?? looked.get(id);
      // A syndicated copy already listed. (A document a re-index removed cannot be listed: lists
      // are used only while their version matches the index's.)
      if (fingerprint === undefined || seen.has(fingerprint)) continue;
      seen.add(fingerprint);
      documents.push({ documentId: id, rank: bm25Rank(idf, factor), fingerprint });
      if (documents.length >= wanted) break;
    }
  }
  return { documents, complete: documents.length >= wanted };
}
