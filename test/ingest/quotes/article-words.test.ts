import { describe, expect, it } from 'vitest';
import { ArticleWords } from '../../../src/ingest/quotes/article-words.js';

const paragraphs = [
  'Ada Lund’s aide met Lund in Lundby.',
  'The Clinton-Kaine ticket; O’Neill and neill; lund was written small once.',
  "Mr. Lund's plan, said Lund-Berg.",
];

/** An ArticleWords that has already spent its searches, so it answers from its index. */
function indexed(): ArticleWords {
  const words = new ArticleWords(paragraphs);
  for (let k = 0; k < 40; k++) words.places(`nothing${k}`);
  return words;
}

describe('ArticleWords.places', () => {
  it.each([
    [
      'lund',
      [
        [0, 4],
        [0, 20],
        [1, 45],
        [2, 4],
      ],
    ],
    ['clinton', []],
    ['clinton-kaine', [[1, 4]]],
    ['neill', [[1, 38]]],
    ['o’neill', [[1, 26]]],
    ['lundby', [[0, 28]]],
  ])('finds %j as a whole word, in any case, possessive or not', (word, expected) => {
    const places = (source: ArticleWords) =>
      source.places(word).map((place) => [place.paragraph, place.offset]);
    expect(places(new ArticleWords(paragraphs))).toEqual(expected);
    expect(places(indexed())).toEqual(expected);
  });
});

describe('ArticleWords.has', () => {
  it.each([
    ['lund', true],
    ['ada', false],
    ['neill', true],
    ['plan', true],
    ['said', true],
    ['mr', false],
  ])('tells whether the article writes %j in lower case: %s', (word, expected) => {
    expect(new ArticleWords(paragraphs).has(word)).toBe(expected);
    expect(indexed().has(word)).toBe(expected);
  });
});
