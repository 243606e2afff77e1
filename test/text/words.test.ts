import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinedSurfaceWords, surfaceWords } from '../../src/text/words.js';

describe('surfaceWords', () => {
  it.each([
    [
      'letters and digits of any script, lowercased',
      'Café-Owners 2015 Ωμέγα',
      ['café', 'owners', '2015', 'ωμέγα'],
    ],
    ['punctuation and spacing separating', '“Yes,” said Ann — twice…', ['yes', 'said', 'ann', 'twice']],
    ['an apostrophe splitting a word', "Falk’s don't", ['falk', 's', 'don', 't']],
    ['nothing but punctuation', '— … “”', []],
  ])('splits %s', (_case, text, words) => {
    expect(surfaceWords(text)).toEqual(words);
  });
});

describe('joinedSurfaceWords', () => {
  // Each case reads the same as surfaceWords joined by spaces, whichever way the text is read.
  it.each([
    ['plain ASCII', 'Obama met Putin in 2015.', 'obama met putin in 2015'],
    [
      'typographic separators (read byte by byte)',
      '“Yes,” said Ann\u00a0Falk — twice… ‘no’ – 1–2',
      'yes said ann falk twice no 1 2',
    ],
    ['separators at both ends', '  …“Lead”, trail —  ', 'lead trail'],
    ['a letter beyond ASCII (read by surfaceWords)', 'Café owners met “İlhan”', 'café owners met i̇lhan'],
    ['a final sigma, lowercased in context', 'ΟΔΥΣΣΕΥΣ said', 'οδυσσευς said'],
    ['a decomposed accent, kept in its word', 'Cafe\u0301 closes', 'cafe\u0301 closes'],
    ['an astral letter and an emoji', '𝐀lpha 😀 beta', '𝐀lpha beta'.toLowerCase()],
    ['a lone surrogate', 'ab\ud800cd', 'ab cd'],
    ['the Kelvin sign (lowercases to ASCII)', '5 \u212a', '5 k'],
    ['nothing but separators', '— … “ ”', ''],
    ['nothing', '', ''],
  ])('reads %s', (_case, text, joined) => {
    expect(joinedSurfaceWords(text)).toBe(joined);
    expect(joinedSurfaceWords(text)).toBe(surfaceWords(text).join(' '));
  });

  it('reads a text longer than its scratch buffers as surfaceWords does', () => {
    const long = 'Word “quoted” — and more. '.repeat(2000);
    expect(long.length).toBeGreaterThan(16 * 1024);
    expect(joinedSurfaceWords(long)).toBe(surfaceWords(long).join(' '));
  });

  it('agrees with surfaceWords for every UTF-16 code unit between two words', () => {
    for (let unit = 0; unit <= 0xffff; unit++) {
      const text = `Ab${String.fromCharCode(unit)}Cd`;
      if (joinedSurfaceWords(text) !== surfaceWords(text).join(' ')) {
        expect.fail(`differs for U+${unit.toString(16).padStart(4, '0')}`);
      }
    }
  });

  it('agrees with surfaceWords for any text', () => {
    const pieces = fc.constantFrom(
      'Ann',
      'falk',
      '2015',
      ' ',
      '  ',
      ',',
      '.',
      '“',
      '”',
      '’',
      '—',
      '–',
      '…',
      '\u00a0',
      'é',
      'İ',
      '\n',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ unit: 'grapheme' })), { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        expect(joinedSurfaceWords(text)).toBe(surfaceWords(text).join(' '));
      }),
    );
  });
});
