import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VocabularyTally } from '../../src/index/vocabulary-tally.js';
import { isVocabularyWord, surfaceWords } from '../../src/text/words.js';

/** The tally as plainly as it can be said: each article's distinct vocabulary words, counted. */
function plainTally(articles: string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const texts of articles) {
    for (const word of new Set(texts.flatMap((text) => surfaceWords(text)).filter(isVocabularyWord))) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

describe('VocabularyTally.addArticle', () => {
  it('counts each vocabulary word once per article, however often it is used', () => {
    const tally = new VocabularyTally();
    tally.addArticle(['Port strike', 'Strike, strike: a 2016 dockers’ STRIKE.']);
    tally.addArticle(['Strike ends']);
    expect(new Map(tally.entries())).toEqual(
      new Map([
        ['port', 1],
        ['strike', 2],
        ['dockers', 1],
        ['ends', 1],
      ]),
    );
  });

  it.each([
    ['accented and decomposed letters', ['Café owners', 'cafe\u0301 owners in Zürich']],
    ['other scripts', ['Путин и Обама', 'Путин сказал', '習近平 said']],
    ['letters outside the BMP', ['𝐁𝐨𝐥𝐝 words and 𝐁𝐨𝐥𝐝 again']],
    ['numbers and letters', ['The G7 met in 2016', 'g7 again, 1st time']],
    ['words of one letter and words too long', [`a b ${'x'.repeat(41)} ${'y'.repeat(40)}`]],
    ['a lowercase that grows (İ)', ['İstanbul talks', 'istanbul']],
  ])('counts as the plain way does: %s', (_case, texts) => {
    const tally = new VocabularyTally();
    tally.addArticle(texts);
    tally.addArticle(texts.slice(1));
    expect(new Map(tally.entries())).toEqual(plainTally([texts, texts.slice(1)]));
  });

  it('counts as the plain way does, for any articles', () => {
    const words = fc.constantFrom(
      'Strike',
      'strike',
      'port',
      'Café',
      'cafe\u0301',
      'Путин',
      '𝐁𝐨𝐥𝐝',
      'G7',
      '2016',
      'a',
      'İ',
    );
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.array(fc.oneof(words, fc.constantFrom(' ', ', ', '—', '’s ', '\n'))).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(fc.array(fc.array(text, { maxLength: 4 }), { maxLength: 6 }), (articles) => {
        const tally = new VocabularyTally();
        for (const texts of articles) tally.addArticle(texts);
        expect(new Map(tally.entries())).toEqual(plainTally(articles));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps count of thousands of words (its table grows)', () => {
    const tally = new VocabularyTally();
    const many = Array.from({ length: 5000 }, (_, i) => `word${i.toString(36)}x`);
    tally.addArticle([many.join(' ')]);
    tally.addArticle([many.slice(0, 2500).join(' ')]);
    const counts = new Map(tally.entries());
    expect(counts.size).toBe(5000);
    expect(counts.get(many[0]!)).toBe(2);
    expect(counts.get(many[4999]!)).toBe(1);
  });

  it('adds up with per-article word lists', () => {
    const tally = new VocabularyTally();
    tally.add(['strike'], 1);
    tally.addArticle(['strike', 'strike port']);
    tally.add(['port'], -1);
    expect(new Map(tally.entries())).toEqual(new Map([['strike', 2]]));
  });
});
