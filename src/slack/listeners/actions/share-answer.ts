/**
 * Share in channel: runs the preview's query again, posts the answer publicly with
 * "Shared by @user", then removes the private preview. When the bot is not in the channel the
 * preview stays and the user is told how to invite it.
 */

import { userFixFor } from '../../transport/slack-errors.js';
import type { SlackMessage } from '../../ui/limits.js';
import { renderAnswer, renderNotice } from '../../ui/render-answer.js';
import { type ListenerContext, postMessage } from '../context.js';
import { type ButtonArgs, respondTo, searchAgain } from './button-args.js';

export function shareAnswer(context: ListenerContext) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const press = await searchAgain(context, args, { needsChannel: true });
    if (!press) return;
    const { result } = press;
    const { userId, where } = press.pressed;
    const channelId = press.pressed.channelId!; // searchAgain answered presses without one
    if (result.kind === 'failed') {
      // Nothing to share: say why, privately, and keep the preview.
      await respondTo(context, args, where, renderAnswer(result, { kind: 'private' }, context.usageExamples));
      return;
    }
    const message = renderAnswer(result, { kind: 'shared', sharedBy: userId }, context.usageExamples);
    await postShared(context, args, { channelId, where }, message);
  };
}

/**
 * Posts a shared answer in the channel and removes the private preview; when Slack refuses (the
 * bot is not in the channel), the preview stays and the user is told how to fix it.
 */
export async function postShared(
  context: ListenerContext,
  args: ButtonArgs,
  { channelId, where }: { channelId: string; where: Record<string, unknown> },
  message: SlackMessage,
): Promise<void> {
  const failed = await postMessage(
    context,
    args.client,
    {
      channel: channelId,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    },
    where,
    'share an answer',
  );
  if (failed) {
    await respondTo(
      context,
      args,
      where,
      renderNotice(userFixFor(failed) ?? 'Sorry, I could not post in this channel. It has been logged.'),
    );
    return;
  }
  await respondTo(context, args, where, 'delete');
}
