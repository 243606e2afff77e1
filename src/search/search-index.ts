// PLACEHOLDER CONTRACT — the engine is being written; the signatures below are final.
import type { Db } from '../db/database';
import type { ReadoutAnswer, ReadoutOptions } from './answer';

export interface IndexStats {
  articles: number;
  passages: number;
  outlets: number;
  /** ISO timestamp of the last completed re-index, if any. */
  lastReindexAt: string | null;
}

export interface SearchIndexOptions {
  /** The editable alias list (db/aliases.txt); re-read when it changes. */
  aliasesFile?: string;
}

export class SearchIndex {
  constructor(
    readonly db: Db,
    readonly options: SearchIndexOptions = {},
  ) {}

  search(_text: string, _options: ReadoutOptions): ReadoutAnswer {
    throw new Error('SearchIndex.search: not written yet');
  }

  stats(): IndexStats {
    throw new Error('SearchIndex.stats: not written yet');
  }
}
