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
 * keeping very few of the word's documents), the caller falls back to FTS5.
 */
import { bm25Factor, bm25Idf, bm25Rank, type FtsTotals } from '../index/bm25.js';
import type { ChampionList } from '../index/champions.js';
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
  return facets.outlets !== undefined || facets.fromDay !== undefined || facets.beforeDay !== undefined;
}

/**
 * The best `wanted` distinct documents for the list's word that pass `facets`, or as many as the
 * list proves (`complete` false).
 */
export function championRanking(
  reader: IndexReader,
  list: ChampionList,
  totals: FtsTotals,
  facets: FacetFilter,
  wanted: number,
): ChampionRanking {
  const idf = bm25Idf(totals.rows, list.documents);
  const entries = list.entries;
  const count = entries.length / 3;
  const documents: RankedDocument[] = [];
  const seen = new Set<string>();
  let from = 0;
  for (let chunk = firstChunk; from < count && documents.length < wanted; chunk *= 4) {
    const ids: number[] = [];
    const factors: number[] = [];
    for (let i = from; i < Math.min(count, from + chunk); i++) {
      const factor = bm25Factor(entries[i * 3 + 1]!, entries[i * 3 + 2]!, totals.avgdl);
      // Not above the bound: an unlisted document may rank as high; the proven part ends here.
      if (!(factor > list.bound)) {
        from = count;
        break;
      }
      ids.push(entries[i * 3]!);
      factors.push(factor);
    }
    if (from < count) from += chunk;
    const passing = isFiltered(facets) ? reader.passingDocuments(ids, facets) : undefined;
    const kept = passing ? ids.filter((id) => passing.has(id)) : ids;
    const fingerprints = reader.fingerprints(kept);
    ids.forEach((id, i) => {
      const fingerprint = fingerprints.get(id);
      // Removed by a re-index since the list was read, or filtered out, or a syndicated copy.
      if (fingerprint === undefined || seen.has(fingerprint) || documents.length >= wanted) return;
      seen.add(fingerprint);
      documents.push({ documentId: id, rank: bm25Rank(idf, factors[i]!), fingerprint });
    });
  }
  return { documents, complete: documents.length >= wanted };
}
