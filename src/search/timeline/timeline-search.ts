/**
 * The plan behind `/readout timeline QUERY`: every passage matching the query (with the search's
 * aliases, word forms and `who:` speakers), one entry per article (the first passage of it that
 * matches: where the article first mentions it, so often its lead), placed in
 * time by the article's date (placed-date.ts), filtered, arranged oldest first and counted
 * (arrange-timeline.ts); then the page's entries get excerpts and attribution as search hits do.
 * No spelling corrections or partial matches: a timeline of guessed words would mislead. All SQL
 * is in src/index/timeline-reader.ts.
 */
import type { Candidate } from '../../index/reader.js';
import { TimelineReader } from '../../index/timeline-reader.js';
import { interpretedQuery } from '../answer.js';
import { filtersExcludedNote, hasFilters, passesDateFilters, passesSourceFilters } from '../filters.js';
import { buildMatch } from '../fts-query.js';
import { buildHits } from '../hits.js';
import type { ParsedQuery } from '../parse-query.js';
import type { Page, SearchIndex } from '../search-index.js';
import { arrangeTimeline } from './arrange-timeline.js';
import { type Placement, placeDate } from './placed-date.js';
import { emptyTimeline, type TimelineAnswer, type TimelineEntry } from './timeline-answer.js';

/** Most matching passages a timeline reads; past it, the counts say they cover only these. */
export const maxTimelineMatches = 20_000;
/** Most year-less articles whose text is read for their year; past it, the rest stay apart. */
export const maxYearLookups = 500;

const yearless = /^--\d{2}-\d{2}$/;

type Placed = Candidate & { placement: Placement };

export class TimelineSearch {
  constructor(
    private readonly search: SearchIndex,
    private readonly reader: TimelineReader,
  ) {}

  /** One page of the timeline of a parsed query (with at least one term or `who:` speaker). */
  timeline(parsed: ParsedQuery, page: Page): TimelineAnswer {
    const query = interpretedQuery(parsed);
    const { terms, excluded, speakers } = this.search.expandQuery(parsed);
    const empty = emptyTimeline('timeline', query, page);
    if (speakers?.size === 0) {
      query.notes.push(`the archive has no quotation by ${parsed.filters.speakers.join(' or ')}`);
      return empty;
    }
    const match =
      terms.length === 0 ? '' : buildMatch({ required: terms.map((t) => t.alternatives), excluded });
    const except =
      terms.length === 0 && excluded.length > 0 ? buildMatch({ required: excluded, any: true }) : undefined;
    const rows = this.reader.matching(
      { match, speakerKeys: speakers && [...speakers], except },
      maxTimelineMatches + 1,
    );
    const truncated = rows.length > maxTimelineMatches;
    if (truncated) rows.length = maxTimelineMatches;

    const { filters } = parsed;
    const firsts = firstPerArticle(
      rows.filter((row) => passesSourceFilters(row.source, row.url, filters.sources)),
    );
    const placed = this.place(firsts, query.notes).filter(
      (row) =>
        (!filters.after && !filters.before) ||
        (row.placement.kind === 'dated' && passesDateFilters(row.placement.date, filters)),
    );
    // The rows quote the `who:` speakers already: only outlets and dates can have left them out.
    const narrowing = { ...filters, speakers: [] };
    if (placed.length === 0 && rows.length > 0 && hasFilters(narrowing)) {
      query.notes.push(filtersExcludedNote(narrowing));
    }

    const arranged = arrangeTimeline(placed);
    const ordered: Array<{ row: Placed; period: string | null }> = [
      ...arranged.dated.map((entry) => ({ row: entry.item, period: entry.period })),
      ...arranged.apart.map((row) => ({ row, period: null })),
    ];
    const offset = Math.min(page.offset, ordered.length);
    const shown = ordered.slice(offset, offset + page.limit);
    const hits = buildHits(
      this.search.reader,
      shown.map((entry) => entry.row),
      match,
      offset + 1,
      undefined,
      speakers,
    );
    // Truncated counts cannot vouch for the first mention.
    const first = truncated ? undefined : arranged.first;
    const entries = hits.map((hit, index): TimelineEntry => {
      const { row, period } = shown[index]!;
      const { placement } = row;
      const date = placement.kind === 'undated' ? null : placement.date;
      return {
        hit,
        placement: placement.kind,
        date,
        yearFromArticle: placement.kind === 'dated' && placement.yearFromArticle,
        period,
        firstMention: first?.certain === true && placement.kind === 'dated' && date === first.date,
      };
    });
    return {
      ...empty,
      granularity: arranged.granularity,
      periods: arranged.periods,
      outlets: arranged.outlets,
      total: ordered.length,
      apart: arranged.apart.length,
      ...(first ? { first } : {}),
      ...(truncated ? { truncated: { read: maxTimelineMatches } } : {}),
      entries,
      offset,
      ...(offset > 0 ? { previousOffset: Math.max(0, offset - page.limit) } : {}),
      ...(offset + page.limit < ordered.length ? { nextOffset: offset + page.limit } : {}),
    };
  }

  /** Each row's place in time; year-less dates look for their year in the article's own text. */
  private place(rows: Candidate[], notes: string[]): Placed[] {
    const lookups = rows.filter((row) => row.published !== null && yearless.test(row.published));
    if (lookups.length > maxYearLookups) {
      notes.push(
        `${lookups.length} articles give a day without a year; only the first ${maxYearLookups} were read for it, the rest are listed apart`,
      );
    }
    const read = lookups.slice(0, maxYearLookups);
    const texts = read.length > 0 ? this.reader.articleTexts(read.map((row) => row.articleId)) : new Map();
    const readIds = new Set(read.map((row) => row.articleId));
    return rows.map((row) => ({
      ...row,
      placement: placeDate(
        row.published,
        readIds.has(row.articleId) ? { url: row.url, texts: texts.get(row.articleId) ?? [] } : undefined,
      ),
    }));
  }
}

/** The first matching passage of each article (passages are numbered in reading order). */
function firstPerArticle(rows: Candidate[]): Candidate[] {
  const first = new Map<number, Candidate>();
  for (const row of rows) {
    const kept = first.get(row.articleId);
    if (!kept || row.passageId < kept.passageId) first.set(row.articleId, row);
  }
  return [...first.values()];
}

const timelines = new WeakMap<SearchIndex, TimelineSearch>();

/** The timeline search over a SearchIndex's connection: one per index, its statements prepared once. */
export function timelineSearchFor(search: SearchIndex): TimelineSearch {
  let found = timelines.get(search);
  if (!found) {
    found = new TimelineSearch(search, new TimelineReader(search.reader.db));
    timelines.set(search, found);
  }
  return found;
}
