import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';

const squeeze = (text: string) => text.replace(/\s+/gu, '');

describe('splitSentences', () => {
  it.each([
    ['two plain sentences', 'Putin spoke. Obama listened.', ['Putin spoke.', 'Obama listened.']],
    [
      'a title before a name',
      'Mr. Putin spoke. Mrs. Clinton and Dr. Smith listened.',
      ['Mr. Putin spoke.', 'Mrs. Clinton and Dr. Smith listened.'],
    ],
    [
      'a military rank',
      'The talks included Gen. Gerasimov. They lasted an hour.',
      ['The talks included Gen. Gerasimov.', 'They lasted an hour.'],
    ],
    [
      'U.S. and U.N. before a capital',
      'The U.S. Navy and the U.N. Security Council met. Then they left.',
      ['The U.S. Navy and the U.N. Security Council met.', 'Then they left.'],
    ],
    [
      'an initial',
      'The letter was signed by J. Doe on Monday. Nobody replied.',
      ['The letter was signed by J. Doe on Monday.', 'Nobody replied.'],
    ],
    [
      'a month abbreviation before a day',
      'They met on Sept. 5 in Hangzhou. It was warm.',
      ['They met on Sept. 5 in Hangzhou.', 'It was warm.'],
    ],
    [
      'Jan. before a number',
      'It starts Jan. 20 at noon. Everyone knows.',
      ['It starts Jan. 20 at noon.', 'Everyone knows.'],
    ],
    [
      'a saint',
      'They walked down St. Petersburg avenue. It rained.',
      ['They walked down St. Petersburg avenue.', 'It rained.'],
    ],
    [
      'No. before a number',
      'He was ranked No. 1 in the poll. Others were not.',
      ['He was ranked No. 1 in the poll.', 'Others were not.'],
    ],
    [
      'quoted sentences',
      '“We agreed.” Putin smiled. “Fine,” Obama said.',
      ['“We agreed.”', 'Putin smiled.', '“Fine,” Obama said.'],
    ],
    [
      'questions and exclamations',
      'Will they agree? Nobody knows! Wait.',
      ['Will they agree?', 'Nobody knows!', 'Wait.'],
    ],
    ['a text without final punctuation', 'Putin spoke. Obama listened', ['Putin spoke.', 'Obama listened']],
    ['surrounding whitespace', '  Putin spoke.   Obama listened.  ', ['Putin spoke.', 'Obama listened.']],
    ['an empty text', '', []],
  ])('splits %s', (_case, text, sentences) => {
    expect(splitSentences(text)).toEqual(sentences);
  });

  it('ends a sentence at a month abbreviation followed by a capital word', () => {
    expect(splitSentences('The vote is in Oct. Then we will see.')).toEqual([
      'The vote is in Oct.',
      'Then we will see.',
    ]);
  });

  it('returns exact substrings that give the text back', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'Mr. Putin',
            'spoke.',
            'U.S.',
            'Navy',
            'J.',
            'Doe',
            '“Yes.”',
            'Sept. 5',
            'It',
            'rained!',
            '\n',
            '  ',
          ),
          { maxLength: 40 },
        ),
        (parts) => {
          const text = parts.join(' ');
          const sentences = splitSentences(text);
          for (const sentence of sentences) expect(text.includes(sentence)).toBe(true);
          expect(squeeze(sentences.join(''))).toBe(squeeze(text));
        },
      ),
    );
  });
});
