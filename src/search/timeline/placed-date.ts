/**
 * Where an article goes on a timeline: its stored publication date, exactly as precise as it is,
 * never a guess. A day without a year ('--11-21') is placed only when the article itself says the
 * year: its link carries that month (and day) with a year, or its text writes that day with a
 * year, or a day up to a week before it (a report of "Monday, April 18, 2016" published on the
 * 19th). When the article names no such year, or names two, the entry stays apart. Pure.
 */
import { isYear, partialDateFromParts } from '../../text/partial-date.js';
import { writtenDates } from '../../text/written-dates.js';

/** An article's place in time. */
export type Placement =
  /** `date` has a year ('2016', '2016-04', '2016-04-18'); `yearFromArticle` when the year was read from the article. */
  | { kind: 'dated'; date: string; yearFromArticle: boolean }
  /** Day and month known, year not ('--11-21'): listed apart. */
  | { kind: 'year_unknown'; date: string }
  /** No date, or one that is not a stored shape: listed apart. */
  | { kind: 'undated' };

/** What else the article says, for a date without a year. */
export interface ArticleEvidence {
  url: string | null;
  /** Headline and passages. */
  texts: readonly string[];
}

const dayMs = 86_400_000;
/** How long after a dated event an article may report it and still take its year. */
const reportingDays = 7;

/**
 * The placement of a stored date; `evidence` is read only for a date without a year.
 *
 * @example placeDate('--04-19', { url: null, texts: ['on Monday, April 18, 2016, …'] }) // { kind: 'dated', date: '2016-04-19', yearFromArticle: true }
 */
export function placeDate(published: string | null | undefined, evidence?: ArticleEvidence): Placement {
  if (!published) return { kind: 'undated' };
  if (/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(published) && isYear(Number(published.slice(0, 4)))) {
    return { kind: 'dated', date: published, yearFromArticle: false };
  }
  const monthDay = /^--(\d{2})-(\d{2})$/.exec(published);
  if (!monthDay) return { kind: 'undated' };
  const month = Number(monthDay[1]);
  const day = Number(monthDay[2]);
  const year = evidence ? yearFromArticle(month, day, evidence) : undefined;
  const date = year === undefined ? undefined : partialDateFromParts({ year, month, day });
  return date ? { kind: 'dated', date, yearFromArticle: true } : { kind: 'year_unknown', date: published };
}

/**
 * The one year the article gives for its month and day, or undefined when it gives none or
 * several.
 *
 * @example yearFromArticle(11, 21, { url: 'https://x.example/2017/11/21/story', texts: [] }) // 2017
 */
export function yearFromArticle(month: number, day: number, evidence: ArticleEvidence): number | undefined {
  const years = new Set<number>();
  for (const year of yearsFromUrl(evidence.url, month, day)) years.add(year);
  for (const text of evidence.texts) {
    for (const date of datesIn(text)) {
      const year = yearOfReport(date, month, day);
      if (year !== undefined) years.add(year);
    }
  }
  return years.size === 1 ? [...years][0] : undefined;
}

/** Years a link's path gives this month (and day): /2017/11/21/, /2017-11-21-, /2017/11/. */
function yearsFromUrl(url: string | null, month: number, day: number): number[] {
  if (!url) return [];
  const years: number[] = [];
  const pattern = /(?<![\d])((?:1[89]|20)\d{2})[/_-](\d{1,2})(?:[/_-](\d{1,2}))?(?![\d])/g;
  for (const match of url.matchAll(pattern)) {
    if (Number(match[2]) !== month) continue;
    if (match[3] !== undefined && Number(match[3]) !== day) continue;
    years.push(Number(match[1]));
  }
  return years;
}

/** Full dates written in the text, in words ('April 18, 2016') or as ISO dates ('2016-04-18'). */
function datesIn(text: string): string[] {
  const dates = writtenDates(text)
    .map((written) => written.date)
    .filter((date) => /^\d{4}-\d{2}-\d{2}$/.test(date));
  for (const match of text.matchAll(/(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g)) {
    const date = partialDateFromParts({
      year: Number(match[1]),
      month: Number(match[2]),
      day: Number(match[3]),
    });
    if (date) dates.push(date);
  }
  return dates;
}

/**
 * The year of publication a full date in the article implies: the same day, or an event up to a
 * week before publication (in the same year, or the year before for a January report of December).
 */
function yearOfReport(date: string, month: number, day: number): number | undefined {
  const event = Date.parse(`${date}T00:00:00Z`);
  const year = Number(date.slice(0, 4));
  for (const candidate of [year, year + 1]) {
    const published = Date.UTC(candidate, month - 1, day);
    // 29 February in a year without one rolls into March: not this day.
    if (new Date(published).getUTCDate() !== day) continue;
    const after = (published - event) / dayMs;
    if (after >= 0 && after <= reportingDays) return candidate;
  }
  return undefined;
}
