/**
 * A readout() result as a Slack message: the query as understood, each passage as a quote with the
 * matched words in bold, an attribution line under it, and (in the private preview) the Share,
 * More and Dismiss buttons.
 *
 * Pure: the same answer always renders the same message. All article and user text is escaped
 * (mrkdwn.ts) and every message keeps to Block Kit's limits (limits.ts), dropping passages or
 * shortening quotes rather than letting Slack reject the message.
 */
import type { types } from '@slack/bolt';
import type { ReadoutFailure, ReadoutResult } from '../../readout.js';
import {
  type Excerpt,
  type InterpretedQuery,
  missingLabel,
  partialMatchLine,
  type ReadoutAnswer,
  type SearchHit,
} from '../../search/answer.js';
import { displayPartialDate } from '../../text/partial-date.js';
import { encodeButtonState } from './button-state.js';
import { blockKitLimits, type SlackMessage } from './limits.js';
import {
  boldMarks,
  clipText,
  disguisedHost,
  escapeMrkdwn,
  link,
  mentionUser,
  quoteWithMarks,
} from './mrkdwn.js';
import { newsroomExamples, renderHelp, type UsageExamples } from './render-help.js';

export const actionIds = {
  share: 'readout_share',
  more: 'readout_more',
  dismiss: 'readout_dismiss',
  /** 👍 / 👎 on an answer (stored, counted on the App Home). */
  helpful: 'readout_helpful',
  unhelpful: 'readout_unhelpful',
} as const;

/** Where the answer will be seen, which decides its header, footer and buttons. */
export type Audience =
  /** The ephemeral preview for the person who asked, with buttons. */
  | { kind: 'private' }
  /** Posted in the channel after the asker pressed Share. */
  | { kind: 'shared'; sharedBy: string }
  /** A reply to a mention, in its thread; `threadQuery` when the query was the thread's first message. */
  | { kind: 'thread'; threadQuery?: boolean };

const maxQueryShown = 300;
const maxTitle = 300;
const maxName = 120;

/** What a reporter is told when a search could not run; the details go to the log only. */
export const failureNotices: Record<ReadoutFailure['reason'], string> = {
  index_unavailable: 'The archive index is unavailable right now. Please tell an admin.',
  too_slow: 'That search took too long; narrow it (fewer common words, a `source:` or a date).',
  busy: 'Readout is answering many searches right now. Please try again in a moment.',
  unexpected: 'Sorry, something went wrong while searching the archive. It has been logged.',
};

/** The message for a readout result as `audience` sees it; `examples` for the usage shown by help. */
export function renderAnswer(
  answer: ReadoutResult,
  audience: Audience,
  examples: UsageExamples = newsroomExamples,
): SlackMessage {
  if (answer.kind === 'failed') return renderNotice(failureNotices[answer.reason]);
  if (answer.kind === 'help') return renderHelp(audience.kind === 'thread' ? 'mention' : 'command', examples);
  if (answer.kind === 'nothing_to_search') return renderNothingToSearch(answer, audience, examples);
  if (answer.hits.length === 0) return renderNoResults(answer, audience);
  return renderResults(answer, audience);
}

/** “query” as typed, escaped and shortened for display. */
export function quotedQuery(text: string): string {
  return `“${escapeMrkdwn(clipText(text, maxQueryShown))}”`;
}

function mrkdwn(text: string): types.MrkdwnElement {
  // verbatim: Slack must not auto-link or auto-parse anything in archive or user text.
  return { type: 'mrkdwn', text: clipText(text, blockKitLimits.sectionText), verbatim: true };
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

function context(lines: string[]): types.ContextBlock {
  return { type: 'context', elements: [mrkdwn(lines.join('\n'))] };
}

function plainFallback(text: string): string {
  return clipText(text, blockKitLimits.fallbackText);
}

/** How the query was understood, one short line per thing worth saying. */
export function understoodLines(query: InterpretedQuery): string[] {
  const lines: string[] = [];
  for (const correction of query.corrections) {
    lines.push(
      `Showing results for “${escapeMrkdwn(correction.to)}” instead of “${escapeMrkdwn(correction.from)}”.`,
    );
  }
  for (const alias of query.aliases) {
    if (alias.alternatives.length === 0) continue;
    const names = alias.alternatives.map((name) => `“${escapeMrkdwn(name)}”`).join(', ');
    lines.push(`Also searched “${escapeMrkdwn(alias.term)}” as ${names}.`);
  }
  if (query.partial) lines.push(partialMatchLine(query.partial, escapeMrkdwn));
  const filters: string[] = [];
  if (query.filters.speakers.length > 0) {
    filters.push(`only quotations by ${query.filters.speakers.map(escapeMrkdwn).join(' or ')}`);
  }
  if (query.filters.sources.length > 0) {
    filters.push(`only from ${query.filters.sources.map(escapeMrkdwn).join(', ')}`);
  }
  if (query.filters.after)
    filters.push(`on or after ${displayPartialDate(query.filters.after) ?? query.filters.after}`);
  if (query.filters.before)
    filters.push(`before ${displayPartialDate(query.filters.before) ?? query.filters.before}`);
  if (query.excluded.length > 0) filters.push(`without ${query.excluded.map(escapeMrkdwn).join(', ')}`);
  if (filters.length > 0) lines.push(`Filters: ${filters.join('; ')}.`);
  for (const note of query.notes) lines.push(escapeMrkdwn(note));
  return lines;
}

/**
 * A passage as a block quote that fits in one section: if the rendered quote is too long, the
 * excerpt is cut at a word boundary (ending with '…') and re-rendered until it fits.
 */
export function renderQuote(excerpt: Excerpt, maxLength: number = blockKitLimits.sectionText): string {
  let rendered = quoteWithMarks(excerpt.text, excerpt.marks);
  let budget = excerpt.text.length;
  while (rendered.length > maxLength && budget > 1) {
    budget = Math.max(1, Math.min(budget - 1, Math.floor((budget * maxLength) / rendered.length) - 2));
    const clipped = clipText(excerpt.text, budget);
    const kept = clipped.endsWith('…') ? clipped.length - 1 : clipped.length;
    const marks = excerpt.marks
      .filter(([start]) => start < kept)
      .map(([start, end]): [number, number] => [start, Math.min(end, kept)]);
    rendered = quoteWithMarks(clipped, marks);
  }
  return rendered.length > maxLength ? rendered.slice(0, maxLength) : rendered;
}

/**
 * Headline (linked when the URL is a safe http(s) URL), outlet, date, author; then "also in". A
 * quotation's line starts with its speaker: "— Barack Obama, in _headline_ · outlet · date".
 */
export function attributionLine(hit: SearchHit): string {
  const { article } = hit;
  const title = clipText(article.title.trim() || 'Untitled', maxTitle);
  const linked = link(article.url, title);
  const isLinked = linked !== escapeMrkdwn(title);
  let headline = isLinked ? linked : boldMarks(title, title === article.title ? hit.titleMarks : []);
  // A URL that names another host before an `@` shows where it really leads.
  const host = isLinked ? disguisedHost(article.url) : undefined;
  if (host) headline = `${headline} (${escapeMrkdwn(host)})`;
  if (hit.quote?.speaker) {
    headline = `— ${escapeMrkdwn(clipText(hit.quote.speaker, maxName))}, in _${headline}_`;
  }
  const parts = [headline];
  if (article.source) parts.push(escapeMrkdwn(clipText(article.source, maxName)));
  const date = displayPartialDate(article.published);
  if (date) parts.push(date);
  if (article.author) parts.push(`by ${escapeMrkdwn(clipText(article.author, maxName))}`);
  let line = parts.join(' · ');
  if (hit.missing) line = `_${missingLabel(hit.missing, escapeMrkdwn)}_\n${line}`;
  if (hit.alsoIn.length > 0) {
    line += `\nalso in: ${hit.alsoIn.map((name) => escapeMrkdwn(clipText(name, maxName))).join(', ')}`;
  }
  return line;
}

function pageRange(answer: ReadoutAnswer, shown: number): string {
  const first = answer.offset + 1;
  const last = answer.offset + shown;
  return first === last ? `passage ${first}` : `passages ${first}–${last}`;
}

export function button(
  label: string,
  actionId: string,
  value: string,
  style?: 'primary' | 'danger',
): types.Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: clipText(label, blockKitLimits.buttonLabel), emoji: false },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

function previewButtons(answer: ReadoutAnswer, nextOffset: number | undefined, canShare: boolean) {
  const elements: types.Button[] = [];
  if (canShare) {
    elements.push(
      button(
        'Share in channel',
        actionIds.share,
        encodeButtonState({ q: answer.query.text, o: answer.offset }),
        'primary',
      ),
    );
  }
  if (nextOffset !== undefined) {
    elements.push(
      button('More results', actionIds.more, encodeButtonState({ q: answer.query.text, o: nextOffset })),
    );
  }
  if (canShare) {
    // Only answers with passages are rated: "no passages found" says what went wrong already.
    const state = encodeButtonState({ q: answer.query.text, o: answer.offset });
    elements.push(button('👍', actionIds.helpful, state), button('👎', actionIds.unhelpful, state));
  }
  elements.push(
    button('Dismiss', actionIds.dismiss, encodeButtonState({ q: answer.query.text, o: answer.offset })),
  );
  const block: types.ActionsBlock = { type: 'actions', block_id: 'readout_actions', elements };
  return block;
}

function renderResults(answer: ReadoutAnswer, audience: Audience): SlackMessage {
  const understood = understoodLines(answer.query);
  const fixedBlocks = 1 + (understood.length > 0 ? 1 : 0) + 1; // header, understood, buttons/footer
  const maxHits = Math.floor((blockKitLimits.blocks - fixedBlocks) / 2);
  const hits = answer.hits.slice(0, maxHits);
  // Passages dropped to fit the block limit are the next page's first ones.
  const nextOffset = hits.length < answer.hits.length ? answer.offset + hits.length : answer.nextOffset;

  const range = pageRange(answer, hits.length);
  const query = quotedQuery(answer.query.text);
  const header =
    audience.kind === 'thread' && audience.threadQuery
      ? `No query given, so I searched for the thread's first message: ${query}. Here are ${range}.`
      : `*Readout* · ${range} for ${query}`;

  const blocks: types.KnownBlock[] = [section(header)];
  if (understood.length > 0) blocks.push(context(understood));
  for (const hit of hits) {
    blocks.push(section(renderQuote(hit.excerpt)));
    blocks.push(context([attributionLine(hit)]));
  }
  if (audience.kind === 'private') {
    blocks.push(previewButtons(answer, nextOffset, true));
  } else if (audience.kind === 'shared') {
    blocks.push(context([`Shared by ${mentionUser(audience.sharedBy)} with /readout`]));
  } else if (nextOffset !== undefined) {
    blocks.push(
      context(['There are more passages: `/readout` with the same words pages through them privately.']),
    );
  }

  const sharedBy = audience.kind === 'shared' ? ` (shared by ${mentionUser(audience.sharedBy)})` : '';
  const first = hits[0]!;
  const text = plainFallback(
    `Readout${sharedBy}: ${range} for ${query}. First: “${escapeMrkdwn(clipText(first.excerpt.text, 200))}” (${escapeMrkdwn(clipText(first.article.title, 120))})`,
  );
  return { text, blocks };
}

/** What to try next when nothing was found, chosen from what the query contained. */
export function noResultsSuggestion(query: InterpretedQuery): string {
  if (query.filters.speakers.length > 0) {
    return 'Try the surname alone (`who:putin`), an institution (`who:"white house"`), or search without `who:`.';
  }
  const hasFilters =
    query.filters.sources.length > 0 ||
    query.filters.after !== undefined ||
    query.filters.before !== undefined;
  if (hasFilters) return 'Try again without `source:`, `after:` or `before:`, or widen the dates.';
  if (query.excluded.length > 0) return 'Try again without the `-excluded` words.';
  if (query.terms.length > 1) return 'Try fewer words, or check the spelling of names.';
  return 'Try another spelling, a related word, or an alternative name.';
}

function renderNoResults(answer: ReadoutAnswer, audience: Audience): SlackMessage {
  const query = quotedQuery(answer.query.text);
  const headline = answer.offset > 0 ? `No more passages for ${query}.` : `No passages found for ${query}.`;
  const lines = understoodLines(answer.query);
  if (answer.offset === 0) lines.push(noResultsSuggestion(answer.query));
  const blocks: types.KnownBlock[] = [section(headline), context(lines)];
  if (audience.kind === 'private') blocks.push(previewButtons(answer, undefined, false));
  return { text: plainFallback(`Readout: ${headline}`), blocks };
}

function renderNothingToSearch(
  answer: ReadoutAnswer,
  audience: Audience,
  examples: UsageExamples,
): SlackMessage {
  const headline = `Nothing to search for in ${quotedQuery(answer.query.text)}: give me some words to look for.`;
  const lines = understoodLines(answer.query);
  lines.push(`For example \`/readout ${examples.words}\`, or \`/readout help\` for every option.`);
  const blocks: types.KnownBlock[] = [section(headline), context(lines)];
  if (audience.kind === 'private') blocks.push(previewButtons(answer, undefined, false));
  return { text: plainFallback(`Readout: ${headline}`), blocks };
}

/** A short message for the asker (errors, limits, declines), as section + fallback text. */
export function renderNotice(mrkdwnText: string): SlackMessage {
  return { text: plainFallback(mrkdwnText), blocks: [section(mrkdwnText)] };
}
