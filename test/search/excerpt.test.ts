import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExcerpt, markEnd, markStart, parseHighlighted } from '../../src/search/excerpt.js';

const h = (text: string) => text.replaceAll('[', markStart).replaceAll(']', markEnd);
/** Renders marks back as [word] so expectations read naturally. */
const show = ({ text, marks }: { text: string; marks: Array<[number, number]> }) => {
  let out = '';
  let cursor = 0;
  for (const [s, e] of marks) {
    out += `${text.slice(cursor, s)}[${text.slice(s, e)}]`;
    cursor = e;
  }
  return out + text.slice(cursor);
};

describe('parseHighlighted', () => {
  it.each([
    ['no marks', 'plain text', 'plain text', []],
    ['one mark', 'a [b] c', 'a b c', [[2, 3]]],
    [
      'two marks',
      '[Obama] met [Putin]',
      'Obama met Putin',
      [
        [0, 5],
        [10, 15],
      ],
    ],
    [
      'a phrase marked word by word',
      'the [white] [house] said',
      'the white house said',
      [
        [4, 9],
        [10, 15],
      ],
    ],
    ['an empty mark', 'a [] b', 'a  b', []],
    ['an unclosed mark', 'a [b c', 'a b c', []],
    ['Cyrillic', '[Путин] сказал', 'Путин сказал', [[0, 5]]],
  ])('reads %s', (_case, input, text, marks) => {
    expect(parseHighlighted(h(input))).toEqual({ text, marks });
  });
});

const long = [
  'The council met on Monday to discuss the harbour.',
  'Members argued for an hour about the price of new cranes and the jobs they would replace.',
  'Then the mayor said the port authority would publish its plan on Friday.',
  'Residents who live by the river were not consulted, one councillor complained.',
  'The meeting ended after midnight without a vote, and will resume next week.',
].join(' ');

function excerptOf(text: string, words: string[], max = 300) {
  const marks: Array<[number, number]> = [];
  for (const word of words) {
    let at = text.indexOf(word);
    while (at >= 0) {
      marks.push([at, at + word.length]);
      at = text.indexOf(word, at + word.length);
    }
  }
  marks.sort((a, b) => a[0] - b[0]);
  return buildExcerpt(text, marks, max);
}

describe('buildExcerpt', () => {
  it.each([
    ['a short passage whole', 'Obama met Putin.', ['Putin'], 300, 'Obama met [Putin].'],
    [
      'the sentence with the matches, plus a neighbour that fits',
      long,
      ['mayor'],
      160,
      '… Then the [mayor] said the port authority would publish its plan on Friday. Residents who live by the river were not consulted, one councillor complained. …',
    ],
    [
      'two sentences that hold different matched words',
      long,
      ['cranes', 'mayor'],
      170,
      '… Members argued for an hour about the price of new [cranes] and the jobs they would replace. Then the [mayor] said the port authority would publish its plan on Friday. …',
    ],
    [
      'the start of the passage when nothing in the body matched',
      long,
      [],
      60,
      'The council met on Monday to discuss the harbour. …',
    ],
  ])('takes %s', (_case, text, words, max, expected) => {
    expect(show(excerptOf(text, words, max))).toBe(expected);
  });

  it('trims one over-long sentence around its matches, at word boundaries', () => {
    const sentence = `${'Lorem ipsum dolor sit amet '.repeat(20)}the word Aleppo appears here ${'and then more filler text follows '.repeat(20)}.`;
    const excerpt = excerptOf(sentence, ['Aleppo'], 120);
    expect(excerpt.text.length).toBeLessThanOrEqual(120);
    expect(excerpt.text.startsWith('… ')).toBe(true);
    expect(excerpt.text.endsWith(' …')).toBe(true);
    expect(show(excerpt)).toContain('[Aleppo]');
    const inner = excerpt.text.slice(2, -2);
    expect(sentence).toContain(inner);
    expect(sentence[sentence.indexOf(inner) - 1]).toBe(' '); // starts at a word boundary
    expect(sentence[sentence.indexOf(inner) + inner.length]).toBe(' '); // ends at one
  });

  it('always quotes the passage verbatim, within the budget, with marks on the same words', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            'Obama',
            'met',
            'Putin',
            'in',
            'Syria.',
            'Mr.',
            'U.S.',
            'talks',
            'on',
            'Monday!',
            '—',
            '“quoted”',
          ),
          {
            minLength: 1,
            maxLength: 200,
          },
        ),
        fc.integer({ min: 80, max: 400 }),
        (tokens, max) => {
          const text = tokens.join(' ');
          const excerpt = excerptOf(text, ['Putin'], max);
          expect(excerpt.text.length).toBeLessThanOrEqual(max);
          const inner = excerpt.text.replace(/^… /, '').replace(/ …$/, '');
          expect(text).toContain(inner);
          for (const [s, e] of excerpt.marks) expect(excerpt.text.slice(s, e)).toBe('Putin');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('buildExcerpt with word weights', () => {
  // Two sentences that do not fit together: one with a rare query word, one with a common
  // query word twice.
  const rare = 'Tait scored one try and made another for the visitors in the second half.';
  const filler = ' The crowd of twelve thousand stood for much of an afternoon of rain and wind.'.repeat(3);
  const common = ' Newcastle pressed, and Newcastle finally levelled with ten minutes left to play.';
  const text = `${rare}${filler}${common}`;
  const marksOf = (words: string[]): Array<[number, number]> =>
    words
      .flatMap((word) =>
        [...text.matchAll(new RegExp(word, 'g'))].map((m): [number, number] => [
          m.index,
          m.index + word.length,
        ]),
      )
      .sort((a, b) => a[0] - b[0]);
  const marks = marksOf(['Tait', 'Newcastle']);
  const weights = { tait: 6, newcastle: 1 } as Record<string, number>;

  it('prefers the sentence holding the rarer query word', () => {
    const excerpt = buildExcerpt(text, marks, 160, (word) => ({
      term: word.toLowerCase(),
      weight: weights[word.toLowerCase()] ?? 1,
    }));
    expect(excerpt.text).toMatch(/^Tait scored/);
  });

  it('without weights, counts every word alike and prefers more matches', () => {
    expect(buildExcerpt(text, marks, 160).text).toMatch(/Newcastle finally/);
  });
});
