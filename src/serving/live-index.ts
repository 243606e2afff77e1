/**
 * The bot's view of the index file: opened read-only, and opened again when another file takes
 * its place. A restore (`mv backup.sqlite readout.sqlite`), or a delete and a fresh re-index,
 * leaves the open connection reading the old inode forever; each search first compares the
 * path's device and inode with the open file's (one stat call) and reopens on a change. A search
 * that finds the index damaged underneath (restored in place) drops the connection too, so the
 * next one starts afresh.
 */
import { describeError, isReadoutError } from '../errors.js';
import type { Db } from '../index/database.js';
import { type FileIdentity, fileIdentity, openIndexForReading, sameFile } from '../index/open-for-reading.js';
import { IndexReader, type IndexStats } from '../index/reader.js';
import {
  type ComparisonResult,
  compare,
  type IndexHealth,
  type ReadoutFailure,
  type ReadoutOptions,
  type ReadoutResult,
  type ReadoutService,
  readout,
  readoutFailure,
  type TimelineResult,
  timeline,
} from '../readout.js';
import { buildMatch } from '../search/fts-query.js';
import { SearchIndex, type SearchIndexOptions } from '../search/search-index.js';
import { surfaceWords } from '../text/words.js';

export interface LiveIndexOptions extends SearchIndexOptions {
  /** How long a query waits for a lock (WAL recovery) before failing, in ms. */
  busyTimeoutMs?: number;
}

interface Opened {
  db: Db;
  identity: FileIdentity;
  search: SearchIndex;
}

export class LiveIndex {
  private opened: Opened | undefined;

  constructor(
    readonly file: string,
    private readonly options: LiveIndexOptions = {},
  ) {}

  /**
   * The SearchIndex of the file at the path now, opened (again) if it is not the one open.
   * Throws a ReadoutError when there is no usable index there.
   */
  current(): SearchIndex {
    if (this.opened) {
      let now: FileIdentity;
      try {
        now = fileIdentity(this.file);
      } catch (error) {
        this.close();
        throw error;
      }
      if (sameFile(this.opened.identity, now)) return this.opened.search;
      this.close();
    }
    const { db, identity } = openIndexForReading(this.file, { busyTimeoutMs: this.options.busyTimeoutMs });
    const search = new SearchIndex(new IndexReader(db), this.options);
    this.opened = { db, identity, search };
    return search;
  }

  /** Runs the one readout path; an index that turns out damaged is reopened next time. */
  answer(text: string, options: ReadoutOptions): ReadoutResult {
    return this.run(text, (search) => readout(text, options, { search }));
  }

  /** Runs compare() the same way. */
  compare(text: string, options: { offset?: number }): ComparisonResult {
    return this.run(text, (search) => compare(text, options, { search }));
  }

  /** The timeline of a query, the same way. */
  timeline(text: string, options: Pick<ReadoutOptions, 'offset' | 'limit'>): TimelineResult {
    return this.run(text, (search) => timeline(text, options, { search }));
  }

  private run<T extends { kind: string }>(
    text: string,
    work: (search: SearchIndex) => T | ReadoutFailure,
  ): T | ReadoutFailure {
    let search: SearchIndex;
    try {
      search = this.current();
    } catch (error) {
      return readoutFailure(text, error);
    }
    const result = work(search);
    if (result.kind === 'failed' && (result as ReadoutFailure).reason === 'index_unavailable') this.close();
    return result;
  }

  stats(): IndexStats {
    return this.current().stats();
  }

  /**
   * A real query: the totals, then an FTS5 search for a word of the newest passage, which must be
   * found. Never throws; a problem comes back as `searchable: false` with words for the log.
   */
  health(): IndexHealth {
    try {
      const search = this.current();
      const stats = search.stats();
      const word = surfaceWords(search.reader.newestPassage() ?? '')[0];
      if (word === undefined) return { searchable: true, ...stats, probe: null };
      if (!search.reader.matches(buildMatch({ required: [[[word]]] }))) {
        return {
          searchable: false,
          problem: `a search for "${word}", a word of the newest passage, found nothing`,
        };
      }
      return { searchable: true, ...stats, probe: { word, found: true } };
    } catch (error) {
      // Whatever went wrong, the next check (or search) starts from a fresh connection.
      this.close();
      return { searchable: false, problem: isReadoutError(error) ? error.message : describeError(error) };
    }
  }

  close(): void {
    this.opened?.db.close();
    this.opened = undefined;
  }
}

/** A ReadoutService that searches on the calling thread (the console: one person, one search at a time). */
export function inProcessReadout(index: LiveIndex): ReadoutService {
  return {
    answer: async (text, options) => index.answer(text, options),
    compare: async (text, options) => index.compare(text, options),
    timeline: async (text, options) => index.timeline(text, options),
    stats: () => index.stats(),
    health: async () => index.health(),
    outlets: async (text, limit) => index.current().outlets(text, limit),
    articleAt: async (url) => index.current().articleAt(url),
  };
}
