/**
 * Ranked candidates for a page: documents (distinct passage texts) ranked by bm25 with the
 * filters applied inside the ranking query, syndicated texts shown once, and for each document
 * the copy to show.
 *
 * How many documents to rank (K) is fixed before asking, never grown by a filter: filters are
 * applied with the match (a filtered ranking keeps only passing documents). Syndicated copies
 * with the same text are one document; a passage syndicated under different headlines is at
 * most `documentsPerFingerprint` documents. The first K leaves room for that many headlines of
 * two stories among the best (K = wanted + 2 × (that bound − 1)), or of more stories under fewer
 * headlines; only when more fill it — a query about several wire stories each carried under
 * many headlines, or boilerplate — is the ranking asked once more, with K = wanted × that bound,
 * which always holds the rows wanted once de-duplicated.
 * (The proven K costs SQLite's sorter and the join far more on most queries: at a million
 * passages, 660 rows instead of 72.) Only an archive where one paragraph leads articles under
 * more than `maxRanked / 30` different headlines could leave even that short; then K grows ×8.
 */
import type { Candidate, FacetFilter, IndexReader, RankedDocument } from '../index/reader.js';
import { arrangePages, byRankThenRecency, dropSyndicatedCopies } from './arrange.js';
import { championRanking } from './common-words.js';
import type { IndexView } from './index-view.js';

/** Most documents ranked for one page. */
const maxRanked = 5000;
/** Stories under many headlines the first ranking leaves room for (see the top of the file). */
const widelySyndicatedStories = 2;

/** How many distinct candidates a page at `needed` rows reads: slack for the per-article limit. */
export function wantedRows(needed: number): number {
  return Math.max(30, needed * 5);
}

export interface CandidateRequest {
  /** The FTS5 MATCH expression. */
  match: string;
  facets: FacetFilter;
  /** The page: where it starts in the ranked list, and its size. */
  offset: number;
  limit: number;
  /** The query's one word, when it is a single unquoted word without aliases or exclusions. */
  singleWord?: string;
  /** Documents left out of the ranking (those of a query for more of the words; see FoundCandidates). */
  leaveOut?: number[];
}

export interface FoundCandidates {
  candidates: Candidate[];
  /**
   * Every document the match has within the filters, when the ranking read them all (fewer than
   * it asked for): a query for some of the words can leave these out instead of excluding the
   * others (search-index.ts, partialMatches).
   */
  everyMatch?: number[];
}

/** Ranked, filtered, de-duplicated candidates: at least `needed` of them when the archive has that many. */
export function findCandidates(
  reader: IndexReader,
  view: IndexView,
  request: CandidateRequest,
): FoundCandidates {
  const { match, facets, offset, limit } = request;
  const needed = offset + limit + 1;
  const wanted = wantedRows(needed);
  const list = request.singleWord ? view.championList(request.singleWord) : undefined;
  if (list) {
    // First the rows most pages need (pageCandidates reads no more when they fill the page):
    // with a filter that keeps few documents, every one of them costs a walk down the list.
    const fewer = firstRows(offset, limit);
    for (const size of fewer < wanted ? [fewer, wanted] : [wanted]) {
      const ranking = championRanking(reader, list, view.ftsTotals(), facets, size, view.highestOutlet());
      // Fewer than wanted, but proven: enough when they fill every page up to this one and
      // start the next, since any document ranked below them could only go after.
      const mustFill = !ranking.complete || size < wanted;
      const candidates = pageCandidates(reader, ranking.documents, facets, request, mustFill);
      if (candidates) return { candidates };
      if (!ranking.complete) break;
    }
  }
  const perFingerprint = view.documentsPerFingerprint();
  const proven = Math.min(maxRanked, wanted * perFingerprint);
  let k = Math.min(proven, wanted + widelySyndicatedStories * (perFingerprint - 1));
  for (;;) {
    const ranked = reader.rankDocuments(match, k, facets, request.leaveOut);
    const distinct = dropSyndicatedCopies(ranked.sort(byRank));
    if (ranked.length < k) {
      // Past maxRanked (an archive of one paragraph under thousands of headlines) the list would
      // cost more to leave out than the other word does to exclude.
      const everyMatch =
        ranked.length <= maxRanked ? ranked.map((document) => document.documentId) : undefined;
      return { candidates: pageCandidates(reader, distinct, facets, request)!, everyMatch };
    }
    if (distinct.length >= (k < proven ? wanted : needed))
      return { candidates: pageCandidates(reader, distinct, facets, request)! };
    k = k < proven ? proven : k * 8;
  }
}

/**
 * The distinct documents (best first) with the copy shown for each, as many as the page needs:
 * first twice the rows up to the page's end (most pages need no more), then up to `wanted`
 * (slack for the limit of two passages of one article on a page). With `mustFill`, undefined
 * when even those do not fill the pages up to this one.
 */
function pageCandidates(
  reader: IndexReader,
  distinct: RankedDocument[],
  facets: FacetFilter,
  { offset, limit }: { offset: number; limit: number },
  mustFill = false,
): Candidate[] | undefined {
  const wanted = wantedRows(offset + limit + 1);
  // Ties with the last row are read too: equal ranks are ordered by date once the copies are known.
  let first = Math.min(distinct.length, firstRows(offset, limit));
  while (first < distinct.length && distinct[first]!.rank === distinct[first - 1]!.rank) first++;
  if (first < Math.min(distinct.length, wanted)) {
    const some = resolveCopies(reader, distinct.slice(0, first), facets);
    if (pagesFilled(some, offset, limit)) return some;
  }
  const all = resolveCopies(reader, distinct.slice(0, Math.max(first, wanted)), facets);
  return !mustFill || pagesFilled(all, offset, limit) ? all : undefined;
}

/** The distinct candidates read first for the page at `offset`: twice the rows up to its end. */
function firstRows(offset: number, limit: number): number {
  return (offset + limit + 1) * 2;
}

/** Whether the pages up to and including the one at `offset` are full (the next may be empty). */
export function pageFull(candidates: Candidate[], offset: number, limit: number): boolean {
  let start = 0;
  for (const page of arrangePages(candidates, limit)) {
    if (page.length < limit) return false;
    start += page.length;
    if (start > offset) return true;
  }
  return false;
}

/** Whether the pages up to the one at `offset` are full and a row is left for the next one. */
export function pagesFilled(candidates: Candidate[], offset: number, limit: number): boolean {
  let start = 0;
  for (const page of arrangePages(candidates, limit)) {
    if (start > offset) return true;
    if (page.length < limit) return false;
    start += page.length;
  }
  return false;
}

function byRank(a: RankedDocument, b: RankedDocument): number {
  return a.rank - b.rank;
}

/**
 * Distinct documents (best first, one per fingerprint) with the copy shown for each: the newest
 * that passes the filters. Equal ranks (the same text under several headlines) go newest first.
 */
function resolveCopies(reader: IndexReader, documents: RankedDocument[], facets: FacetFilter): Candidate[] {
  const copies = new Map(
    reader
      .chooseCopies(
        documents.map((doc) => doc.documentId),
        facets,
      )
      .map((c) => [c.documentId, c]),
  );
  const candidates: Candidate[] = [];
  for (const doc of documents) {
    const copy = copies.get(doc.documentId);
    // Every ranked document has a passing copy, unless a re-index removed it in between.
    if (copy) candidates.push({ ...doc, ...copy });
  }
  return candidates.sort(byRankThenRecency);
}
