/**
 * Share in channel: runs the preview's query again, posts the answer publicly with
 * "Shared by @user", then removes the private preview. When the bot is not in the channel the
 * preview stays and the user is told how to invite it.
 */
import { renderAnswer, renderNotice } from '../../slack/render-answer';
import { userFixFor } from '../../slack/slack-errors';
import { type ListenerContext, postMessage, refusal, searchArchive } from '../services';
import { type ButtonArgs, expiredButton, pressedButton, respondTo } from './button-args';

export function shareAnswer(context: ListenerContext) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { state, userId, channelId, where } = pressedButton(args);
    if (!state || !channelId) {
      await respondTo(context, args, where, expiredButton);
      return;
    }
    const refused = refusal(context, { userId, channelId });
    if (refused) {
      await respondTo(context, args, where, refused);
      return;
    }
    const outcome = searchArchive(context, state.q, state.o, where);
    if ('notice' in outcome) {
      await respondTo(context, args, where, outcome.notice);
      return;
    }
    const message = renderAnswer(outcome.answer, { kind: 'shared', sharedBy: userId });
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
  };
}
