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
import { compareAccounts } from './search/compare/compare-accounts.js';
import type { ComparisonAnswer } from './search/compare/comparison.js';
import type { RunScope } from './search/filters.js';
import { type ParsedQuery, parseQuery } from './search/parse-query.js';
import type { SearchIndex } from './search/search-index.js';
import { emptyTimeline, type TimelineAnswer } from './search/timeline/timeline-answer.js';
import { maxTimelineMatches, timelineSearchFor } from './search/timeline/timeline-search.js';

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
  /**
   * index_unavailable: the index is missing, damaged or replaced (an admin can fix it);
   * too_slow: the search ran past its time budget and was stopped (a narrower query will do);
   * busy: too many searches are waiting already; unexpected: a bug.
   */
  reason: 'index_unavailable' | 'too_slow' | 'busy' | 'unexpected';
  /** The query as typed. */
  text: string;
  detail: string;
}

export type ReadoutResult = ReadoutAnswer | ReadoutFailure;

export const defaultPageSize = 5;
export const maxPageSize = 20;
/**
 * The deepest page "More results" reaches: 100 pages of five. Ranking, arranging and reading a
 * page all grow with the offset, so a forged button's huge offset must not be searched for.
 */
export const maxOffset = 500;

/** Whole numbers in range; anything else (NaN, negative, a forged button's huge offset) is clamped. */
function page(options: ReadoutOptions): { offset: number; limit: number } {
  const offset = Math.min(maxOffset, Math.max(0, Math.trunc(options.offset ?? 0)) || 0);
  const limit = Math.min(
    maxPageSize,
    Math.max(1, Math.trunc(options.limit ?? defaultPageSize) || defaultPageSize),
  );
  return { offset, limit };
}

/**
 * Why a parsed query cannot be searched, as notes for the answer (none for help); undefined when
 * it has a word or a `who:` speaker to look for.
 */
function unsearchable(parsed: ParsedQuery): string[] | undefined {
  if (parsed.kind !== 'help' && (parsed.terms.length > 0 || parsed.filters.speakers.length > 0)) {
    return undefined;
  }
  if (parsed.kind === 'help') return [];
  const onlyNarrowing =
    parsed.excluded.length > 0 ||
    parsed.filters.sources.length > 0 ||
    parsed.filters.after !== undefined ||
    parsed.filters.before !== undefined;
  return [
    onlyNarrowing
      ? 'add at least one word to search for: exclusions and filters only narrow a search'
      : 'there is no word to search for in that',
  ];
}

/**
 * Answers a query as typed.
 *
 * @example readout('obama putin -trump source:tass', {}, { search }) // { kind: 'results', hits: [...] }
 */
export function readout(text: string, options: ReadoutOptions, services: ReadoutServices): ReadoutResult {
  const parsed = parseQuery(text);
  const { offset, limit } = page(options);
  const notes = unsearchable(parsed);
  if (notes) {
    return {
      kind: parsed.kind === 'help' ? 'help' : 'nothing_to_search',
      query: interpretedQuery(parsed, notes),
      hits: [],
      offset,
      limit,
    };
  }
  try {
    const answer = services.search.search(parsed, { offset, limit }, options.scope);
    // No "More results" past the deepest page.
    if (answer.nextOffset !== undefined && answer.nextOffset > maxOffset) delete answer.nextOffset;
    return answer;
  } catch (error) {
    return readoutFailure(parsed.text, error);
  }
}

/** What `/readout compare QUERY` gives: the accounts of the event compared, or why not. */
export type ComparisonResult = ComparisonAnswer | ReadoutFailure;

/**
 * Compares the accounts of the event a query is about (`/readout compare obama putin call`);
 * `offset` shows another of the events the query matches (0: the best). Like readout(), it
 * returns data and never throws.
 *
 * @example compare('obama putin phone call syria', {}, { search }).event?.accounts.map((a) => a.name) // ['the White House', 'the Kremlin']
 */
export function compare(
  text: string,
  options: { offset?: number },
  services: ReadoutServices,
): ComparisonResult {
  const parsed = parseQuery(text);
  if (parsed.kind === 'help' || (parsed.terms.length === 0 && parsed.filters.speakers.length === 0)) {
    const note = 'give the words of the event to compare, e.g. its participants and what it was';
    return { kind: 'nothing_to_compare', query: interpretedQuery(parsed, [note]), offset: 0, events: [] };
  }
  try {
    return compareAccounts(services.search, parsed, options.offset ?? 0);
  } catch (error) {
    return readoutFailure(parsed.text, error);
  }
}

/** Entries per page of a timeline. */
export const timelinePageSize = 8;

export type TimelineResult = TimelineAnswer | ReadoutFailure;

/**
 * The timeline of a query as typed: its matches oldest first, grouped by year or month, counted
 * per period and outlet (src/search/timeline). Like readout(), data only, and never throws.
 *
 * @example timeline('who:putin sanctions', {}, { search }) // { kind: 'timeline', periods: [...], entries: [...] }
 */
export function timeline(
  text: string,
  options: Pick<ReadoutOptions, 'offset' | 'limit'>,
  services: ReadoutServices,
): TimelineResult {
  const parsed = parseQuery(text);
  const limit = Math.min(
    maxPageSize,
    Math.max(1, Math.trunc(options.limit ?? timelinePageSize) || timelinePageSize),
  );
  const offset = Math.min(maxTimelineMatches, Math.max(0, Math.trunc(options.offset ?? 0)) || 0);
  const notes = unsearchable(parsed);
  if (notes) {
    const kind = parsed.kind === 'help' ? 'help' : 'nothing_to_search';
    return emptyTimeline(kind, interpretedQuery(parsed, notes), { offset, limit });
  }
  try {
    return timelineSearchFor(services.search).timeline(parsed, { offset, limit });
  } catch (error) {
    return readoutFailure(parsed.text, error);
  }
}

/** A search that threw, classified: an unusable index (the admin's to fix) or a bug. */
export function readoutFailure(text: string, error: unknown): ReadoutFailure {
  const unavailable =
    isReadoutError(error) &&
    [
      'index_unavailable',
      'database_missing',
      'database_corrupt',
      'database_outdated',
      'database_too_new',
      'database_unwritable',
    ].includes(error.code);
  return {
    kind: 'failed',
    reason: unavailable ? 'index_unavailable' : 'unexpected',
    text,
    detail: describeError(error),
  };
}

/** What a health check found: the index's totals and a real search for a word it holds. */
export type IndexHealth =
  | {
      searchable: true;
      articles: number;
      passages: number;
      lastReindexAt: string | null;
      /** The word searched for (from the newest passage) and whether it was found; null for an empty index. */
      probe: { word: string; found: true } | null;
    }
  | { searchable: false; problem: string };

/**
 * The one path as a service, for the Slack app and the console: `answer` runs `readout()` wherever
 * searching happens (in-process for the console, a pool of worker threads for the bot:
 * src/serving), `stats` reads the index totals the re-index recorded, and `health` runs a real
 * query against the index (for /healthz).
 */
export interface ReadoutService {
  answer(text: string, options: ReadoutOptions): Promise<ReadoutResult>;
  /** compare() wherever searching happens. */
  compare(text: string, options: { offset?: number }): Promise<ComparisonResult>;
  /** The timeline of a query (`/readout timeline …`), run where searches run. */
  timeline(text: string, options: Pick<ReadoutOptions, 'offset' | 'limit'>): Promise<TimelineResult>;
  stats(): IndexStats;
  /** Outlets whose name contains `text`, most articles first (the search form's outlet list). */
  outlets(text: string, limit: number): Promise<OutletCount[]>;
  /** The archive's article at a posted link, for its preview; undefined when not in the index. */
  articleAt(url: string): Promise<LinkedArticle | undefined>;
  health(): Promise<IndexHealth>;
}
