/**
 * A timeline's periods: years, or months when the dated entries span two years or less. A date
 * less precise than the period (a year alone on a timeline of months) gets a period of its own,
 * before the months of its year, rather than a month it may not belong to. Pure.
 */
import { displayPartialDate } from '../../text/partial-date.js';

export type Granularity = 'year' | 'month';

/** Longest span, in months from the first to the last, that is shown month by month. */
export const maxMonthsByMonth = 24;

/**
 * Years or months for these dates (each with a year: '2016', '2016-04', '2016-04-18').
 *
 * @example chooseGranularity(['2015-03-01', '2016-01']) // 'month'
 */
export function chooseGranularity(dates: readonly string[]): Granularity {
  if (dates.length === 0) return 'year';
  const months = dates.map((date) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7) || 1) - 1);
  const span = Math.max(...months) - Math.min(...months);
  return span < maxMonthsByMonth ? 'month' : 'year';
}

/**
 * The period a date belongs to: its year, or its year and month ('2016-04'); a year alone stays
 * a year on a timeline of months.
 *
 * @example periodOf('2016-04-18', 'month') // '2016-04'
 */
export function periodOf(date: string, granularity: Granularity): string {
  return granularity === 'year' ? date.slice(0, 4) : date.slice(0, 7);
}

/**
 * A period's name: '2016', 'Apr 2016', or '2016 (month unknown)' for a year on a timeline of months.
 *
 * @example periodLabel('2016', 'month') // '2016 (month unknown)'
 */
export function periodLabel(period: string, granularity: Granularity): string {
  if (period.length === 4) return granularity === 'month' ? `${period} (month unknown)` : period;
  return displayPartialDate(period) ?? period;
}
