import { describe, expect, it } from 'vitest';
import { keyTermsQuery, maxKeyTerms } from '../../src/search/key-terms.js';
import { parseQuery } from '../../src/search/parse-query.js';

describe('keyTermsQuery', () => {
  it.each([
    ['Who wrote about the lighthouse keeper at Saltmere?', 'lighthouse keeper Saltmere'],
    [
      'Vladimir Putin met Barack Obama in Hangzhou on Sunday. "Cessation of hostilities" was discussed.',
      '"Vladimir Putin" "Barack Obama" Hangzhou "Cessation of hostilities"',
    ],
    ['the ferry strike is over and they said it was a good thing', 'ferry strike'],
    ['Has anyone seen the “emergency agreement” text?', '"emergency agreement"'],
    ['Can we check the dockworkers strike at Quilhaven terminal?', 'dockworkers Quilhaven terminal'],
  ])('makes %j into %j', (message, query) => {
    expect(keyTermsQuery(message)).toBe(query);
  });

  it.each(['', 'ok', 'and so it is with them'])('finds nothing worth searching in %j', (message) => {
    expect(keyTermsQuery(message)).toBe('');
  });

  it(`keeps at most ${maxKeyTerms} terms, and no stop words`, () => {
    const query = keyTermsQuery(
      'Angela Merkel, Emmanuel Macron, Boris Johnson, Justin Trudeau and Shinzo Abe met in Biarritz with the leaders of the other nations.',
    );
    const parsed = parseQuery(query);
    expect(parsed.terms.length).toBeLessThanOrEqual(maxKeyTerms);
    for (const stop of ['the', 'and', 'in', 'with', 'of']) {
      expect(parsed.terms.flatMap((term) => term.words)).not.toContain(stop);
    }
  });
});
