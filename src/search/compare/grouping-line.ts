/**
 * How a comparison's accounts were made, in one line every front end shows: "2 accounts of a
 * call on Monday, April 18, 2016 · by who issued the statements · dates unknown: grouped by
 * content, the day read from the articles". Pure; plain text (renderers escape it).
 */
import type { ComparedEvent, EventSummary } from './comparison.js';

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 'Monday, April 18, 2016' from '2016-04-18' and 'Monday'. */
function spelledDay(day: string, weekday: string | undefined): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${weekday ? `${weekday}, ` : ''}${months[month - 1]} ${date}, ${year}`;
}

/**
 * When the event was, as far as its articles say: 'on Monday, April 18, 2016', 'on a Monday',
 * or '' when nothing is known.
 *
 * @example eventWhen({ day: '2016-04-18', weekday: 'Monday', basis: 'mentioned' }) // 'on Monday, April 18, 2016'
 */
export function eventWhen(when: EventSummary['when']): string {
  if (when.day) return `on ${spelledDay(when.day, when.weekday)}`;
  const published = when.published;
  if (published && published.first === published.last) {
    const spelled = spelledDate(published.first);
    if (spelled) return `${when.weekday ? `on a ${when.weekday}, ` : ''}published ${spelled}`;
  }
  if (when.weekday) return `on a ${when.weekday}`;
  return '';
}

/** A partial date in words: 'April 18, 2016', 'April 2016', '2016', 'November 21'. */
function spelledDate(date: string): string | undefined {
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (full) return spelledDay(date, undefined);
  const month = /^(\d{4})-(\d{2})$/.exec(date);
  if (month) return `${months[Number(month[2]) - 1]} ${month[1]}`;
  if (/^\d{4}$/.test(date)) return date;
  const yearless = /^--(\d{2})-(\d{2})$/.exec(date);
  return yearless ? `${months[Number(yearless[1]) - 1]} ${Number(yearless[2])}` : undefined;
}

/** What the event was and when: 'a call on Monday, April 18, 2016', 'one event'. */
export function eventLabel(summary: EventSummary): string {
  const what = summary.kind ? `a ${summary.kind}` : 'one event';
  const when = eventWhen(summary.when);
  return when ? `${what} ${when}` : what;
}

const groupedByText: Record<ComparedEvent['groupedBy'], string> = {
  speaker: 'sides by who issued the statements',
  outlet: 'no two speakers to tell apart: one account per outlet',
  article: 'no two speakers or outlets to tell apart: one account per article',
};

/**
 * The grouping line of a compared event in two parts: what was compared ("2 accounts of a call
 * on Monday, April 18, 2016 (2 articles)") and how the accounts were made.
 *
 * @example groupingParts(event).how // 'sides by who issued the statements · dates unknown: grouped by content, the day read from the articles'
 */
export function groupingParts(event: ComparedEvent): { what: string; how: string } {
  const { summary } = event;
  const count = event.accounts.length === 1 ? '1 account' : `${event.accounts.length} accounts`;
  const articles = summary.articles === 1 ? '1 article' : `${summary.articles} articles`;
  const dates =
    event.groupedOn === 'content'
      ? summary.when.basis === 'mentioned'
        ? 'dates unknown: grouped by content, the day read from the articles'
        : 'dates unknown: grouped by content'
      : 'grouped by date and content';
  return {
    what: `${count} of ${eventLabel(summary)} (${articles})`,
    how: `${groupedByText[event.groupedBy]} · ${dates}`,
  };
}

/**
 * The grouping line of a compared event, in one line.
 *
 * @example groupingLine(event) // '2 accounts of a call on Monday, April 18, 2016 (2 articles) · sides by who issued the statements · dates unknown: grouped by content, the day read from the articles'
 */
export function groupingLine(event: ComparedEvent): string {
  const { what, how } = groupingParts(event);
  return `${what} · ${how}`;
}
