/**
 * A compare() result as a Slack message: how the accounts were grouped, what each side mentions
 * that the others do not (side by side, in a section's columns), then each side's key sentences
 * (quotations first) attributed as search results are, and buttons for the other events the
 * query matches.
 *
 * Pure, escaped (mrkdwn.ts) and within Block Kit's limits (limits.ts) like render-answer.ts:
 * statements are dropped from the end, never the message.
 */
import type { types } from '@slack/bolt';
import type { ComparisonResult } from '../../readout.js';
import type {
  Account,
  ComparedEvent,
  ComparisonAnswer,
  EventSummary,
} from '../../search/compare/comparison.js';
import { groupingLine, groupingParts } from '../../search/compare/grouping-line.js';
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

export const compareActionIds = {
  /** Shows another event the query matches (the button's state: the query and the event's index). */
  event: 'readout_compare_event',
  /** Posts the comparison in the channel (the button's state: the query and the event shown). */
  share: 'readout_compare_share',
} as const;

/** Other events offered as buttons. */
const maxOtherEvents = 4;
const maxMentions = 5;

function mrkdwn(text: string, limit: number = blockKitLimits.sectionText): types.MrkdwnElement {
  return { type: 'mrkdwn', text: clipText(text, limit), verbatim: true };
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

function context(lines: string[]): types.ContextBlock {
  return { type: 'context', elements: [mrkdwn(lines.join('\n'), blockKitLimits.contextText)] };
}

const divider: types.DividerBlock = { type: 'divider' };

/** The message for a comparison as `audience` sees it. */
export function renderComparison(
  result: ComparisonResult,
  audience: Audience = { kind: 'private' },
  examples: UsageExamples = newsroomExamples,
): SlackMessage {
  if (result.kind === 'failed') return renderNotice(failureNotices[result.reason]);
  const query = quotedQuery(result.query.text);
  if (result.kind === 'nothing_to_compare') {
    return renderNotice(
      `Nothing to compare in ${query}: give the words of an event, e.g. \`/readout compare ${escapeMrkdwn(examples.compare)}\`.`,
    );
  }
  if (!result.event) {
    const lines = [...understoodLines(result.query), noResultsSuggestion(result.query)];
    const headline = `No event found for ${query}.`;
    return {
      text: clipText(`Readout: ${headline}`, blockKitLimits.fallbackText),
      blocks: [section(headline), context(lines)],
    };
  }
  return renderEvent(result, result.event, audience);
}

/** Each side's mentions the others lack, side by side: one column (section field) per account. */
function mentionsBlock(accounts: readonly Account[]): types.SectionBlock {
  const fields = accounts.slice(0, blockKitLimits.sectionFields).map((account) => {
    const items = account.mentionsOnly.slice(0, maxMentions).map((phrase) => `• ${escapeMrkdwn(phrase)}`);
    const body = items.length > 0 ? items.join('\n') : '_nothing the others do not_';
    return mrkdwn(
      `*Only ${escapeMrkdwn(clipText(account.name, 120))} mentions*\n${body}`,
      blockKitLimits.fieldText,
    );
  });
  return { type: 'section', fields };
}

function accountBlocks(account: Account): types.KnownBlock[] {
  const quoted =
    account.quotations > 0
      ? ` · ${account.quotations} ${account.quotations === 1 ? 'quotation' : 'quotations'}`
      : '';
  const blocks: types.KnownBlock[] = [
    divider,
    section(`*${escapeMrkdwn(clipText(account.name, 200))}*${quoted}`),
  ];
  for (const statement of account.statements) {
    blocks.push(section(renderQuote(statement.excerpt)), context([attributionLine(statement)]));
  }
  if (account.statements.length === 0)
    blocks.push(context(['_No sentence of this side matched the query._']));
  return blocks;
}

function otherEvents(answer: ComparisonAnswer): EventSummary[] {
  return answer.events.filter((event) => event.index !== answer.offset).slice(0, maxOtherEvents);
}

function otherEventLabel(event: EventSummary): string {
  const articles = event.articles === 1 ? '1 article' : `${event.articles} articles`;
  return `${clipText(event.title, 50)} (${articles})`;
}

function renderEvent(answer: ComparisonAnswer, event: ComparedEvent, audience: Audience): SlackMessage {
  const query = quotedQuery(answer.query.text);
  const { what, how } = groupingParts(event);
  const header = section(`*Readout* · compare ${query}: *${escapeMrkdwn(what)}*`);
  const head: types.KnownBlock[] = [
    header,
    context([`${escapeMrkdwn(how)}.`, ...understoodLines(answer.query)]),
  ];
  if (event.accounts.length >= 2) head.push(mentionsBlock(event.accounts));

  const tail: types.KnownBlock[] = [divider];
  const footer: string[] = [];
  if (event.alsoQuoted.length > 0) {
    footer.push(
      `Also quoted: ${event.alsoQuoted
        .slice(0, 8)
        .map((name) => escapeMrkdwn(clipText(name, 120)))
        .join(', ')}`,
    );
  }
  const others = otherEvents(answer);
  if (others.length > 0 && audience.kind !== 'private') {
    footer.push(
      `The words also match: ${others.map((other) => `_${escapeMrkdwn(otherEventLabel(other))}_`).join('; ')}. \`/readout compare\` shows them privately.`,
    );
  } else if (others.length > 0) {
    footer.push(
      `The words also match ${others.length === 1 ? 'another event' : `${others.length} other events`}:`,
    );
  }
  if (footer.length > 0) tail.push(context(footer));
  if (audience.kind === 'shared')
    tail.push(context([`Shared by ${mentionUser(audience.sharedBy)} with /readout compare`]));
  if (audience.kind === 'private') {
    const shown = encodeButtonState({ q: answer.query.text, o: answer.offset });
    const share = button('Share in channel', compareActionIds.share, shown, 'primary');
    const elements = others.map((other) =>
      button(
        otherEventLabel(other),
        compareActionIds.event,
        encodeButtonState({ q: answer.query.text, o: other.index }),
      ),
    );
    elements.unshift(share);
    elements.push(button('Dismiss', actionIds.dismiss, shown));
    tail.push({ type: 'actions', block_id: 'readout_compare_actions', elements });
  }

  // Statements are dropped from the last account backwards until the message fits.
  const accounts = event.accounts.map((account) => ({ ...account, statements: [...account.statements] }));
  const size = () =>
    head.length + tail.length + accounts.reduce((sum, a) => sum + accountBlocks(a).length, 0);
  while (size() > blockKitLimits.blocks) {
    const longest = accounts.reduce((best, a) => (a.statements.length > best.statements.length ? a : best));
    if (longest.statements.length === 0) break;
    longest.statements.pop();
  }
  const blocks = [...head, ...accounts.flatMap(accountBlocks), ...tail];

  const first = event.accounts.map((account) => {
    const statement = account.statements[0];
    return statement ? `${account.name}: “${clipText(statement.excerpt.text, 160)}”` : account.name;
  });
  const text = clipText(
    escapeMrkdwn(
      `Readout: compare “${clipText(answer.query.text, 200)}”: ${groupingLine(event)}. ${first.join(' ')}`,
    ),
    blockKitLimits.fallbackText,
  );
  return { text, blocks };
}
