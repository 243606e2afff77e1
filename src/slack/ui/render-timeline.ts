/**
 * A timeline() result as a Slack message: how many entries over which years, counts per period
 * and per outlet, then the page's entries oldest first under their period's heading (each a quote
 * with its date, "first mention" on the earliest, and its attribution), the entries without a
 * year apart under "Date unknown", and Share / Earlier / Later / Dismiss buttons.
 *
 * Pure. Article text is escaped (mrkdwn.ts) and the message keeps to Block Kit's limits
 * (limits.ts): entries that do not fit are the next page's first ones.
 */
import type { types } from '@slack/bolt';
import type { TimelineResult } from '../../readout.js';
import type { OutletCount, PeriodCount } from '../../search/timeline/arrange-timeline.js';
import { periodLabel } from '../../search/timeline/periods.js';
import type { TimelineAnswer, TimelineEntry } from '../../search/timeline/timeline-answer.js';
import { displayPartialDate } from '../../text/partial-date.js';
import { encodeButtonState } from './button-state.js';
import { blockKitLimits, type SlackMessage } from './limits.js';
import { clipText, escapeMrkdwn, mentionUser } from './mrkdwn.js';
import {
  type Audience,
  actionIds,
  attributionLine,
  button,
  failureNotices,
  noResultsSuggestion,
  quotedQuery,
  renderNotice,
  renderQuote,
  understoodLines,
} from './render-answer.js';
import { newsroomExamples, type UsageExamples } from './render-help.js';

export const timelineActionIds = {
  share: 'readout_timeline_share',
  earlier: 'readout_timeline_earlier',
  later: 'readout_timeline_later',
} as const;

/** Periods and outlets named in the summary before "and N more". */
const maxPeriodsNamed = 24;
const maxOutletsNamed = 8;

function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text: clipText(text, blockKitLimits.sectionText), verbatim: true };
}

const section = (text: string): types.SectionBlock => ({ type: 'section', text: mrkdwn(text) });
const context = (lines: string[]): types.ContextBlock => ({
  type: 'context',
  elements: [mrkdwn(lines.join('\n'))],
});

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * The message for a timeline result; `examples` for the usage shown when there is nothing to put
 * on a timeline.
 */
export function renderTimeline(
  result: TimelineResult,
  examples: UsageExamples = newsroomExamples,
  /**
   * The person who asked (privately, with Share / Earlier / Later / Dismiss), the channel it was
   * shared in, or a mention's thread: seen by everyone, so no buttons that would page it for all.
   */
  audience: Audience = { kind: 'private' },
): SlackMessage {
  if (result.kind === 'failed') return renderNotice(failureNotices[result.reason]);
  if (result.kind !== 'timeline') return renderTimelineUsage(result, examples);
  if (result.entries.length === 0) return renderNoEntries(result, audience);
  return renderEntries(result, audience);
}

/** `/readout timeline` with nothing to put on it: how to ask. */
function renderTimelineUsage(answer: TimelineAnswer, examples: UsageExamples): SlackMessage {
  const lines = answer.kind === 'help' ? [] : understoodLines(answer.query);
  lines.push(
    `For example \`/readout ${examples.timeline}\`. ` +
      'A timeline takes words, "phrases", `-words`, `who:`, `source:`, `after:` and `before:` as a search does.',
  );
  const headline = 'Give me something to put on a timeline: words, or `who:` and a name.';
  return { text: `Readout: ${headline}`, blocks: [section(headline), context(lines)] };
}

function renderNoEntries(answer: TimelineAnswer, audience: Audience): SlackMessage {
  const query = quotedQuery(answer.query.text);
  const headline =
    answer.offset > 0 && answer.total > 0
      ? `No more entries on the timeline of ${query}.`
      : `No passages found for ${query}, so there is no timeline.`;
  const lines = understoodLines(answer.query);
  if (answer.total === 0) lines.push(noResultsSuggestion(answer.query));
  const blocks: types.KnownBlock[] = [section(headline), context(lines)];
  if (audience.kind === 'private') blocks.push(pageButtons(answer, undefined, false));
  return { text: clipText(`Readout: ${headline}`, blockKitLimits.fallbackText), blocks };
}

/** '2014 – 2017', or one period alone. */
function span(periods: PeriodCount[]): string {
  const first = periods[0];
  const last = periods.at(-1);
  if (!first || !last) return '';
  return first === last ? first.label : `${first.label} – ${last.label}`;
}

/** The whole timeline in a few lines: size and span, counts per period, per outlet, first mention. */
export function summaryLines(answer: TimelineAnswer): string[] {
  const lines: string[] = [];
  const dated = answer.total - answer.apart;
  const over = dated > 0 ? `, ${span(answer.periods)}` : '';
  const apart = answer.apart > 0 ? ` (${answer.apart} without a known date, listed last)` : '';
  lines.push(`${plural(answer.total, 'article')}${over}${apart}.`);
  if (answer.periods.length > 0) {
    const named = answer.periods.slice(0, maxPeriodsNamed).map((p) => `${p.label} (${p.entries})`);
    const more = answer.periods.length - named.length;
    lines.push(
      `By ${answer.granularity}: ${named.join(' · ')}${more > 0 ? ` · and ${plural(more, 'more period')}` : ''}`,
    );
  }
  lines.push(`By outlet: ${outletsLine(answer.outlets)}`);
  if (answer.first) {
    const date = displayPartialDate(answer.first.date) ?? answer.first.date;
    lines.push(
      answer.first.certain
        ? `First mention: ${date}.`
        : `Earliest: ${date} (only that much of its date is known, so a later-listed entry may be older).`,
    );
  }
  if (answer.truncated) {
    lines.push(
      `More than ${plural(answer.truncated.read, 'passage')} match: the timeline covers those only, so no first mention is marked. Narrow it with \`source:\`, \`after:\` or more words.`,
    );
  }
  return lines;
}

function outletsLine(outlets: OutletCount[]): string {
  const named = outlets
    .slice(0, maxOutletsNamed)
    .map(
      (o) => `${o.source === null ? 'outlet unknown' : escapeMrkdwn(clipText(o.source, 60))} (${o.entries})`,
    );
  const more = outlets.length - named.length;
  return `${named.join(' · ')}${more > 0 ? ` · and ${plural(more, 'more outlet')}` : ''}`;
}

/** The date line of an entry: '*18 Apr 2016* · first mention', '*21 Nov* · year unknown'. */
export function entryDateLine(entry: TimelineEntry): string {
  const shown = displayPartialDate(entry.date);
  if (entry.placement === 'undated' || !shown) return '_date unknown_';
  if (entry.placement === 'year_unknown') return `*${shown}* · _year unknown_`;
  const parts = [`*${shown}*`];
  if (entry.yearFromArticle) parts.push('_year from the article’s text_');
  if (entry.firstMention) parts.push('*first mention*');
  return parts.join(' · ');
}

/** The heading of a period, or of the entries listed apart. */
function heading(answer: TimelineAnswer, entry: TimelineEntry, continued: boolean): string {
  const more = continued ? ' (continued)' : '';
  if (entry.period === null) {
    return `*Date unknown*${more} · ${plural(answer.apart, 'article')} not placed on the timeline (no date, or no year)`;
  }
  const count = answer.periods.find((p) => p.period === entry.period)?.entries ?? 0;
  return `*${escapeMrkdwn(periodLabel(entry.period, answer.granularity))}*${more} · ${plural(count, 'article')}`;
}

function pageButtons(
  answer: TimelineAnswer,
  nextOffset: number | undefined,
  canShare: boolean,
): types.ActionsBlock {
  const q = answer.query.text;
  const elements: types.Button[] = [];
  if (canShare) {
    elements.push(
      button(
        'Share in channel',
        timelineActionIds.share,
        encodeButtonState({ q, o: answer.offset }),
        'primary',
      ),
    );
  }
  if (answer.previousOffset !== undefined) {
    elements.push(
      button('Earlier', timelineActionIds.earlier, encodeButtonState({ q, o: answer.previousOffset })),
    );
  }
  if (nextOffset !== undefined) {
    elements.push(button('Later', timelineActionIds.later, encodeButtonState({ q, o: nextOffset })));
  }
  elements.push(button('Dismiss', actionIds.dismiss, encodeButtonState({ q, o: answer.offset })));
  return { type: 'actions', block_id: 'readout_timeline_actions', elements };
}

function renderEntries(answer: TimelineAnswer, audience: Audience): SlackMessage {
  const query = quotedQuery(answer.query.text);
  const blocks: types.KnownBlock[] = [];
  const understood = understoodLines(answer.query);
  // Header, summary, buttons; each entry takes two blocks and maybe a heading.
  const budget = blockKitLimits.blocks - 3;
  let period: string | null | undefined;
  let shown = 0;
  const body: types.KnownBlock[] = [];
  for (const [index, entry] of answer.entries.entries()) {
    const opens = index === 0 || entry.period !== period;
    if (body.length + (opens ? 3 : 2) > budget) break;
    if (opens) {
      // The first heading of a page continues a period begun on the page before.
      const continued = index === 0 && answer.offset > 0 && continuesFromEarlierPage(answer, entry);
      body.push(section(heading(answer, entry, continued)));
      period = entry.period;
    }
    // The date leads the entry, so the attribution leaves it out.
    const hit = { ...entry.hit, article: { ...entry.hit.article, published: null } };
    body.push(section(renderQuote(entry.hit.excerpt)));
    body.push(context([`${entryDateLine(entry)} · ${attributionLine(hit)}`]));
    shown++;
  }
  const nextOffset = shown < answer.entries.length ? answer.offset + shown : answer.nextOffset;
  const first = answer.offset + 1;
  const last = answer.offset + shown;
  const range = first === last ? `entry ${first}` : `entries ${first}–${last}`;
  blocks.push(section(`*Readout timeline* · ${range} of ${answer.total} for ${query}, oldest first`));
  blocks.push(context([...summaryLines(answer), ...understood]));
  blocks.push(...body);
  if (audience.kind === 'private') blocks.push(pageButtons(answer, nextOffset, true));
  else if (audience.kind === 'shared') {
    blocks.push(context([`Shared by ${mentionUser(audience.sharedBy)} with /readout timeline`]));
  } else if (nextOffset !== undefined) {
    blocks.push(
      context([
        `There are more entries: \`/readout timeline ${escapeMrkdwn(clipText(answer.query.text, 200))}\` pages through them privately.`,
      ]),
    );
  }
  const firstDate = answer.first ? `; first mention ${displayPartialDate(answer.first.date)}` : '';
  const sharedBy = audience.kind === 'shared' ? ` (shared by ${mentionUser(audience.sharedBy)})` : '';
  const text = clipText(
    `Readout timeline${sharedBy} for ${query}: ${plural(answer.total, 'article')}${answer.periods.length > 0 ? `, ${span(answer.periods)}` : ''}${firstDate}.`,
    blockKitLimits.fallbackText,
  );
  return { text, blocks };
}

/** Whether the page's first entry shares its period with the entry before it (on an earlier page). */
function continuesFromEarlierPage(answer: TimelineAnswer, entry: TimelineEntry): boolean {
  if (entry.period === null) return answer.offset > answer.total - answer.apart;
  const before = answer.periods
    .slice(
      0,
      answer.periods.findIndex((p) => p.period === entry.period),
    )
    .reduce((sum, p) => sum + p.entries, 0);
  return answer.offset > before;
}
