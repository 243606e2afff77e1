import { describe, expect, it } from 'vitest';
import {
  decodeButtonState,
  encodeButtonState,
  maxButtonValueLength,
} from '../../../src/slack/ui/button-state.js';

describe('encodeButtonState', () => {
  it.each([
    { q: 'obama putin', o: 0 },
    { q: '"peace talks" -trump source:tass', o: 5 },
    { q: 'ünïcödé «ёлка»', o: 10 },
    { q: 'ferry strike', o: 0, a: 4, t: 6 },
    { q: 'ferry strike', o: 0, a: 4 },
  ])('round-trips $q at $o', (state) => {
    expect(decodeButtonState(encodeButtonState(state))).toEqual(state);
  });

  it("keeps the value within Slack's limit even for a query of quotes", () => {
    const value = encodeButtonState({ q: '"'.repeat(1000), o: 5 });
    expect(value.length).toBeLessThanOrEqual(maxButtonValueLength);
    expect(decodeButtonState(value)?.o).toBe(5);
  });

  it('keeps a normal 1000-character query whole', () => {
    const q = 'word '.repeat(200);
    expect(decodeButtonState(encodeButtonState({ q, o: 0 }))?.q).toBe(q);
  });
});

describe('decodeButtonState', () => {
  it.each([
    [undefined],
    [''],
    ['not json'],
    ['[1,2]'],
    ['{"q":1,"o":0}'],
    ['{"q":"x","o":-1}'],
    ['{"q":"x","o":1.5}'],
    ['{"q":"x"}'],
    ['{"q":"x","o":0,"a":"4"}'],
    ['{"q":"x","o":0,"a":4,"t":-2}'],
    [`{"q":"${'x'.repeat(2100)}","o":0}`],
  ])('rejects %j', (value) => {
    expect(decodeButtonState(value)).toBeNull();
  });
});
