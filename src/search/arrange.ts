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
export function dropSyndicatedCopies<T extends Arrangeable>(candidates: T[]): T[] {
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
 *
 * One pass: each candidate goes to the first page that has room and room for its article. That is
 * the page the page-by-page reading would give it, without re-reading the deferred passages once
 * per page (quadratic: a forged "More" button at offset 15,000 took minutes).
 */
export function arrangePages<T extends Arrangeable>(
  candidates: T[],
  pageSize: number,
  perArticle = 2,
): T[][] {
  const pages: T[][] = [];
  /** Per page, the first page at or after it that is not full (path-compressed). */
  const nextOpen: number[] = [];
  const openFrom = (page: number): number => {
    let open = page;
    while (open < pages.length && pages[open]!.length >= pageSize) open = nextOpen[open] ?? open + 1;
    for (let p = page; p < open && p < pages.length; p = nextOpen[p] ?? p + 1) nextOpen[p] = open;
    return open;
  };
  /** Per article: the last page it is on and how many of its passages that page holds. */
  const placed = new Map<number, { page: number; count: number }>();
  for (const candidate of candidates) {
    const last = placed.get(candidate.articleId);
    // An article's pages only move forward: earlier ones are full, or full of it.
    const page = openFrom(last === undefined ? 0 : last.count < perArticle ? last.page : last.page + 1);
    if (page === pages.length) pages.push([]);
    pages[page]!.push(candidate);
    placed.set(
      candidate.articleId,
      last && last.page === page ? { page, count: last.count + 1 } : { page, count: 1 },
    );
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
