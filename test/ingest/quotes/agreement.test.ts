import { describe, expect, it } from 'vitest';
import { agreesInNumber } from '../../../src/ingest/quotes/agreement.js';
import { compromiseKnowledge, rulesOnly } from '../../../src/ingest/quotes/name-knowledge.js';

const knowledge = compromiseKnowledge();

describe('agreesInNumber', () => {
  it.each([
    ['a plural noun before a singular verb', 'Critics', 'says', false],
    ['a lower-case plural before a singular verb', 'officials', 'calls', false],
    ['a plural noun before a past tense', 'Critics', 'said', true],
    ['a plural noun before a plural verb', 'Critics', 'say', true],
    ['a surname ending in s', 'Jones', 'says', true],
    ['a name the lexicon does not know', 'Voss', 'says', true],
    ['a subject of several words', 'the United States', 'says', true],
    ['no cue', 'Critics', null, true],
  ])('tells %s', (_name, subject, cue, expected) => {
    expect(agreesInNumber(subject, cue, knowledge)).toBe(expected);
  });

  it('gives the benefit of the doubt when it knows no words', () => {
    expect(agreesInNumber('Critics', 'says', rulesOnly)).toBe(true);
  });
});
