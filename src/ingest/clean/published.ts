/**
 * Publication dates as Readout stores them: 'YYYY-MM-DD', 'YYYY-MM', 'YYYY', or '--MM-DD' when
 * the day is known but the year is not. A date is read only as precisely as it is written: no
 * day or year is ever filled in, and anything ambiguous or unparseable is dropped.
 */
import { isYear, partialDateFromParts } from '../../text/partial-date.js';
import { readWrittenDate } from '../../text/written-dates.js';

export { monthNumber, monthPattern, readWrittenDate } from '../../text/written-dates.js';

function readNumericDate(text: string): string | undefined {
  // ISO 8601 and its relatives: the date as written, whatever the time zone that follows.
  const iso = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?=$|[T\s])/.exec(text);
  if (iso) {
    return partialDateFromParts({
      year: Number(iso[1]),
      month: iso[2] === undefined ? undefined : Number(iso[2]),
      day: iso[3] === undefined ? undefined : Number(iso[3]),
    });
  }
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact)
    return partialDateFromParts({
      year: Number(compact[1]),
      month: Number(compact[2]),
      day: Number(compact[3]),
    });
  const noYear = /^--(\d{2})-(\d{2})$/.exec(text);
  if (noYear) return partialDateFromParts({ month: Number(noYear[1]), day: Number(noYear[2]) });
  // Day first when written with dots (European); with slashes only when the order is certain.
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?=$|\s)/.exec(text);
  if (dotted)
    return partialDateFromParts({
      day: Number(dotted[1]),
      month: Number(dotted[2]),
      year: Number(dotted[3]),
    });
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?=$|\s)/.exec(text);
  if (slashed) {
    const [first, second, year] = [Number(slashed[1]), Number(slashed[2]), Number(slashed[3])];
    if (first > 12 && second <= 12) return partialDateFromParts({ day: first, month: second, year });
    if (second > 12 && first <= 12) return partialDateFromParts({ month: first, day: second, year });
  }
  return undefined;
}

/**
 * Normalises a publication date from metadata (front matter, JSON, HTML meta tags) to Readout's
 * form, or `undefined` when it cannot be read without guessing.
 *
 * Strings: ISO dates and date-times ('2016-09-05T10:00:00Z' → '2016-09-05', the date as written),
 * 'YYYY-MM', 'YYYY', '--MM-DD', 'DD.MM.YYYY', unambiguous 'DD/MM/YYYY' or 'MM/DD/YYYY', and dates
 * in words. `Date` objects (gray-matter's) by their UTC date. Numbers: a year, or a Unix time in
 * seconds or milliseconds.
 *
 * @example normalizePublished('September 5, 2016') // '2016-09-05'
 */
export function normalizePublished(value: unknown): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    return partialDateFromParts({
      year: value.getUTCFullYear(),
      month: value.getUTCMonth() + 1,
      day: value.getUTCDate(),
    });
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    if (Number.isInteger(value) && isYear(value)) return String(value);
    // Unix time in milliseconds or seconds, from 1973 on (smaller numbers are ambiguous).
    if (value >= 1e11 && value < 1e14) return normalizePublished(new Date(value));
    if (value >= 1e8 && value < 1e11) return normalizePublished(new Date(value * 1000));
    return undefined;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  return readNumericDate(text) ?? readWrittenDate(text);
}
