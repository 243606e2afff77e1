import { describe, expect, it } from 'vitest';
import { findNames, nameAround } from '../../../src/ingest/quotes/mentions.js';
import { compromiseKnowledge } from '../../../src/ingest/quotes/name-knowledge.js';
import { workCounter } from '../../../src/ingest/quotes/tokens.js';

const knowledge = compromiseKnowledge();

describe('findNames', () => {
  it.each([
    ['a title before the name', 'Harbour Minister Radu Voss spoke.', [['Radu Voss', 'person']]],
    ['a possessive s’ (the name keeps its s)', "Ouisa Davis' story was told.", [['Ouisa Davis', 'person']]],
    [
      'an outlet’s possessive before the name',
      'It was noted by NBC’s Dante Voss.',
      [['Dante Voss', 'person']],
    ],
    ['a role written as a title', 'Campaign Manager Radu Voss spoke.', [['Radu Voss', 'person']]],
    ['a participle opening the sentence', 'Injecting Voss into the race was a risk.', [['Voss', 'person']]],
    ['a law', 'The Harbour Protection Act passed.', []],
    ['a headline in title case', 'Voss Says Harbour Will Open Soon.', [['Voss', 'person']]],
    ['an island', 'They flew to Tern Atoll at dawn.', []],
    ['one word after "in" (a place)', 'A forum in Virginia heard Radu Voss.', [['Radu Voss', 'person']]],
    ['a full name after "in"', 'The trust placed in Radu Voss grew.', [['Radu Voss', 'person']]],
    ['an institution', 'The Harbour Authority said no.', [['Harbour Authority', 'institution']]],
  ])('reads %s', (_name, text, expected) => {
    expect(findNames(text, knowledge).map((mention) => [mention.name, mention.kind])).toEqual(expected);
  });

  it.each([
    ['a name before a noun and a role', 'Voss campaign director Tomas Berg spoke.', true],
    ['a name before a role', 'Voss spokesman Tomas Berg spoke.', true],
    ['a name before a verb and a role', 'Voss fired his director on Monday.', false],
    ['a name before a verb', 'Voss opened the port.', false],
  ])('tells whether %s modifies it', (_name, text, modifier) => {
    expect(findNames(text, knowledge).find((mention) => mention.name === 'Voss')?.modifier).toBe(modifier);
  });

  it('keeps a given name that is also a word after a title, and drops it otherwise', () => {
    const lower = { has: (word: string) => word === 'bill' };
    expect(findNames('Former President Bill Voss spoke.', knowledge, lower).map((m) => m.name)).toEqual([
      'Bill Voss',
    ]);
    expect(findNames('We saw Bill Voss.', knowledge, lower).map((m) => m.name)).toEqual(['Voss']);
  });
});

describe('nameAround', () => {
  it.each([
    ['Senator Radu Voss spoke.', 'Voss', 'Radu Voss'],
    ['Senator Radu Voss spoke.', 'Radu', 'Radu Voss'],
    ['Then Voss spoke.', 'Voss', 'Voss'],
    ['Nobody spoke.', 'spoke', null],
  ])('reads the name around a word of %j', (text, word, name) => {
    expect(nameAround(text, text.indexOf(word), knowledge)?.name ?? null).toBe(name);
  });

  it('does the same work in a run of a thousand capitalised words as in a run of eight thousand', () => {
    const work = (words: number) => {
      const text = `${'Word '.repeat(words)}Voss spoke.`;
      const before = workCounter.units;
      nameAround(text, text.indexOf('Voss'), knowledge);
      return workCounter.units - before;
    };
    expect(work(8000)).toBe(work(1000));
  });
});
