/**
 * `@Readout QUERY`: answered in a thread, under the message or in the thread it was sent in.
 * `@Readout` alone inside a thread searches for the thread's first message (read with
 * conversations.replies) and says so; `@Readout compare QUERY` compares, as `/readout compare` does;
 * `@Readout timeline QUERY` replies with the query's timeline (without paging buttons: the thread is
 * everyone's). Slack re-delivers an event it thinks timed out; an
 * event_id seen before is not answered again.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { slackErrorCode, slackFailureContext, userFixFor } from '../../transport/slack-errors.js';
import type { SlackMessage } from '../../ui/limits.js';
import { plainTextFromSlack } from '../../ui/mrkdwn.js';
import { renderAnswer, renderNotice } from '../../ui/render-answer.js';
import { renderComparison } from '../../ui/render-comparison.js';
import { renderHelp } from '../../ui/render-help.js';
import { renderTimeline } from '../../ui/render-timeline.js';
import { readoutSubcommand } from '../commands/subcommands.js';
import {
  compareInArchive,
  type ListenerContext,
  postMessage,
  refusal,
  searchArchive,
  timelineArchive,
} from '../context.js';

type MentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;

export function appMention(context: ListenerContext) {
  return async ({ event, body, client }: MentionArgs): Promise<void> => {
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && !context.seenEvents.firstTime(eventId)) {
      context.logger.info('readout: ignored a re-delivered event', { eventId });
      return;
    }
    const userId = event.user;
    if (!userId || event.bot_id) return;
    const channel = event.channel;
    const threadTs = event.thread_ts ?? event.ts;
    const where = { user: userId, channel, ts: event.ts, eventId };

    const tellPrivately = async (message: SlackMessage): Promise<void> => {
      try {
        await client.chat.postEphemeral({
          channel,
          user: userId,
          thread_ts: event.thread_ts,
          text: message.text,
          blocks: message.blocks,
        });
      } catch (error) {
        context.logger.error(
          'readout: could not tell a user privately',
          slackFailureContext('chat.postEphemeral', error, where),
        );
      }
    };
    const reply = async (message: SlackMessage): Promise<void> => {
      const failed = await postMessage(
        context,
        client,
        {
          channel,
          thread_ts: threadTs,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
        },
        where,
        'reply to a mention',
      );
      // Where the person can act (invite the bot, wait a minute), tell them privately.
      const fix = failed && userFixFor(failed);
      if (fix) await tellPrivately(renderNotice(fix));
    };

    const refused = refusal(context, { userId, channelId: channel });
    if (refused) return tellPrivately(refused);

    let query = plainTextFromSlack(event.text);
    let threadQuery = false;
    if (!query && event.thread_ts && event.thread_ts !== event.ts) {
      try {
        const replies = await client.conversations.replies({
          channel,
          ts: event.thread_ts,
          limit: 1,
          inclusive: true,
        });
        query = plainTextFromSlack(replies.messages?.[0]?.text ?? '');
        threadQuery = query !== '';
      } catch (error) {
        context.logger.error(
          'readout: could not read a thread',
          slackFailureContext('conversations.replies', error, where),
        );
        const fix = userFixFor(slackErrorCode(error));
        return reply(
          renderNotice(fix ?? "Sorry, I could not read this thread's first message. It has been logged."),
        );
      }
    }
    if (!query) return reply(renderHelp('mention', context.usageExamples));
    const asked = readoutSubcommand(query);
    if (asked.kind === 'timeline') {
      const timeline = await timelineArchive(context, asked.query, 0, where);
      return reply(renderTimeline(timeline, context.usageExamples, { kind: 'thread' }));
    }
    if (asked.kind === 'compare') {
      const compared = await compareInArchive(context, asked.query, 0, where);
      return reply(renderComparison(compared, { kind: 'thread' }, context.usageExamples));
    }
    const result = await searchArchive(context, query, 0, where);
    await reply(renderAnswer(result, { kind: 'thread', threadQuery }, context.usageExamples));
  };
}
