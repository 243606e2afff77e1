import { describe, expect, it } from 'vitest';
import { accountSides, institutionOf, namesSide } from '../../../src/search/compare/account-sides.js';

const quoted = (
  speaker: string | null,
  speakerKey: string | null,
  speakerAsWritten: string | null = speaker,
) => ({
  speaker,
  speakerKey,
  speakerAsWritten,
});

describe('institutionOf', () => {
  it.each([
    ['kremlin press service', 'kremlin'],
    ['white house press secretary', 'white house'],
    ['state department spokesman', 'state department'],
    ['kremlin', 'kremlin'],
    ['press service', 'press'],
  ])('%s → %s', (key, expected) => {
    expect(institutionOf(key)).toBe(expected);
  });
});

describe('namesSide', () => {
  it.each([
    ['The Kremlin also said that Obama thanked Putin', 'kremlin', true],
    ["the Ferrymen's Union said", 'ferrymen union', true],
    ['The White-House said', 'white house', true],
    ['Kremlinology is a field', 'kremlin', false],
  ])('%s names %s: %s', (text, key, expected) => {
    expect(namesSide(text, key)).toBe(expected);
  });
});

describe('accountSides', () => {
  it("folds an institution's services and the people introduced with its name into one side", () => {
    const sides = accountSides([
      quoted('the Kremlin press service', 'kremlin press service'),
      quoted('the Kremlin', 'kremlin'),
      quoted('the White House', 'white house'),
      quoted('Josh Earnest', 'earnest', 'White House Press Secretary Josh Earnest'),
      quoted('Barack Obama', 'obama', 'Obama'),
    ]);
    expect(sides.map((side) => [side.name, side.quotations])).toEqual([
      ['the Kremlin', [0, 1]],
      ['the White House', [2, 3]],
      ['Barack Obama', [4]],
    ]);
  });

  it('gives no side to unattributed quotations or descriptions of both parties', () => {
    const sides = accountSides([
      quoted(null, null),
      quoted('the two presidents', 'two presidents'),
      quoted('the sides', 'sides'),
    ]);
    expect(sides).toEqual([]);
  });

  it('puts the side with more quoted words first', () => {
    const sides = accountSides([quoted('Anna Berg', 'berg'), quoted('Tom Lund', 'lund')], (index) =>
      index === 1 ? 600 : 10,
    );
    expect(sides.map((side) => side.key)).toEqual(['lund', 'berg']);
  });

  it('names an institution as the articles capitalise it', () => {
    const [side] = accountSides([
      quoted('the White house', 'white house'),
      quoted('the White House', 'white house'),
    ]);
    expect(side?.name).toBe('the White House');
  });
});
