import { describe, expect, it } from 'vitest';
import { wordRarity } from '../../../src/search/compare/word-rarity.js';

describe('wordRarity', () => {
  it('rates a name few articles of a large archive use near 1', () => {
    expect(wordRarity(2, 100_000, undefined)).toBeGreaterThan(0.9);
  });

  it('rates a word every article uses near 0', () => {
    expect(wordRarity(100_000, 100_000, undefined)).toBeLessThan(0.01);
  });

  it('lowers a common English word in a small archive', () => {
    expect(wordRarity(1, 5, 10)).toBeLessThan(wordRarity(1, 5, undefined) / 5);
  });

  it('assumes a middling rarity for a tiny archive', () => {
    expect(wordRarity(1, 1, undefined)).toBeGreaterThan(0.3);
  });

  it('stays within 0 and 1 for any count', () => {
    for (const used of [undefined, -5, 0, 3, 1e9]) {
      const value = wordRarity(used, 1000, undefined);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });
});
