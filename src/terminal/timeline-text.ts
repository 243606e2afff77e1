/**
 * A timeline as text for a terminal (the `npm run readout -- timeline …` CLI): a summary (span,
 * counts per period and per outlet, the first mention), then each period's heading and its
 * entries oldest first, each a date line, the quote and its attribution; the entries without a
 * year come last under "date unknown".
 */
import { periodLabel } from '../search/timeline/periods.js';
import type { TimelineAnswer, TimelineEntry } from '../search/timeline/timeline-answer.js';
import { displayPartialDate } from '../text/partial-date.js';
import { attributionLine, marked, queryLines, type TextStyle } from './answer-text.js';
import { wrapText, wrapWithGutter } from './wrap-text.js';

/** '18 Apr 2016 · first mention', '21 Nov · year unknown', 'date unknown'. */
export function entryDateText(entry: TimelineEntry): string {
  const shown = displayPartialDate(entry.date);
  if (entry.placement === 'undated' || !shown) return 'date unknown';
  if (entry.placement === 'year_unknown') return `${shown} · year unknown`;
  return [
    shown,
    entry.yearFromArticle && 'year from the article’s text',
    entry.firstMention && 'first mention',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The timeline's summary: how many, over which periods, per outlet, the first mention. */
export function timelineSummary(answer: TimelineAnswer): string[] {
  const lines = [
    `${answer.total} ${answer.total === 1 ? 'article' : 'articles'}` +
      (answer.apart > 0 ? `, ${answer.apart} of them without a known date (listed last)` : ''),
  ];
  if (answer.periods.length > 0) {
    lines.push(
      `by ${answer.granularity}: ${answer.periods.map((p) => `${p.label} (${p.entries})`).join(', ')}`,
    );
  }
  if (answer.outlets.length > 0) {
    lines.push(
      `by outlet: ${answer.outlets.map((o) => `${o.source ?? 'outlet unknown'} (${o.entries})`).join(', ')}`,
    );
  }
  if (answer.first) {
    const date = displayPartialDate(answer.first.date) ?? answer.first.date;
    lines.push(
      answer.first.certain
        ? `first mention: ${date}`
        : `earliest: ${date} (only that much of its date is known)`,
    );
  }
  if (answer.truncated) {
    lines.push(`note: more than ${answer.truncated.read} passages match; the timeline covers those only`);
  }
  return lines;
}

/** The timeline page as text, wrapped at `style.width` when it is set. */
export function renderTimelineText(answer: TimelineAnswer, style: TextStyle): string {
  const lines = queryLines(answer.query);
  if (answer.entries.length === 0) {
    lines.push(
      answer.total > 0
        ? `no more entries on the timeline of: ${answer.query.text}`
        : `no passages found for: ${answer.query.text}`,
    );
    return wrapText(lines.join('\n'), style.width);
  }
  lines.push(...timelineSummary(answer));
  let period: string | null | undefined;
  for (const [index, entry] of answer.entries.entries()) {
    if (index === 0 || entry.period !== period) {
      period = entry.period;
      lines.push('', `== ${period === null ? 'date unknown' : periodLabel(period, answer.granularity)} ==`);
    }
    const number = `${entry.hit.rank}. `;
    const gutter = ' '.repeat(number.length);
    const quote = marked(entry.hit.excerpt.text, entry.hit.excerpt.marks, style);
    const hit = { ...entry.hit, article: { ...entry.hit.article, published: null } };
    lines.push('', `${number}${entryDateText(entry)}`);
    lines.push(style.width ? wrapWithGutter(quote, style.width, gutter) : gutter + quote);
    lines.push(`${gutter}${attributionLine(hit)}`);
  }
  const paging = [
    answer.previousOffset !== undefined && `earlier: --offset ${answer.previousOffset}`,
    answer.nextOffset !== undefined && `later: --offset ${answer.nextOffset}`,
  ].filter(Boolean);
  if (paging.length > 0) lines.push('', paging.join(' · '));
  return wrapText(lines.join('\n'), style.width);
}
