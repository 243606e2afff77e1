/**
 * Publication dates as Readout stores them: 'YYYY-MM-DD', 'YYYY-MM', 'YYYY', or '--MM-DD' when
 * the day is known but the year is not. A date is read only as precisely as it is written: no
 * day or year is ever filled in, and anything ambiguous or unparseable is dropped.
 */
import { isYear, partialDateFromParts } from '../../text/partial-date.js';

/** Month names and abbreviations (English, and Russian in the genitive) → month number. */
const monthNumbers: ReadonlyMap<string, number> = new Map(
  [
    ['january', 'jan', 'января', 'январь'],
    ['february', 'feb', 'февраля', 'февраль'],
    ['march', 'mar', 'марта', 'март'],
    ['april', 'apr', 'апреля', 'апрель'],
    ['may', 'мая', 'май'],
    ['june', 'jun', 'июня', 'июнь'],
    ['july', 'jul', 'июля', 'июль'],
    ['august', 'aug', 'августа', 'август'],
    ['september', 'sep', 'sept', 'сентября', 'сентябрь'],
    ['october', 'oct', 'октября', 'октябрь'],
    ['november', 'nov', 'ноября', 'ноябрь'],
    ['december', 'dec', 'декабря', 'декабрь'],
  ].flatMap((names, index) => names.map((name): [string, number] => [name, index + 1])),
);

/** A regular-expression alternation matching any month name (longest first). */
export const monthPattern = [...monthNumbers.keys()].sort((a, b) => b.length - a.length).join('|');

/** The month number of a month name or abbreviation ('Sept.', 'November', 'ноября'), if it is one. */
export function monthNumber(name: string): number | undefined {
  return monthNumbers.get(name.toLowerCase().replace(/\.$/, ''));
}

const wordDayMonthYear = new RegExp(
  `(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${monthPattern})\\.?,?(?:\\s+(\\d{4}))?(?!\\p{L})`,
  'iu',
);
const wordMonthDayYear = new RegExp(
  `(?<!\\p{L})(${monthPattern})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(\\d{4}))?(?![\\p{L}\\d:])`,
  'iu',
);
const wordMonthYear = new RegExp(`(?<!\\p{L})(${monthPattern})\\.?,?\\s+(\\d{4})(?!\\d)`, 'iu');

/**
 * Reads a date written in words: 'September 5, 2016', '5 Sept 2016', 'Mon, 05 Sep 2016 10:00 GMT',
 * 'Sept 2016', 'Nov. 21' (→ '--11-21'), '21 ноября 2017'.
 */
export function readWrittenDate(text: string): string | undefined {
  const dayFirst = wordDayMonthYear.exec(text);
  if (dayFirst) {
    return partialDateFromParts({
      day: Number(dayFirst[1]),
      month: monthNumber(dayFirst[2]!),
      year: dayFirst[3] === undefined ? undefined : Number(dayFirst[3]),
    });
  }
  const monthFirst = wordMonthDayYear.exec(text);
  if (monthFirst) {
    return partialDateFromParts({
      month: monthNumber(monthFirst[1]!),
      day: Number(monthFirst[2]),
      year: monthFirst[3] === undefined ? undefined : Number(monthFirst[3]),
    });
  }
  const monthOnly = wordMonthYear.exec(text);
  if (monthOnly)
    return partialDateFromParts({ month: monthNumber(monthOnly[1]!), year: Number(monthOnly[2]) });
  return undefined;
}

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
