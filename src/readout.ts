/**
 * The one path from what a reporter typed to an answer: parse → search plan → data.
 *
 * `/readout`, `@Readout`, the buttons, the local console and the CLI all call `readout()`; they
 * differ only in where the text comes from and how the result is rendered (src/slack/ui,
 * src/terminal). It returns data, never Slack blocks, and never throws: a damaged index or a bug
 * comes back as a classified failure for the caller to log and render.
 */
import { describeError, isReadoutError } from './errors.js';
import type { IndexStats, OutletCount } from './index/reader.js';
import { interpretedQuery, type ReadoutAnswer } from './search/answer.js';
import type { LinkedArticle } from './search/article-links.js';
import type { RunScope } from './search/filters.js';
import { parseQuery } from './search/parse-query.js';
import type { SearchIndex } from './search/search-index.js';

export interface ReadoutServices {
  search: SearchIndex;
}

export interface ReadoutOptions {
  /** 0-based position in the ranked list where the page starts. */
  offset?: number;
  /** Results per page (1–20). */
  limit?: number;
  /** Only articles these re-index runs added or changed, exact matches only (saved searches). */
  scope?: RunScope;
}

/** A search that could not run. `detail` is for the log only, never shown to a reporter. */
export interface ReadoutFailure {
  kind: 'failed';
  /** index_unavailable: the index is missing, damaged or replaced (an admin can fix it); unexpected: a bug. */
  reason: 'index_unavailable' | 'unexpected';
  /** The query as typed. */
  text: string;
  detail: string;
}

export type ReadoutResult = ReadoutAnswer | ReadoutFailure;

export const defaultPageSize = 5;
export const maxPageSize = 20;

/** Whole numbers in range; anything else (NaN, negative, a forged button's huge offset) is clamped. */
function page(options: ReadoutOptions): { offset: number; limit: number } {
  const offset = Math.max(0, Math.trunc(options.offset ?? 0)) || 0;
  const limit = Math.min(
    maxPageSize,
    Math.max(1, Math.trunc(options.limit ?? defaultPageSize) || defaultPageSize),
  );
  return { offset, limit };
}

/**
 * Answers a query as typed.
 *
 * @example readout('obama putin -trump source:tass', {}, { search }) // { kind: 'results', hits: [...] }
 */
export function readout(text: string, options: ReadoutOptions, services: ReadoutServices): ReadoutResult {
  const parsed = parseQuery(text);
  const { offset, limit } = page(options);
  if (parsed.kind === 'help' || (parsed.terms.length === 0 && parsed.filters.speakers.length === 0)) {
    const onlyNarrowing =
      parsed.excluded.length > 0 ||
      parsed.filters.sources.length > 0 ||
      parsed.filters.after !== undefined ||
      parsed.filters.before !== undefined;
    const notes =
      parsed.kind === 'help'
        ? []
        : [
            onlyNarrowing
              ? 'add at least one word to search for: exclusions and filters only narrow a search'
              : 'there is no word to search for in that',
          ];
    return {
      kind: parsed.kind === 'help' ? 'help' : 'nothing_to_search',
      query: interpretedQuery(parsed, notes),
      hits: [],
      offset,
      limit,
    };
  }
  try {
    return services.search.search(parsed, { offset, limit }, options.scope);
  } catch (error) {
    const unavailable = isReadoutError(error) && error.code === 'index_unavailable';
    return {
      kind: 'failed',
      reason: unavailable ? 'index_unavailable' : 'unexpected',
      text: parsed.text,
      detail: describeError(error),
    };
  }
}

/**
 * The one path as a service, for the Slack app and the console: `answer` runs `readout()` wherever
 * searching happens (here in-process; a pool of worker threads can stand in without the callers
 * changing), and `stats` reads the index totals the re-index recorded.
 */
export interface ReadoutService {
  answer(text: string, options: ReadoutOptions): Promise<ReadoutResult>;
  stats(): IndexStats;
  /** Outlets whose name contains `text`, most articles first (the search form's outlet list). */
  outlets(text: string, limit: number): Promise<OutletCount[]>;
  /** The archive's article at a posted link, for its preview; undefined when not in the index. */
  articleAt(url: string): Promise<LinkedArticle | undefined>;
}

/** A ReadoutService that searches on the calling thread. */
export function inProcessReadout(search: SearchIndex): ReadoutService {
  return {
    answer: async (text, options) => readout(text, options, { search }),
    stats: () => search.stats(),
    outlets: async (text, limit) => search.outlets(text, limit),
    articleAt: async (url) => search.articleAt(url),
  };
}
