import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrangePages, dropSyndicatedCopies, pageAt } from '../../src/search/arrange.js';

const c = (id: string) => ({ id, articleId: Number(id[0]), fingerprint: id.slice(0, 2) });
const ids = (pages: Array<Array<{ id: string }>>) => pages.map((page) => page.map((x) => x.id));

describe('dropSyndicatedCopies', () => {
  it('keeps the best-ranked copy of each fingerprint', () => {
    const out = dropSyndicatedCopies([
      { articleId: 1, fingerprint: 'x', n: 1 },
      { articleId: 2, fingerprint: 'x', n: 2 },
      { articleId: 2, fingerprint: 'y', n: 3 },
    ]);
    expect(out.map((x) => x.n)).toEqual([1, 3]);
  });
});

describe('arrangePages', () => {
  it.each([
    [
      ['1a', '1b', '1c', '2a', '3a'],
      3,
      [
        ['1a', '1b', '2a'],
        ['1c', '3a'],
      ],
    ],
    [['1a', '1b', '1c', '1d', '1e'], 5, [['1a', '1b'], ['1c', '1d'], ['1e']]],
    [
      ['1a', '2a', '3a', '4a'],
      2,
      [
        ['1a', '2a'],
        ['3a', '4a'],
      ],
    ],
    [[], 5, []],
  ])('arranges %j in pages of %i as %j', (input, size, expected) => {
    expect(ids(arrangePages(input.map(c), size))).toEqual(expected);
  });

  it('never puts more than two passages of one article on a page', () => {
    const input = Array.from({ length: 30 }, (_, i) => c(`${i % 3}${String.fromCharCode(97 + i)}`));
    for (const page of arrangePages(input, 5)) {
      const counts = new Map<number, number>();
      for (const x of page) counts.set(x.articleId, (counts.get(x.articleId) ?? 0) + 1);
      expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    }
  });
});

/** The page-by-page arrangement, as first written: each page re-reads every deferred candidate. */
function pageByPage<T extends { articleId: number }>(
  candidates: T[],
  pageSize: number,
  perArticle = 2,
): T[][] {
  const pages: T[][] = [];
  let remaining = candidates;
  while (remaining.length > 0) {
    const page: T[] = [];
    const counts = new Map<number, number>();
    const deferred: T[] = [];
    for (const candidate of remaining) {
      const count = counts.get(candidate.articleId) ?? 0;
      if (page.length < pageSize && count < perArticle) {
        page.push(candidate);
        counts.set(candidate.articleId, count + 1);
      } else deferred.push(candidate);
    }
    pages.push(page);
    remaining = deferred;
  }
  return pages;
}

describe('arrangePages in one pass', () => {
  it('gives every candidate the page the page-by-page reading gives it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 8 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 3 }),
        (articles, pageSize, perArticle) => {
          const candidates = articles.map((articleId, n) => ({ articleId, fingerprint: String(n) }));
          expect(arrangePages(candidates, pageSize, perArticle)).toEqual(
            pageByPage(candidates, pageSize, perArticle),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads each candidate a bounded number of times, however deep the pages go', () => {
    // One article's passages fill a page of their own each: page-by-page re-reads every deferred
    // candidate once per page (n²/2 reads for n candidates).
    let reads = 0;
    const candidates = Array.from({ length: 20_000 }, (_, n) => ({
      fingerprint: String(n),
      get articleId() {
        reads++;
        return n % 3 === 0 ? 1 : n;
      },
    }));
    const pages = arrangePages(candidates, 5);
    expect(pages.flat()).toHaveLength(20_000);
    expect(reads).toBeLessThanOrEqual(2 * candidates.length);
  });
});

describe('pageAt', () => {
  const pages = [['a', 'b'], ['c', 'd'], ['e']];
  it.each([
    [0, { items: ['a', 'b'], start: 0, nextOffset: 2 }],
    [2, { items: ['c', 'd'], start: 2, nextOffset: 4 }],
    [3, { items: ['c', 'd'], start: 2, nextOffset: 4 }],
    [4, { items: ['e'], start: 4, nextOffset: undefined }],
    [9, { items: [], start: 9 }],
  ])('finds the page at offset %i', (offset, expected) => {
    expect(pageAt(pages, offset)).toEqual(expected);
  });
});
