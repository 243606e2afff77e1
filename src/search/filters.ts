/**
 * The `source:`, `after:` and `before:` filters as facets the index tests with the match (a
 * filtered search costs no more than the same words unfiltered), the run scope saved searches
 * use, and the note that explains an answer they emptied. (`who:` is a facet too; its speaker
 * keys come from search-index.ts.)
 */
import type { FacetFilter } from '../index/reader.js';
import { dayNumber, partialDateStart } from '../text/partial-date.js';
import type { QueryFilters } from './parse-query.js';

/**
 * Which re-index runs' articles a search may return (runs as numbered in meta 'reindex_run'):
 * saved searches look at the articles that runs after the last check added or changed.
 */
export interface RunScope {
  /** Only articles written by a run after this one. */
  afterRun: number;
  /** …and not after this one (the list an alert was made from, even after later runs). */
  throughRun?: number;
}

/**
 * Whether an article written by run `indexedRun` is in scope (the index tests the same with the
 * match; see src/index/facets.ts).
 * `passesRunScope(5, { afterRun: 4 })` → true; `passesRunScope(4, { afterRun: 4 })` → false
 */
export function passesRunScope(indexedRun: number, scope: RunScope | undefined): boolean {
  if (!scope) return true;
  return indexedRun > scope.afterRun && (scope.throughRun === undefined || indexedRun <= scope.throughRun);
}

/** An outlet as the index numbers it: the article's outlet name and its URL's host. */
export interface OutletFacet {
  id: number;
  source: string;
  host: string;
}

/** Whether an outlet's name (or its URL's host) contains any of the `source:` values (lowercase). */
export function outletMatches(outlet: { source: string; host: string }, sources: string[]): boolean {
  const name = outlet.source.toLowerCase();
  const host = outlet.host.toLowerCase();
  return sources.some((wanted) => name.includes(wanted) || host.includes(wanted));
}

/**
 * Listing the documents `who:` speakers are quoted in costs SQLite about ten times what probing
 * one match for them does (at a million passages, 4.5 µs a quotation against 0.45 µs a match):
 * the look-ups from a quotation to its document land all over the passages table.
 */
const quotationCostInProbes = 10;

/**
 * Whether a `who:` ranking should start from the speakers' quotations (FacetFilter.speakersFirst)
 * rather than probe every match of the words: `matches` estimates the words' matches (the
 * articles using the rarest), which undercounts them, so a close call keeps the probe.
 *
 * @example startFromSpeakers(400, 10_000) // true: a rarely quoted speaker and a common word
 */
export function startFromSpeakers(quotations: number, matches: number): boolean {
  return quotations * quotationCostInProbes < matches;
}

/**
 * The facets a query's filters ask for, against the index's outlets; `undefined` when nothing
 * can pass (no outlet matches the `source:` value), so there is nothing to search.
 *
 * @example facetFilter({ sources: ['tass'], after: '2016-01-01' }, outlets) // { outlets: [3, 17], fromDay: 20160101 }
 */
export function facetFilter(
  filters: Pick<QueryFilters, 'sources' | 'after' | 'before'>,
  outlets: readonly OutletFacet[],
): FacetFilter | undefined {
  const facets: FacetFilter = {};
  if (filters.sources.length > 0) {
    facets.outlets = outlets
      .filter((outlet) => outletMatches(outlet, filters.sources))
      .map((outlet) => outlet.id);
    if (facets.outlets.length === 0) return undefined;
  }
  if (filters.after) facets.fromDay = dayNumber(filters.after);
  if (filters.before) facets.beforeDay = dayNumber(filters.before);
  return facets;
}

export function hasFilters(filters: QueryFilters): boolean {
  return (
    filters.sources.length > 0 ||
    filters.speakers.length > 0 ||
    filters.after !== undefined ||
    filters.before !== undefined
  );
}

/** Why a search that matches found nothing: the filters left every passage out. */
export function filtersExcludedNote(filters: QueryFilters): string {
  const parts: string[] = [];
  if (filters.speakers.length > 0) parts.push(`quoting ${filters.speakers.join(' or ')}`);
  if (filters.sources.length > 0) parts.push(`from ${filters.sources.join(' or ')}`);
  if (filters.after || filters.before) {
    const range = [filters.after && `from ${filters.after}`, filters.before && `before ${filters.before}`]
      .filter(Boolean)
      .join(' and ');
    parts.push(`published ${range} (articles without a known year never pass a date filter)`);
  }
  return `passages match these words, but none ${parts.join(', and none ')}; try without the filter`;
}

/**
 * Whether a partial date passes `after:`/`before:` (a timeline, which reads every match unranked,
 * filters its rows with this; a search tests the same as a facet). A date without a year passes
 * no date filter.
 */
export function passesDateFilters(
  published: string | null,
  filters: Pick<QueryFilters, 'after' | 'before'>,
): boolean {
  if (!filters.after && !filters.before) return true;
  const start = partialDateStart(published);
  if (start === undefined) return false;
  if (filters.after && start < filters.after) return false;
  if (filters.before && start >= filters.before) return false;
  return true;
}

/** Whether an article's outlet name or URL host contains any of the `source:` values (lowercase). */
export function passesSourceFilters(source: string | null, url: string | null, sources: string[]): boolean {
  if (sources.length === 0) return true;
  let host = '';
  try {
    host = url ? new URL(url).hostname : '';
  } catch {
    // not a URL: only the outlet name counts
  }
  return outletMatches({ source: source ?? '', host }, sources);
}
