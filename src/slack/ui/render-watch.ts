/**
 * What `/readout watch`, `watching` and `unwatch` answer (privately): the confirmation, the
 * channel's list with a Stop watching button per search, and every refusal with what to do.
 */
import type { types } from '@slack/bolt';
import type { SavedSearch } from '../../state/state-store.js';
import { blockKitLimits, type SlackMessage } from './limits.js';
import { clipText, escapeMrkdwn, mentionChannel, mentionUser } from './mrkdwn.js';
import { alertActionIds } from './render-alert.js';
import { button, quotedQuery, renderNotice } from './render-answer.js';
import { watchUsageLines } from './render-help.js';

/** Where alerts go, as the person reads it. */
export function alertPlace(channelId: string): string {
  return /^[UW]/.test(channelId) ? 'your direct messages with Readout' : mentionChannel(channelId);
}

export interface WatchSaved {
  search: SavedSearch;
  /** How many searches the channel has now, and the most it may. */
  count: number;
  max: number;
  /** Whether any passage matches the query today. */
  matchesToday: boolean;
  /** The bot is not a member of the channel yet (it cannot post there until invited). */
  notMember: boolean;
}

export function renderWatchSaved(saved: WatchSaved): SlackMessage {
  const { search } = saved;
  const lines = [
    `Saved. After each re-index I will post new articles matching ${quotedQuery(search.query)} in ${alertPlace(search.channelId)}: at most five a time, each article once.`,
  ];
  if (!saved.matchesToday) {
    lines.push('Nothing in the archive matches it today; articles that do will be posted when they arrive.');
  }
  if (saved.notMember) {
    lines.push(
      'I am not a member of this channel yet: invite me with `/invite @Readout`, or I cannot post here.',
    );
  }
  lines.push(
    `This channel has ${saved.count} of ${saved.max} saved searches; \`/readout watching\` lists them.`,
  );
  return renderNotice(lines.join('\n'));
}

export type WatchRefusal =
  | { reason: 'no_words'; query: string }
  | { reason: 'limit'; max: number }
  | { reason: 'archived' }
  | { reason: 'cannot_see' }
  | { reason: 'unavailable' };

export function renderWatchRefused(refusal: WatchRefusal): SlackMessage {
  switch (refusal.reason) {
    case 'no_words':
      return renderNotice(
        [
          refusal.query
            ? `Nothing to watch for in ${quotedQuery(refusal.query)}: filters and \`-exclusions\` only narrow a search, so give me some words too.`
            : 'Tell me what to watch for, e.g. `/readout watch ferry strike source:gazette`.',
          ...watchUsageLines.map((line) => `• ${line}`),
        ].join('\n'),
      );
    case 'limit':
      return renderNotice(
        `This channel already has ${refusal.max} saved searches, the most it may. Stop one first: \`/readout watching\` lists them, \`/readout unwatch N\` stops one.`,
      );
    case 'archived':
      return renderNotice('This channel is archived, so nothing can be posted in it.');
    case 'cannot_see':
      return renderNotice(
        'I cannot see this conversation, so I could not post new articles in it. Invite me with `/invite @Readout` and save the search again.',
      );
    case 'unavailable':
      return renderNotice(
        'Saved searches are unavailable right now. Please tell an admin; it has been logged.',
      );
  }
}

/** The channel's saved searches, numbered as `unwatch N` takes them, each with a Stop button. */
export function renderWatchList(channelId: string, searches: SavedSearch[]): SlackMessage {
  if (searches.length === 0) {
    return renderNotice(
      `No searches are saved for ${alertPlace(channelId)}. Save one with \`/readout watch ferry strike\`.`,
    );
  }
  const header = `${searches.length === 1 ? 'One search is' : `${searches.length} searches are`} saved for ${alertPlace(channelId)}:`;
  const blocks: types.KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: header } }];
  const lines = searches.map(
    (search, index) =>
      `${index + 1}. ${quotedQuery(search.query)} · saved by ${mentionUser(search.createdBy)}`,
  );
  searches.forEach((search, index) => {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clipText(lines[index]!, blockKitLimits.sectionText), verbatim: true },
      accessory: button('Stop watching', alertActionIds.unwatch, String(search.id)),
    });
  });
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: '`/readout unwatch N` stops search N.' }],
  });
  return { text: clipText(`${header}\n${lines.join('\n')}`, blockKitLimits.fallbackText), blocks };
}

export function renderUnwatched(search: SavedSearch, by: string): SlackMessage {
  const who = search.createdBy === by ? '' : ` (saved by ${mentionUser(search.createdBy)})`;
  return renderNotice(
    `Stopped watching ${quotedQuery(search.query)}${who} in ${alertPlace(search.channelId)}.`,
  );
}

/** `unwatch N` for a number that is not on the list, or a Stop button of a search already gone. */
export function renderUnwatchUnknown(count: number, asked?: string): SlackMessage {
  if (asked === undefined) return renderNotice('That search was stopped already.');
  const range = count === 0 ? 'none are saved here' : `the numbers go from 1 to ${count}`;
  return renderNotice(
    `There is no saved search ${escapeMrkdwn(clipText(asked, 40))} here (${range}); \`/readout watching\` lists them.`,
  );
}

/** Told privately to the person who saved a search when its alert cannot be posted. */
export function renderCannotPost(search: SavedSearch): SlackMessage {
  return renderNotice(
    `New articles match your saved search ${quotedQuery(search.query)}, but I cannot post in ${mentionChannel(search.channelId)}: I am not a member. Invite me with \`/invite @Readout\` there and they will be posted after the next re-index. (I will not tell you again.)`,
  );
}
