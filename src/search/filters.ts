/**
 * The `source:`, `after:` and `before:` filters, applied to a candidate's attribution, the note
 * that explains an answer they emptied, and the run scope saved searches use.
 */
import { partialDateStart } from '../text/partial-date.js';
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
 * Whether an article written by run `indexedRun` is in scope.
 * `passesRunScope(5, { afterRun: 4 })` → true; `passesRunScope(4, { afterRun: 4 })` → false
 */
export function passesRunScope(indexedRun: number, scope: RunScope | undefined): boolean {
  if (!scope) return true;
  return indexedRun > scope.afterRun && (scope.throughRun === undefined || indexedRun <= scope.throughRun);
}

/** Whether a stored date ('2016-09-05', '2016-09', '2016', '--09-05') passes the date filters. */
export function passesDateFilters(published: string | null, filters: QueryFilters): boolean {
  if (!filters.after && !filters.before) return true;
  const start = partialDateStart(published);
  // Year unknown (or no date): a date filter cannot vouch for it.
  if (start === undefined) return false;
  if (filters.after && start < filters.after) return false;
  if (filters.before && start >= filters.before) return false;
  return true;
}

/** Whether an article's outlet (or its URL's host) matches every `source:` filter value. */
export function passesSourceFilters(source: string | null, url: string | null, sources: string[]): boolean {
  if (sources.length === 0) return true;
  const outlet = (source ?? '').toLowerCase();
  let host = '';
  try {
    host = url ? new URL(url).hostname.toLowerCase() : '';
  } catch {
    // not a URL: only the outlet name counts
  }
  return sources.some((wanted) => outlet.includes(wanted) || host.includes(wanted));
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
