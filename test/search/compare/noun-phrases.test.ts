import { describe, expect, it } from 'vitest';
import { nounPhrases } from '../../../src/search/compare/noun-phrases.js';

describe('nounPhrases', () => {
  it.each([
    [
      'President Obama pointed to the need for pressure on the Syrian regime.',
      ['President Obama', 'need for pressure on the Syrian regime'],
    ],
    ['They want overtime pay for the night crossings.', ['overtime pay for the night crossings']],
    ['Putin, Obama and Merkel spoke.', ['Putin', 'Obama', 'Merkel']],
    ['They discussed Iran’s nuclear program.', ['Iran’s nuclear program']],
    ['', []],
  ])('%s', (text, expected) => {
    expect(nounPhrases(text)).toEqual(expected);
  });

  it('drops quotation marks and never joins over a bracket', () => {
    const phrases = nounPhrases('They named “Jabhat al-Nusra” (a banned group) and ISIS.');
    expect(phrases.join(' ')).not.toMatch(/[“”(]/);
    expect(phrases.some((phrase) => phrase.includes('Nusra') && phrase.includes('banned'))).toBe(false);
  });
});
