/**
 * Partial dates: the one format in which the archive stores publication dates — 'YYYY-MM-DD',
 * 'YYYY-MM', 'YYYY', or '--MM-DD' when the day is known but the year is not. Ingest writes them,
 * search filters on them, and every front end shows them; each with exactly the precision it has,
 * never padded with invented parts.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** A plausible four-digit year of publication. */
export function isYear(year: number): boolean {
  return year >= 1000 && year <= 2999;
}

function daysInMonth(month: number, year?: number): number {
  // Without a year, 29 February is possible.
  return new Date(Date.UTC(year ?? 2000, month, 0)).getUTCDate();
}

/**
 * Formats a date from its parts, or `undefined` when the parts are not a real date.
 *
 * @example partialDateFromParts({ month: 11, day: 21 }) // '--11-21'
 */
export function partialDateFromParts(parts: {
  year?: number;
  month?: number;
  day?: number;
}): string | undefined {
  const { year, month, day } = parts;
  if (year !== undefined && !isYear(year)) return undefined;
  if (month === undefined) return day === undefined && year !== undefined ? String(year) : undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (day === undefined) return year === undefined ? undefined : `${year}-${pad(month)}`;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(month, year)) return undefined;
  return year === undefined ? `--${pad(month)}-${pad(day)}` : `${year}-${pad(month)}-${pad(day)}`;
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthName(month: string): string | undefined {
  return monthNames[Number(month) - 1];
}

/**
 * A stored publication date for display, or null when it is absent or not one of the stored
 * shapes.
 *
 * @example displayPartialDate('--11-21') // '21 Nov'
 */
export function displayPartialDate(published: string | null | undefined): string | null {
  if (!published) return null;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published);
  if (match) {
    const month = monthName(match[2]!);
    return month ? `${Number(match[3])} ${month} ${match[1]}` : null;
  }
  match = /^(\d{4})-(\d{2})$/.exec(published);
  if (match) {
    const month = monthName(match[2]!);
    return month ? `${month} ${match[1]}` : null;
  }
  if (/^\d{4}$/.test(published)) return published;
  match = /^--(\d{2})-(\d{2})$/.exec(published);
  if (match) {
    const month = monthName(match[1]!);
    return month ? `${Number(match[2])} ${month}` : null;
  }
  return null;
}

/** An ISO timestamp as '21 Nov 2025, 15:02 UTC'; the raw text when it does not parse. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = displayPartialDate(date.toISOString().slice(0, 10)) ?? iso;
  return `${day}, ${date.toISOString().slice(11, 16)} UTC`;
}

/**
 * The first day a stored date covers ('2016' → '2016-01-01', '2016-09' → '2016-09-01'), for date
 * filters; undefined when the year is unknown ('--09-05') or there is no date: a filter cannot
 * vouch for such an article.
 */
export function partialDateStart(published: string | null | undefined): string | undefined {
  if (!published || !/^\d{4}/.test(published)) return undefined;
  if (published.length === 4) return `${published}-01-01`;
  return published.length === 7 ? `${published}-01` : published;
}
