/**
 * Bad input: never a crash, never a hang, never a speaker made up. Work is bounded by input size
 * through the extractor's work counter, not by timing it.
 */
import { describe, expect, it } from 'vitest';
import { extractQuotations } from '../../../src/ingest/quotes/index.js';
import { workCounter } from '../../../src/ingest/quotes/tokens.js';

function workFor(paragraphs: string[]): number {
  const before = workCounter.units;
  extractQuotations(paragraphs);
  return workCounter.units - before;
}

const sentence = 'The council met on Tuesday and Ada Lund said "we will decide soon" to reporters. ';

describe('extractQuotations on bad input', () => {
  it.each([
    ['unbalanced marks', ['"We won, Lund said. And "then" they "left', '“No way”” he ”said “']],
    ['marks only', ['"""""', '“““”””', "''''''", '«»«»«']],
    ['apostrophes and inches', ["Don't — it's Lund's 6'2\" son with a 12\" pipe in the '90s."]],
    ['Russian', ['«Мы победили», — сказал Путин журналистам.', 'Песков заявил: „Это не так“.']],
    ['empty text', ['', '   ', '\n\n']],
    ['a cue with nothing before it', ['saying "Yes, we will."', 'said: "No."', ', adding "maybe."']],
  ])('survives %s with consistent offsets', (_name, paragraphs) => {
    for (const quote of extractQuotations(paragraphs)) {
      expect(paragraphs[quote.paragraph]!.slice(quote.start, quote.end)).toBe(quote.text);
      expect(quote.end).toBeGreaterThan(quote.start);
    }
  });

  it('finds the quotation in Russian but names no speaker it cannot read', () => {
    const quotes = extractQuotations(['«Мы победили», — сказал Путин журналистам.']);
    expect(quotes.map((quote) => quote.text)).toEqual(['Мы победили']);
    expect(quotes[0]!.speaker === null || quotes[0]!.speaker === 'Путин').toBe(true);
  });

  it('does work linear in the size of a 300,000-word paragraph', () => {
    const small = sentence.repeat(2_500); // about 37,500 words
    const large = sentence.repeat(20_000); // about 300,000 words
    const smallWork = workFor([small]);
    const largeWork = workFor([large]);
    expect(largeWork).toBeGreaterThan(smallWork);
    expect(largeWork).toBeLessThan(smallWork * 8 * 1.2);
    expect(largeWork).toBeLessThan(large.length);
  });

  it.each([
    ['straight double marks', '"'],
    ['curly openers', '“'],
    ['curly closers', '”'],
    ['straight single marks', "'"],
    ['alternating curly pairs', '“a” '],
    ['alternating straight pairs with words', '"a b" said Lund. '],
    ['quotations with pronouns and names', 'Mr. Ode Lund and Ms. Ana Berg met. "We agree," he said. '],
  ])('does work linear in the length of a run of %s', (_name, unit) => {
    const smallWork = workFor([unit.repeat(4_000)]);
    const largeWork = workFor([unit.repeat(32_000)]);
    expect(largeWork).toBeLessThanOrEqual(Math.max(smallWork, 1) * 8 * 1.2 + 10);
  });

  it('returns nothing at once for text with no quotation mark', () => {
    expect(workFor(['A long day at the council. '.repeat(10_000)])).toBe(0);
  });
});
