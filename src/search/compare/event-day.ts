/**
 * When an event happened and what it was, as far as its articles say: "a call on Monday, 18 Apr
 * 2016". Pure.
 *
 * The day: the weekday the articles name most ("on Monday", "Monday's call"), placed by the
 * articles' publication dates (the latest such weekday on or before the first publication), or,
 * when no article is dated, by the latest full date the articles mention (a photo caption's
 * "April 16, 2016"): the first such weekday on or after it, since the articles were written after
 * it. Without a weekday, only the publication dates are given. The basis is always said: a day
 * read from the articles' text is an inference, not a publication date.
 */
import { writtenDates } from '../../text/written-dates.js';

export interface EventDay {
  /** 'YYYY-MM-DD' when the day is known. */
  day?: string;
  /** The weekday the articles name ('Monday'). */
  weekday?: string;
  /** Where the day comes from: the articles' publication dates, the dates they mention, or nowhere. */
  basis: 'published' | 'mentioned' | 'unknown';
  /** The first and last publication dates (partial dates) of the articles, when any is known. */
  published?: { first: string; last: string };
}

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const dayMs = 86_400_000;

/** The weekday named most often in `texts` (capitalised, as in running text); undefined when none is. */
export function namedWeekday(texts: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const match of text.matchAll(/\b(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day\b/gu)) {
      counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  // Two weekdays named as often: which one the event was on cannot be told.
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0]![1] === ranked[1]![1])) return undefined;
  return ranked[0]![0];
}

function iso(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The date with `weekday` nearest `anchor` in `direction` (the anchor itself included). */
function weekdayFrom(anchor: string, weekday: string, direction: 1 | -1): string {
  const start = Date.parse(anchor);
  const target = weekdays.indexOf(weekday);
  for (let step = 0; step < 7; step++) {
    const time = start + direction * step * dayMs;
    if (new Date(time).getUTCDay() === target) return iso(time);
  }
  return anchor;
}

const fullDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The day of the event the articles tell of.
 *
 * @example eventDay([{ published: null, texts: ['…during a phone call early Monday…', 'Aleppo, Syria, April 16, 2016.'] }])
 *   // { day: '2016-04-18', weekday: 'Monday', basis: 'mentioned' }
 */
export function eventDay(
  articles: ReadonlyArray<{ published: string | null; texts: readonly string[] }>,
): EventDay {
  const texts = articles.flatMap((article) => article.texts);
  const weekday = namedWeekday(texts);
  const dates = articles
    .map((article) => article.published)
    .filter((date): date is string => !!date && /^\d{4}/.test(date))
    .sort();
  const published = dates.length > 0 ? { first: dates[0]!, last: dates.at(-1)! } : undefined;
  const firstDay = dates.find((date) => fullDay.test(date));
  if (firstDay) {
    return weekday
      ? { day: weekdayFrom(firstDay, weekday, -1), weekday, basis: 'published', published }
      : { basis: 'published', published };
  }
  if (published) return { basis: 'published', published, ...(weekday ? { weekday } : {}) };
  // Days without their year ('--11-21', a dateline's "November 21") are publication dates too.
  const yearless = articles
    .map((article) => article.published)
    .filter((date): date is string => !!date && /^--\d{2}-\d{2}$/.test(date))
    .sort();
  if (yearless.length > 0) {
    const range = { first: yearless[0]!, last: yearless.at(-1)! };
    return { basis: 'published', published: range, ...(weekday ? { weekday } : {}) };
  }
  const mentioned = texts
    .flatMap((text) => writtenDates(text).map((found) => found.date))
    .filter((date) => fullDay.test(date))
    .sort();
  const latest = mentioned.at(-1);
  if (weekday && latest) return { day: weekdayFrom(latest, weekday, 1), weekday, basis: 'mentioned' };
  return { basis: 'unknown', ...(weekday ? { weekday } : {}) };
}

/** What kinds of event the articles may tell of, and the words that name each. */
const eventKinds: ReadonlyArray<{ kind: string; words: RegExp }> = [
  { kind: 'call', words: /\b(?:phone|telephone|call|calls|called)\b/giu },
  { kind: 'meeting', words: /\b(?:meeting|meetings|met|talks)\b/giu },
  { kind: 'summit', words: /\bsummit\b/giu },
  { kind: 'visit', words: /\b(?:visit|visited|trip)\b/giu },
  { kind: 'speech', words: /\b(?:speech|address)\b/giu },
  { kind: 'press conference', words: /\b(?:press conference|news conference|briefing)\b/giu },
  { kind: 'interview', words: /\binterview\b/giu },
  { kind: 'vote', words: /\b(?:vote|voted|ballot|referendum)\b/giu },
  { kind: 'attack', words: /\b(?:attack|strike|airstrike|bombing|explosion)\b/giu },
];

/**
 * What the event was ('call', 'meeting', …): the kind whose words the articles' headlines and
 * leads use most, at least twice; undefined when none stands out.
 *
 * @example eventKind(['Obama and Putin spoke by phone', 'The call lasted an hour']) // 'call'
 */
export function eventKind(leads: readonly string[]): string | undefined {
  const counts = eventKinds.map(({ kind, words }) => ({
    kind,
    count: leads.reduce((sum, lead) => sum + (lead.match(words)?.length ?? 0), 0),
  }));
  counts.sort((a, b) => b.count - a.count);
  const [first, second] = counts;
  if (!first || first.count < 2 || (second && second.count === first.count)) return undefined;
  return first.kind;
}
