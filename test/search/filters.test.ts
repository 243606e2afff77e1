import { describe, expect, it } from 'vitest';
import { facetFilter, outletMatches, startFromSpeakers } from '../../src/search/filters.js';

const outlets = [
  { id: 1, source: 'ITAR-TASS', host: 'tass.com' },
  { id: 2, source: 'The Harbour Ledger', host: 'harbourledger.example' },
  { id: 3, source: '', host: 'www.reuters.com' },
  { id: 4, source: 'ТАСС', host: '' },
];

describe('outletMatches', () => {
  it.each([
    [outlets[0]!, ['tass'], true],
    [outlets[0]!, ['itar'], true],
    [outlets[1]!, ['harbourledger'], true],
    [outlets[2]!, ['reuters'], true],
    [outlets[3]!, ['тасс'], true],
    [outlets[1]!, ['tass'], false],
    [outlets[2]!, ['ledger', 'tass'], false],
  ])('matches %j with %j: %j', (outlet, sources, expected) => {
    expect(outletMatches(outlet, sources)).toBe(expected);
  });
});

describe('facetFilter', () => {
  it.each([
    [{ sources: ['tass'] }, { outlets: [1] }],
    [{ sources: ['тасс'] }, { outlets: [4] }],
    [{ sources: ['reuters'] }, { outlets: [3] }],
    [{ sources: ['harbour', 'tass'] }, { outlets: [1, 2] }],
    [{ sources: [], after: '2016-09-01' }, { fromDay: 20160901 }],
    [{ sources: [], before: '2017-01-01' }, { beforeDay: 20170101 }],
    [
      { sources: ['ledger'], after: '2016-01-01', before: '2017-01-01' },
      { outlets: [2], fromDay: 20160101, beforeDay: 20170101 },
    ],
    [{ sources: [] }, {}],
  ])('turns %j into facets %j (an outlet by name or URL host, any case or script)', (filters, expected) => {
    expect(facetFilter(filters, outlets)).toEqual(expected);
  });

  it('says nothing can pass when no outlet matches source:', () => {
    expect(facetFilter({ sources: ['nowhere'] }, outlets)).toBeUndefined();
  });
});

describe('startFromSpeakers', () => {
  it.each([
    ['a rarely quoted speaker, a word in ten thousand articles', 400, 10_000, true],
    ['a much quoted speaker, the same word', 4_300, 10_000, false],
    ['a politician quoted 24,000 times, a rare word', 24_000, 90, false],
    ['a close call keeps the probe', 1_000, 10_000, false],
    ['no quotation at all (the search answers before ranking)', 0, 5, true],
  ])('%s', (_case, quotations, matches, expected) => {
    expect(startFromSpeakers(quotations, matches)).toBe(expected);
  });
});
