import { describe, expect, it } from 'vitest';
import { maxEditDistanceFor, pickCorrection, Vocabulary } from '../../src/search/vocabulary.js';

describe('maxEditDistanceFor', () => {
  it.each([
    ['isi', 0],
    ['asad', 1],
    ['hangzou', 1],
    ['jarablus', 2],
    ['переговоры', 2],
  ])('allows %j an edit distance of %i', (word, expected) => {
    expect(maxEditDistanceFor(word)).toBe(expected);
  });
});

describe('pickCorrection', () => {
  it.each([
    [[['hangzhou', 3, 1]], 'hangzhou'],
    [
      [
        ['rare', 1, 1],
        ['common', 90, 1],
      ],
      'common',
    ],
    [
      [
        ['close', 1, 1],
        ['frequent', 900, 2],
      ],
      'close',
    ],
    [[['same', 5, 0]], undefined],
    [[], undefined],
  ] as Array<[Array<[string, number, number]>, string | undefined]>)(
    'picks from %j: %j',
    (candidates, expected) => {
      expect(pickCorrection(candidates)).toBe(expected);
    },
  );
});

describe('Vocabulary.correct', () => {
  const vocabulary = new Vocabulary(() => [
    ['hangzhou', 12],
    ['jarablus', 4],
    ['negotiations', 40],
    ['aleppo', 30],
    ['lepto', 90],
    ['putin', 50],
    ['butin', 80],
  ]);

  it.each([
    ['hangzou', 'hangzhou'],
    ['jerablus', 'jarablus'],
    ['negotaitions', 'negotiations'],
    ['xleppo', 'aleppo'],
    ['putni', undefined],
    ['zzzzzz', undefined],
    ['isi', undefined],
  ])('corrects %j to %j', (typo, expected) => {
    expect(vocabulary.correct(typo)).toBe(expected);
  });

  it('prefers a word with the same first letter at the same distance, however common the other', () => {
    expect(vocabulary.correct('puttin')).toBe('putin');
  });
});
