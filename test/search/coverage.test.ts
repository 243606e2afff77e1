import { describe, expect, it } from 'vitest';
import { coverageOrder, markWeights, maxWeighedTerms, termWeight } from '../../src/search/coverage.js';

describe('termWeight', () => {
  it('weighs a rarer word more', () => {
    expect(termWeight(5, 2000)).toBeGreaterThan(termWeight(180, 2000));
    expect(termWeight(180, 2000)).toBeGreaterThan(termWeight(1900, 2000));
  });

  it('weighs a word in every article a little, never nothing or less', () => {
    expect(termWeight(2000, 2000)).toBeGreaterThan(0);
    expect(termWeight(5000, 2000)).toBe(termWeight(2000, 2000));
  });

  it('gives two common words less than one rare one', () => {
    expect(termWeight(1, 20)).toBeGreaterThan(termWeight(10, 20) * 2);
  });
});

describe('coverageOrder', () => {
  it.each([
    ['proper subsets, heaviest first', [3, 1], false, [[0], [1]]],
    ['every term first when asked', [3, 1], true, [[0, 1], [0], [1]]],
    ['a rare word alone above two common ones', [5, 1, 1], false, [[0, 1], [0, 2], [0], [1, 2], [1], [2]]],
    ['more terms first on equal weight', [1, 1, 2], false, [[0, 2], [1, 2], [0, 1], [2], [0], [1]]],
  ])('orders %s', (_case, weights, includeAll, expected) => {
    expect(coverageOrder(weights, includeAll)).toEqual(expected);
  });

  it(`weighs at most the first ${maxWeighedTerms} terms`, () => {
    const sets = coverageOrder(
      Array.from({ length: 16 }, () => 1),
      false,
    );
    expect(sets).toHaveLength(2 ** maxWeighedTerms - 2);
    expect(Math.max(...sets.flat())).toBe(maxWeighedTerms - 1);
  });
});

describe('markWeights', () => {
  const weigh = markWeights([
    { key: 'negotiate', alternatives: [['negotiate']], weight: 2 },
    { key: 'child', alternatives: [['child'], ['children']], weight: 3 },
  ]);

  it.each([
    ['Negotiations', 'negotiate', 2],
    ['negotiated', 'negotiate', 2],
    ['Children', 'child', 3],
    ['Elsewhere', 'elsewhere', 1],
  ])('counts %j as the term %j of weight %d', (word, term, weight) => {
    expect(weigh(word)).toEqual({ term, weight });
  });
});
