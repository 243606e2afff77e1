/** readout() for tests: a SearchIndex over a database, and answers that must not be failures. */
import type { Db } from '../../src/index/database.js';
import { IndexReader } from '../../src/index/reader.js';
import { type ReadoutOptions, type ReadoutResult, readout } from '../../src/readout.js';
import type { ReadoutAnswer } from '../../src/search/answer.js';
import { SearchIndex, type SearchIndexOptions } from '../../src/search/search-index.js';

/** The search service over an open database, as the bot builds it. */
export function searchIndexOn(db: Db, options: SearchIndexOptions = {}): SearchIndex {
  return new SearchIndex(new IndexReader(db), options);
}

/** The answer of a readout that must have run; a failure fails the test with its detail. */
export function answered(result: ReadoutResult): ReadoutAnswer {
  if (result.kind === 'failed') throw new Error(`readout failed (${result.reason}): ${result.detail}`);
  return result;
}

/** Runs readout() on `search` and returns its answer. */
export function ask(search: SearchIndex, text: string, options: ReadoutOptions = {}): ReadoutAnswer {
  return answered(readout(text, options, { search }));
}
