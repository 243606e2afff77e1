import { describe, expect, it } from 'vitest';
import { facetFilter, outletMatches } from '../../src/search/filters.js';

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
