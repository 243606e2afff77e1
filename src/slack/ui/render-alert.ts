/**
 * A saved search's alert (what it found among a re-index's new and changed articles) and the
 * full list its "and N more" button opens. Pure, escaped and within Block Kit's limits like every
 * answer (render-answer.ts does the quoting and attribution).
 */
import type { types } from '@slack/bolt';
import type { NewArticle } from '../../search/new-articles.js';
import { encodeButtonState } from './button-state.js';
import { blockKitLimits, type SlackMessage } from './limits.js';
import { clipText, escapeMrkdwn, mentionUser } from './mrkdwn.js';
import { attributionLine, button, quotedQuery, renderQuote } from './render-answer.js';

export const alertActionIds = {
  /** "and N more": opens the full list in a modal. */
  list: 'readout_alert_list',
  /** "Stop watching": removes the saved search (its ID is the button's value). */
  unwatch: 'readout_unwatch',
} as const;

/** Items quoted in an alert; the rest are behind "and N more". */
export const alertItems = 5;
/** Items a full list shows (a modal holds 100 blocks). */
export const listItems = 90;

export interface Alert {
  savedSearchId: number;
  query: string;
  savedBy: string;
  /** New articles in rank order (all of them; the alert quotes the first five). */
  articles: NewArticle[];
  /** True when there were more than could be counted (the count is then a lower bound). */
  more: boolean;
  /** The re-index runs the articles come from, for the full list. */
  afterRun: number;
  throughRun: number;
}

function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text: clipText(text, blockKitLimits.sectionText), verbatim: true };
}

/** An article's quote and attribution, "also in" naming every outlet of the story. */
function articleLines(article: NewArticle, quoteLength: number): { quote: string; attribution: string } {
  const hit = { ...article.hit, alsoIn: article.alsoIn };
  return { quote: renderQuote(hit.excerpt, quoteLength), attribution: attributionLine(hit) };
}

function articleCount(n: number, more: boolean): string {
  return `${n}${more ? '+' : ''} new ${n === 1 && !more ? 'article' : 'articles'}`;
}

/** The alert posted in the channel: at most five stories, "and N more", Stop watching. */
export function renderAlert(alert: Alert): SlackMessage {
  const shown = alert.articles.slice(0, alertItems);
  const rest = alert.articles.length - shown.length;
  const query = quotedQuery(alert.query);
  const count = articleCount(alert.articles.length, alert.more);
  const blocks: types.KnownBlock[] = [
    { type: 'section', text: mrkdwn(`*Readout* · ${count} in the archive for ${query}`) },
  ];
  for (const article of shown) {
    const { quote, attribution } = articleLines(article, blockKitLimits.sectionText);
    blocks.push({ type: 'section', text: mrkdwn(quote) });
    blocks.push({ type: 'context', elements: [mrkdwn(attribution)] });
  }
  const buttons: types.Button[] = [];
  if (rest > 0) {
    const state = encodeButtonState({ q: alert.query, o: 0, a: alert.afterRun, t: alert.throughRun });
    buttons.push(button(`and ${rest}${alert.more ? '+' : ''} more`, alertActionIds.list, state, 'primary'));
  }
  buttons.push(button('Stop watching', alertActionIds.unwatch, String(alert.savedSearchId)));
  blocks.push({ type: 'actions', block_id: 'readout_alert_actions', elements: buttons });
  blocks.push({
    type: 'context',
    elements: [
      mrkdwn(
        `Saved search of ${mentionUser(alert.savedBy)} (\`/readout watch\`); \`/readout watching\` lists this channel's.`,
      ),
    ],
  });
  const first = shown[0]!.hit;
  const text = clipText(
    `Readout: ${count} for ${query}. First: “${escapeMrkdwn(clipText(first.article.title, 200))}”`,
    blockKitLimits.fallbackText,
  );
  return { text, blocks };
}

const modalTitle = 'New articles';

/** The modal shown at once while the full list is looked up (a trigger expires in 3 seconds). */
export function renderListLoading(query: string): types.ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: modalTitle },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [{ type: 'section', text: mrkdwn(`Looking up the new articles for ${quotedQuery(query)}…`) }],
  };
}

/** The full list of an alert's new articles, one block each; `failure` when it could not be read. */
export function renderList(query: string, articles: NewArticle[], failure?: string): types.ModalView {
  const blocks: types.KnownBlock[] = [];
  if (failure) blocks.push({ type: 'section', text: mrkdwn(failure) });
  else {
    blocks.push({
      type: 'section',
      text: mrkdwn(`${articleCount(articles.length, false)} for ${quotedQuery(query)}, best match first.`),
    });
    for (const article of articles.slice(0, listItems)) {
      const { quote, attribution } = articleLines(article, 600);
      blocks.push({ type: 'section', text: mrkdwn(`${attribution}\n${quote}`) });
    }
    if (articles.length > listItems) {
      blocks.push({
        type: 'context',
        elements: [
          mrkdwn(`…and ${articles.length - listItems} more: \`/readout\` with the same words finds them.`),
        ],
      });
    }
  }
  return {
    type: 'modal',
    title: { type: 'plain_text', text: modalTitle },
    close: { type: 'plain_text', text: 'Close' },
    blocks,
  };
}
