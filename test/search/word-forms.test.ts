import { describe, expect, it } from 'vitest';
import { EnglishWords } from '../../src/search/english-words.js';
import { otherForms, withoutPossessive } from '../../src/search/word-forms.js';

describe('otherForms', () => {
  it.each([
    ['child', ['children']],
    ['children', ['child']],
    ['thief', ['thieves']],
    ['women', ['woman']],
    ['person', ['people']],
    ['city', []],
    ['cities', []],
    ['news', []],
    ['was', []],
    ['us', []],
    ['this', []],
    ['these', []],
    ['were', []],
    ['putin', []],
    ['переговоры', []],
  ])('gives %j the forms %j', (word, forms) => {
    expect(otherForms(word)).toEqual(forms);
  });
});

describe('withoutPossessive', () => {
  it.each([
    ["Bush's", 'Bush'],
    ['Obama’s', 'Obama'],
    ["children's", 'children'],
    ["it's", 'it'],
    ['Bush', 'Bush'],
    ["'s", "'s"],
  ])('reads %j as %j', (text, expected) => {
    expect(withoutPossessive(text)).toBe(expected);
  });
});

describe('EnglishWords', () => {
  const english = new EnglishWords();

  it.each(['fire', 'thief', 'children', 'colour', 'color', 'café'])('knows %j', (word) => {
    expect(english.has(word)).toBe(true);
  });

  it.each(['wegner', 'hangzou', 'quillhaven', 'blair', 'teh'])('does not know %j', (word) => {
    expect(english.has(word)).toBe(false);
  });

  it.each([
    ['color', 'colour', true],
    ['colour', 'color', true],
    ['fire', 'five', false],
    ['thief', 'chief', false],
    ['wegner', 'wenger', false],
  ])('%j → %j is a spelling of another dialect: %s', (word, candidate, expected) => {
    expect(english.isDialectVariant(word, candidate)).toBe(expected);
  });
});
