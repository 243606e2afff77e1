/**
 * `/readout QUERY`: acknowledged at once (Slack allows 3 seconds), then answered privately
 * through the command's response_url with the Share / More / Dismiss preview.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { slackFailureContext } from '../../transport/slack-errors.js';
import type { SlackMessage } from '../../ui/limits.js';
import { plainTextFromSlack } from '../../ui/mrkdwn.js';
import { renderAnswer } from '../../ui/render-answer.js';
import { type ListenerContext, refusal, searchArchive } from '../context.js';

export function readoutCommand(context: ListenerContext) {
  return async ({ command, ack, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    // Ack before anything that can take time: the answer follows through response_url.
    await ack();
    const where = { user: command.user_id, channel: command.channel_id, command: command.command };
    const send = async (message: SlackMessage) => {
      try {
        await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
      } catch (error) {
        context.logger.error(
          'readout: could not answer a command',
          slackFailureContext('response_url', error, where),
        );
      }
    };

    const refused = refusal(context, { userId: command.user_id, channelId: command.channel_id });
    if (refused) return send(refused);

    const result = await searchArchive(context, plainTextFromSlack(command.text ?? ''), 0, where);
    await send(renderAnswer(result, { kind: 'private' }, context.usageExamples));
  };
}
