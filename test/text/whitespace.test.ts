import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace, normalizeWhitespace } from '../../src/text/whitespace.js';

describe('normalizeWhitespace', () => {
  it.each([
    ['runs of spaces', 'Obama   and  Putin', 'Obama and Putin'],
    ['tabs and line breaks', 'Obama\tand\nPutin', 'Obama and Putin'],
    ['no-break and thin spaces', 'Obama\u00a0and\u202fPutin', 'Obama and Putin'],
    ['leading and trailing space', '  Obama  ', 'Obama'],
    ['zero-width spaces and soft hyphens', 'Pu\u200btin Kreml\u00adin', 'Putin Kremlin'],
    ['stray control codes', 'Putin\u0007 spoke', 'Putin spoke'],
    [
      'curly and straight quotes, kept as written',
      '“Yes,” he said. "No," she said. It’s',
      '“Yes,” he said. "No," she said. It’s',
    ],
  ])('handles %s', (_case, input, expected) => {
    expect(normalizeWhitespace(input)).toBe(expected);
  });
});

/** Any text, and text made mostly of the whitespace and invisible characters the fast paths judge. */
const textWithSpaces = fc.oneof(
  fc.string(),
  fc
    .array(
      fc.constantFrom(
        ' ',
        '  ',
        '\t',
        '\n',
        '\u00a0',
        '\u200b',
        '\u00ad',
        '\ufeff',
        '\u0007',
        '\u0085',
        '\u2028',
        '\u3000',
        'a',
        'Putin',
        '.',
        'é',
      ),
    )
    .map((pieces) => pieces.join('')),
);

describe('normalizeWhitespace (fast path)', () => {
  const slow = (text: string) =>
    text
      .replace(/[\u200b\u00ad\ufeff]|[^\P{Cc}\t\n\v\f\r]/gu, '')
      .replace(/\s+/gu, ' ')
      .trim();
  it('gives what the full normalisation gives, for any text', () => {
    fc.assert(
      fc.property(textWithSpaces, (text) => {
        expect(normalizeWhitespace(text)).toBe(slow(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('collapseWhitespace', () => {
  const full = (text: string) => text.replace(/\s+/gu, ' ').trim();
  it.each([
    ['clean text, unchanged', 'Obama spoke with Putin.'],
    ['doubled spaces', 'Obama  spoke'],
    ['a tab', 'Obama\tspoke'],
    ['a line break', 'Obama\nspoke'],
    ['no-break space', 'Obama\u00a0spoke'],
    ['leading and trailing spaces', ' Obama spoke '],
    ['only spaces', '   '],
    ['empty', ''],
    ['an invisible character, kept', 'Pu\u200btin'],
  ])('%s', (_case, text) => {
    expect(collapseWhitespace(text)).toBe(full(text));
  });
  it('gives what collapsing every run gives, for any text', () => {
    fc.assert(
      fc.property(textWithSpaces, (text) => {
        expect(collapseWhitespace(text)).toBe(full(text));
      }),
      { numRuns: 2000 },
    );
  });
});
