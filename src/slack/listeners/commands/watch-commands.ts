/**
 * `/readout watch QUERY`, `/readout watching`, `/readout unwatch N`: a channel's saved searches.
 * A search saved in a direct message posts to the saver's direct messages with Readout (the bot
 * is not a member of people's other conversations).
 */
import type { SlashCommand } from '@slack/bolt';
import { describeError } from '../../../errors.js';
import { maxSavedSearchesPerChannel, type SavedSearch } from '../../../state/state-store.js';
import { slackErrorCode, slackFailureContext } from '../../transport/slack-errors.js';
import type { SlackMessage } from '../../ui/limits.js';
import { renderAnswer } from '../../ui/render-answer.js';
import {
  renderUnwatched,
  renderUnwatchUnknown,
  renderWatchList,
  renderWatchRefused,
  renderWatchSaved,
  type WatchRefusal,
} from '../../ui/render-watch.js';
import { type CommandArgs, type ListenerContext, timestamp } from '../context.js';

/** Where a command's saved searches live: its channel, or the person's DM with Readout. */
export function alertChannel(command: Pick<SlashCommand, 'channel_id' | 'user_id'>): string {
  return command.channel_id.startsWith('D') ? command.user_id : command.channel_id;
}

/** Runs `work` on the state database; a failure is logged and becomes a polite refusal. */
function withState<T>(context: ListenerContext, what: string, work: () => T): T | SlackMessage {
  try {
    return work();
  } catch (error) {
    context.logger.error(`readout: could not ${what}`, { error: describeError(error) });
    return renderWatchRefused({ reason: 'unavailable' });
  }
}

/** Whether the bot can post in the channel: 'member', 'not_member', or a refusal. */
async function channelAccess(
  context: ListenerContext,
  { client, command }: CommandArgs,
  channel: string,
): Promise<'member' | 'not_member' | WatchRefusal> {
  if (channel === command.user_id) return 'member';
  try {
    const info = await client.conversations.info({ channel });
    const conversation = info.channel as { is_archived?: boolean; is_member?: boolean } | undefined;
    if (conversation?.is_archived) return { reason: 'archived' };
    return conversation?.is_member === false ? 'not_member' : 'member';
  } catch (error) {
    const code = slackErrorCode(error);
    // A private channel or a group DM the bot is not in looks like no channel at all.
    if (code === 'channel_not_found') return { reason: 'cannot_see' };
    // Anything else (a missing scope, Slack down) must not stop the save: alerts say so later.
    context.logger.warn(
      'readout: could not check the channel of a saved search',
      slackFailureContext('conversations.info', error, { channel }),
    );
    return 'member';
  }
}

export async function watch(
  context: ListenerContext,
  args: CommandArgs,
  query: string,
  where: Record<string, unknown>,
): Promise<SlackMessage> {
  const { command } = args;
  // The same readout() path checks that there is something to search for, and what matches today.
  const result = await context.readout.answer(query, { limit: 1 });
  if (result.kind === 'failed') {
    context.logger.error('readout: could not check a query to watch', { ...where, error: result.detail });
    return renderAnswer(result, { kind: 'private' });
  }
  if (result.kind !== 'results') return renderWatchRefused({ reason: 'no_words', query });

  const channelId = alertChannel(command);
  const access = await channelAccess(context, args, channelId);
  if (typeof access !== 'string') return renderWatchRefused(access);
  return withState(context, 'save a search', () => {
    const saved = context.state.saveSearch({
      channelId,
      query: result.query.text,
      createdBy: command.user_id,
      createdAt: timestamp(context),
      checkedRun: context.readout.stats().reindexRun,
    });
    if (!saved) return renderWatchRefused({ reason: 'limit', max: maxSavedSearchesPerChannel });
    context.logger.info('readout: saved a search', { ...where, savedSearch: saved.id });
    return renderWatchSaved({
      search: saved,
      count: context.state.savedSearchesIn(channelId).length,
      max: maxSavedSearchesPerChannel,
      // Alerts match exactly: a corrected spelling or a partial match does not count.
      matchesToday: result.hits.length > 0 && !result.query.partial && result.query.corrections.length === 0,
      notMember: access === 'not_member',
    });
  });
}

export function listWatches(context: ListenerContext, command: SlashCommand): SlackMessage {
  const channelId = alertChannel(command);
  return withState(context, 'list saved searches', () =>
    renderWatchList(channelId, context.state.savedSearchesIn(channelId)),
  );
}

export function unwatch(context: ListenerContext, command: SlashCommand, which: string): SlackMessage {
  const channelId = alertChannel(command);
  return withState(context, 'stop a saved search', () => {
    const searches = context.state.savedSearchesIn(channelId);
    const number = /^#?\d{1,3}$/.test(which) ? Number(which.replace('#', '')) : Number.NaN;
    const search: SavedSearch | undefined = searches[number - 1];
    if (!search) return renderUnwatchUnknown(searches.length, which);
    context.state.removeSavedSearch(search.id);
    context.logger.info('readout: stopped a saved search', { user: command.user_id, savedSearch: search.id });
    return renderUnwatched(search, command.user_id);
  });
}
