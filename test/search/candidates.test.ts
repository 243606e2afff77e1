import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../src/index/reader.js';
import { pagesFilled, wantedRows } from '../../src/search/candidates.js';

const row = (articleId: number, i: number): Candidate => ({
  documentId: i,
  passageId: i,
  articleId,
  rank: -10 + i,
  fingerprint: `f${i}`,
  source: null,
  published: null,
  url: null,
});
const rows = (...articles: number[]) => articles.map((articleId, i) => row(articleId, i));

describe('pagesFilled', () => {
  it.each([
    ['six rows of six articles fill page 1 and start page 2', rows(1, 2, 3, 4, 5, 6), 0, 5, true],
    ['five rows fill page 1 but nothing shows there is a page 2', rows(1, 2, 3, 4, 5), 0, 5, false],
    [
      'a third passage of one article waits for page 2, leaving page 1 short',
      rows(1, 1, 1, 2, 3),
      0,
      5,
      false,
    ],
    ['…unless other articles fill page 1', rows(1, 1, 1, 2, 3, 4, 5), 0, 5, true],
    [
      'page 2 needs page 1 full, itself full, and one more row',
      rows(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
      5,
      5,
      true,
    ],
    ['a short page 2', rows(1, 2, 3, 4, 5, 6, 7, 8), 5, 5, false],
  ])('%s', (_, candidates, offset, limit, expected) => {
    expect(pagesFilled(candidates, offset, limit)).toBe(expected);
  });
});

describe('wantedRows', () => {
  it.each([
    [6, 30],
    [26, 130],
  ])('reads %i rows as %i, leaving room for the per-article limit', (needed, expected) => {
    expect(wantedRows(needed)).toBe(expected);
  });
});
