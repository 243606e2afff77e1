/**
 * Matches in date order, oldest first, grouped into periods and counted: the pure core of
 * `/readout timeline`. Entries without a year are kept apart at the end (day and month known
 * first, in calendar order, then those with no date), never slotted in by guess. Pure.
 */

import { chooseGranularity, type Granularity, periodLabel, periodOf } from './periods.js';
import type { Placement } from './placed-date.js';

/** What arranging needs of a match. */
export interface TimelineItem {
  articleId: number;
  fingerprint: string;
  source: string | null;
  placement: Placement;
}

/** A period and how many entries it holds. */
export interface PeriodCount {
  /** '2016' or '2016-04'. */
  period: string;
  label: string;
  entries: number;
}

/** An outlet and how many entries it has; `source` null for articles that name none. */
export interface OutletCount {
  source: string | null;
  entries: number;
}

export interface ArrangedTimeline<T extends TimelineItem> {
  granularity: Granularity;
  /** Dated entries oldest first, each with its period; then the rest, in `apart`. */
  dated: Array<{ item: T; date: string; period: string }>;
  apart: T[];
  periods: PeriodCount[];
  /** Most entries first. */
  outlets: OutletCount[];
  /**
   * The earliest date (the first mention) and whether it is certainly the first: not when a later
   * entry falls within its span ('2016' then '2016-03-02': either may be earlier).
   */
  first?: { date: string; certain: boolean };
}

const bySource = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');

/**
 * Orders and groups items; a syndicated passage (one fingerprint in several articles) is kept
 * once, at its earliest date.
 *
 * @example arrangeTimeline(items).dated.map((entry) => entry.date) // ['2014-03-18', '2016-04-18', '2017']
 */
export function arrangeTimeline<T extends TimelineItem>(items: readonly T[]): ArrangedTimeline<T> {
  const dated: Array<{ item: T; date: string }> = [];
  const yearless: Array<{ item: T; date: string }> = [];
  const undated: T[] = [];
  for (const item of items) {
    const { placement } = item;
    if (placement.kind === 'dated') dated.push({ item, date: placement.date });
    else if (placement.kind === 'year_unknown') yearless.push({ item, date: placement.date });
    else undated.push(item);
  }
  const byDate = (a: { item: T; date: string }, b: { item: T; date: string }) =>
    a.date.localeCompare(b.date) ||
    bySource(a.item.source, b.item.source) ||
    a.item.articleId - b.item.articleId;
  dated.sort(byDate);
  yearless.sort(byDate);
  undated.sort((a, b) => a.articleId - b.articleId);

  // Earliest copy of each syndicated passage: dated ones come first, so later ones are dropped.
  const seen = new Set<string>();
  const once = <E>(list: E[], itemOf: (entry: E) => T) =>
    list.filter((entry) => {
      const { fingerprint } = itemOf(entry);
      if (seen.has(fingerprint)) return false;
      seen.add(fingerprint);
      return true;
    });
  const keptDated = once(dated, (entry) => entry.item);
  const apart = [
    ...once(yearless, (entry) => entry.item).map((entry) => entry.item),
    ...once(undated, (item) => item),
  ];

  const granularity = chooseGranularity(keptDated.map((entry) => entry.date));
  const withPeriods = keptDated.map((entry) => ({ ...entry, period: periodOf(entry.date, granularity) }));
  return {
    granularity,
    dated: withPeriods,
    apart,
    periods: countPeriods(withPeriods, granularity),
    outlets: countOutlets([...keptDated.map((entry) => entry.item), ...apart]),
    first: firstMention(keptDated.map((entry) => entry.date)),
  };
}

function countPeriods(dated: ReadonlyArray<{ period: string }>, granularity: Granularity): PeriodCount[] {
  const counts: PeriodCount[] = [];
  for (const { period } of dated) {
    const last = counts.at(-1);
    if (last?.period === period) last.entries++;
    else counts.push({ period, label: periodLabel(period, granularity), entries: 1 });
  }
  return counts;
}

/** Entries per outlet, most first; spellings that differ in case are one outlet (the first seen). */
export function countOutlets(items: ReadonlyArray<{ source: string | null }>): OutletCount[] {
  const counts = new Map<string, OutletCount>();
  for (const { source } of items) {
    const name = source?.trim() || null;
    const key = name?.toLowerCase() ?? '';
    const count = counts.get(key);
    if (count) count.entries++;
    else counts.set(key, { source: name, entries: 1 });
  }
  // Outlet unknown last among equals.
  return [...counts.values()].sort(
    (a, b) =>
      b.entries - a.entries ||
      Number(a.source === null) - Number(b.source === null) ||
      bySource(a.source, b.source),
  );
}

/**
 * The earliest of dates in order, and whether it is certainly first.
 *
 * @example firstMention(['2016', '2016-03-02']) // { date: '2016', certain: false }
 */
export function firstMention(sortedDates: readonly string[]): { date: string; certain: boolean } | undefined {
  const [first] = sortedDates;
  if (first === undefined) return undefined;
  const certain = !sortedDates.some((date) => date !== first && date.startsWith(first));
  return { date: first, certain };
}
