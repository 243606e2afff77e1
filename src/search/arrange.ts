/**
 * Turning ranked candidates into pages a reporter wants to read: one copy of a syndicated
 * passage (the best-ranked; the others are named as "also in"), and at most two passages of one
 * article on a page, so one long article cannot fill the answer. Pure.
 */

export interface Arrangeable {
  articleId: number;
  fingerprint: string;
}

/** Keeps the first (best-ranked) candidate of each fingerprint. */
export function dropSyndicatedCopies<T extends { fingerprint: string }>(candidates: T[]): T[] {
  const seen = new Set<string>();
  return candidates.filter((candidate) => {
    if (seen.has(candidate.fingerprint)) return false;
    seen.add(candidate.fingerprint);
    return true;
  });
}

/**
 * Splits candidates (in rank order) into pages of `pageSize`, each with at most `perArticle`
 * passages of one article; a passage left out of a page moves to the next one, in order.
 */
export function arrangePages<T extends Arrangeable>(
  candidates: T[],
  pageSize: number,
  perArticle = 2,
): T[][] {
  const pages: T[][] = [];
  let remaining = candidates;
  while (remaining.length > 0) {
    const page: T[] = [];
    const perArticleCount = new Map<number, number>();
    const deferred: T[] = [];
    for (const candidate of remaining) {
      const count = perArticleCount.get(candidate.articleId) ?? 0;
      if (page.length < pageSize && count < perArticle) {
        page.push(candidate);
        perArticleCount.set(candidate.articleId, count + 1);
      } else {
        deferred.push(candidate);
      }
    }
    pages.push(page);
    remaining = deferred;
  }
  return pages;
}

/** The page that starts at `offset` of the concatenated pages (or the one containing it). */
export function pageAt<T>(pages: T[][], offset: number): { items: T[]; start: number; nextOffset?: number } {
  let start = 0;
  for (const [index, page] of pages.entries()) {
    const end = start + page.length;
    if (offset < end) {
      return { items: page, start, nextOffset: index + 1 < pages.length ? end : undefined };
    }
    start = end;
  }
  return { items: [], start: offset };
}

/** bm25 rank ascending (better first); ties: later publication first, undated last. */
export function byRankThenRecency(
  a: { rank: number; published: string | null },
  b: { rank: number; published: string | null },
): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  return (b.published ?? '').localeCompare(a.published ?? '');
}
