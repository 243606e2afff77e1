/**
 * The preview of an archive article someone linked to (chat.unfurl): headline (linked), outlet,
 * date and author, and the lead sentence quoted. Pure; all archive text escaped.
 */
import type { types } from '@slack/bolt';
import type { LinkedArticle } from '../../search/article-links.js';
import { displayPartialDate } from '../../text/partial-date.js';
import { splitSentences } from '../../text/sentences.js';
import { clipText, escapeMrkdwn, link } from './mrkdwn.js';

const maxLead = 400;

/** The article's first sentence (or the start of its lead passage), at most 400 characters. */
export function leadSentence(lead: string): string {
  const first = splitSentences(lead).find((sentence) => sentence.trim() !== '') ?? lead;
  return clipText(first.trim(), maxLead);
}

export function renderUnfurl(article: LinkedArticle): { blocks: types.KnownBlock[] } {
  const title = clipText(article.title.trim() || 'Untitled', 300);
  const details = [
    article.source && escapeMrkdwn(clipText(article.source, 120)),
    displayPartialDate(article.published),
    article.author && `by ${escapeMrkdwn(clipText(article.author, 120))}`,
  ].filter(Boolean);
  const blocks: types.KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*${link(article.url, title)}*`, verbatim: true } },
  ];
  const lead = leadSentence(article.lead);
  if (lead)
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `>${escapeMrkdwn(lead)}`, verbatim: true },
    });
  blocks.push({
    type: 'context',
    elements: [
      { type: 'mrkdwn', text: [...details, 'from the archive, via Readout'].join(' · '), verbatim: true },
    ],
  });
  return { blocks };
}
