/**
 * The shape of a timeline: what `timeline()` (src/readout.ts) returns and every front end renders
 * (Slack blocks, the console, the CLI's text and JSON).
 */
import type { InterpretedQuery, SearchHit } from '../answer.js';
import type { OutletCount, PeriodCount } from './arrange-timeline.js';
import type { Granularity } from './periods.js';

/** One match on the timeline: the passage (or quotation) as a search hit, and its place in time. */
export interface TimelineEntry {
  hit: SearchHit;
  /**
   * dated: `date` has a year (read from the article when `yearFromArticle`); year_unknown: day
   * and month only ('--11-21'); undated: no date. The last two are listed apart.
   */
  placement: 'dated' | 'year_unknown' | 'undated';
  /** A partial date (src/text/partial-date.ts), null when undated. */
  date: string | null;
  yearFromArticle: boolean;
  /** The period it is counted in ('2016', '2016-04'); null when listed apart. */
  period: string | null;
  /** The earliest entry of the timeline, when certainly the earliest (several when they share the day). */
  firstMention: boolean;
}

export interface TimelineAnswer {
  /** help: the caller shows usage; nothing_to_search: no words and no `who:`. */
  kind: 'timeline' | 'help' | 'nothing_to_search';
  query: InterpretedQuery;
  granularity: Granularity;
  /** Every period of the whole timeline (not only this page), oldest first, with its count. */
  periods: PeriodCount[];
  /** Entries per outlet over the whole timeline, most first. */
  outlets: OutletCount[];
  /** Entries in all: dated ones and those listed apart. */
  total: number;
  /** Entries listed apart (no year, or no date). */
  apart: number;
  /** The first mention's date; `certain` false when a less precise date leaves it open. */
  first?: { date: string; certain: boolean };
  /** Set when more passages match than a timeline reads: the counts cover only those read. */
  truncated?: { read: number };
  /** This page: entries from `offset`, dated ones oldest first, then those listed apart. */
  entries: TimelineEntry[];
  offset: number;
  limit: number;
  /** Offsets of the pages before and after this one, when there are. */
  previousOffset?: number;
  nextOffset?: number;
}

/** A timeline with no entries (yet): what `kind` answers before, or without, reading the archive. */
export function emptyTimeline(
  kind: TimelineAnswer['kind'],
  query: InterpretedQuery,
  page: { offset: number; limit: number },
): TimelineAnswer {
  return {
    kind,
    query,
    granularity: 'year',
    periods: [],
    outlets: [],
    total: 0,
    apart: 0,
    entries: [],
    offset: page.offset,
    limit: page.limit,
  };
}
