/**
 * Dates written in words, as newsrooms write them: 'September 5, 2016', '5 Sept 2016', 'Nov. 21',
 * 'Sept 2016', '21 ноября 2017'. Ingest reads a publication date from a byline or a dateline with
 * them; search reads the dates an article mentions (the day of an event, the year of a dateline
 * that gives none). Each date is read only as precisely as it is written.
 */
import { partialDateFromParts } from './partial-date.js';

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

/** A date written in running text, and where: [start, end) UTF-16 offsets. */
export interface WrittenDate {
  /** A partial date ('2016-04-16', '2016-04', '--04-16'). */
  date: string;
  start: number;
  end: number;
}

const allPatterns = [wordDayMonthYear, wordMonthDayYear, wordMonthYear].map(
  (pattern) => new RegExp(pattern.source, 'giu'),
);

/**
 * Every date written in words in `text`, in order; where two readings overlap ('April 2016' inside
 * '16 April 2016'), the longer one.
 *
 * @example writtenDates('Aleppo, April 16, 2016. Talks resume in May 2016.').map((d) => d.date) // ['2016-04-16', '2016-05']
 */
export function writtenDates(text: string): WrittenDate[] {
  const found: WrittenDate[] = [];
  for (const pattern of allPatterns) {
    for (const match of text.matchAll(pattern)) {
      const date = readWrittenDate(match[0]);
      if (date) found.push({ date, start: match.index, end: match.index + match[0].length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: WrittenDate[] = [];
  for (const date of found) {
    const last = kept.at(-1);
    if (last && date.start < last.end) continue;
    kept.push(date);
  }
  return kept;
}
