import { describe, expect, it } from 'vitest';
import {
  maxEditDistanceFor,
  pickCorrection,
  transpositions,
  Vocabulary,
} from '../../src/search/vocabulary.js';

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

describe('transpositions', () => {
  it.each([
    ['abc', ['bac', 'acb']],
    ['aab', ['aba']],
    ['a', []],
  ])('swaps the neighbouring letters of %j', (word, expected) => {
    expect(transpositions(word)).toEqual(expected);
  });
});

describe('Vocabulary.correct', () => {
  const vocabulary = new Vocabulary(() =>
    Object.entries({ wenger: 15, werner: 6, hangzhou: 3, chief: 352, thieves: 5, government: 40, five: 400 }),
  );

  it.each([
    ['counts a swap of two letters as one edit, and prefers the commoner word', 'wegner', 'wenger'],
    ['finds a missing letter', 'hangzou', 'hangzhou'],
    ['finds a swap plus another edit in a long word', 'govrenmet', 'government'],
    ['corrects nothing under four letters', 'fiv', undefined],
    ['corrects nothing too far away', 'zeppelin', undefined],
  ])('%s: %j → %j', (_case, word, expected) => {
    expect(vocabulary.correct(word)).toBe(expected);
  });

  it('leaves out the candidates the caller refuses', () => {
    expect(vocabulary.correct('wegner', (candidate) => candidate !== 'wenger')).toBe('werner');
    expect(vocabulary.correct('thief', () => false)).toBeUndefined();
  });
});
