/**
 * The App Home tab: what Readout is, how to use it, what the index holds, how many searches are
 * saved, and the 👍 / 👎 feedback (with the searches that disappointed most).
 */
import type { types } from '@slack/bolt';
import type { IndexStats } from '../../index/reader.js';
import type { FeedbackSummary } from '../../state/state-store.js';
import { formatTimestamp } from '../../text/partial-date.js';
import { clipText, escapeMrkdwn } from './mrkdwn.js';
import { newsroomExamples, type UsageExamples, usageText } from './render-help.js';

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** The index statistics as one line; says so when they could not be read. */
export function statsLine(stats: IndexStats | null): string {
  if (!stats) return 'Index statistics are unavailable right now.';
  if (stats.articles === 0) return 'The index is empty: an admin needs to run `npm run reindex`.';
  const parts = [
    count(stats.articles, 'article', 'articles'),
    count(stats.passages, 'passage', 'passages'),
    count(stats.outlets, 'outlet', 'outlets'),
  ];
  const when = stats.lastReindexAt
    ? `last re-indexed ${formatTimestamp(stats.lastReindexAt)}`
    : 'never re-indexed';
  return `The archive index holds ${parts.join(', ')}; ${when}.`;
}

/** What the bot's own database says, for the Home tab; null when it could not be read. */
export interface HomeActivity {
  savedSearches: number;
  feedback: FeedbackSummary;
}

/** Saved searches and feedback as lines of mrkdwn. */
export function activityLines(activity: HomeActivity | null): string[] {
  if (!activity) return ['Saved searches and feedback are unavailable right now.'];
  const { up, down, disappointing } = activity.feedback;
  const lines = [
    `${count(activity.savedSearches, 'saved search posts', 'saved searches post')} new articles after each re-index.`,
    up + down === 0
      ? 'No answers rated yet: 👍 and 👎 are under every answer.'
      : `Answers rated: ${up} 👍 · ${down} 👎.`,
  ];
  if (disappointing.length > 0) {
    const worst = disappointing.map(
      (entry) =>
        `“${escapeMrkdwn(clipText(entry.query, 80))}” (${entry.down} 👎${entry.up ? `, ${entry.up} 👍` : ''})`,
    );
    lines.push(`Searches that disappointed: ${worst.join(', ')}.`);
  }
  return lines;
}

/** The Home tab view; `stats` is null when the index could not be read. */
export function renderHome(
  stats: IndexStats | null,
  activity: HomeActivity | null = null,
  examples: UsageExamples = newsroomExamples,
): types.HomeView {
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Readout', emoji: false } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: 'Readout finds what the newsroom has already published: the best passages of the article archive, quoted verbatim with matched words in bold and attributed, so you can check a fact or a quote without leaving Slack.',
        },
      },
      { type: 'divider' },
      { type: 'section', text: { type: 'mrkdwn', text: usageText(examples) } },
      { type: 'divider' },
      { type: 'context', elements: [{ type: 'mrkdwn', text: statsLine(stats) }] },
      { type: 'context', elements: [{ type: 'mrkdwn', text: activityLines(activity).join('\n') }] },
    ],
  };
}
