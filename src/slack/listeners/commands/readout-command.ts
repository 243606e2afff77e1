/**
 * `/readout QUERY`: acknowledged at once (Slack allows 3 seconds), then answered privately
 * through the command's response_url with the Share / More / Dismiss preview. `/readout watch`,
 * `watching` and `unwatch` manage the channel's saved searches (watch-commands.ts); `/readout
 * compare` sets the accounts of an event side by side; `/readout timeline QUERY` answers with the
 * query's timeline.
 */
import { plainTextFromSlack } from '../../ui/mrkdwn.js';
import { renderAnswer } from '../../ui/render-answer.js';
import { renderComparison } from '../../ui/render-comparison.js';
import { renderTimeline } from '../../ui/render-timeline.js';
import {
  type CommandArgs,
  compareInArchive,
  type ListenerContext,
  privateResponder,
  refusal,
  searchArchive,
  timelineArchive,
} from '../context.js';
import { readoutSubcommand } from './subcommands.js';
import { listWatches, unwatch, watch } from './watch-commands.js';

export function readoutCommand(context: ListenerContext) {
  return async (args: CommandArgs): Promise<void> => {
    const { command, ack, respond } = args;
    // Ack before anything that can take time: the answer follows through response_url.
    await ack();
    const where = { user: command.user_id, channel: command.channel_id, command: command.command };
    const send = privateResponder(context, respond, where, 'answer a command');

    const refused = refusal(context, { userId: command.user_id, channelId: command.channel_id });
    if (refused) return send(refused);

    const asked = readoutSubcommand(plainTextFromSlack(command.text ?? ''));
    switch (asked.kind) {
      case 'watch':
        return send(await watch(context, args, asked.query, where));
      case 'watching':
        return send(listWatches(context, command));
      case 'unwatch':
        return send(unwatch(context, command, asked.which));
      case 'compare':
        return send(
          renderComparison(
            await compareInArchive(context, asked.query, 0, where),
            { kind: 'private' },
            context.usageExamples,
          ),
        );
      case 'timeline':
        return send(
          renderTimeline(await timelineArchive(context, asked.query, 0, where), context.usageExamples),
        );
      case 'search': {
        const result = await searchArchive(context, asked.text, 0, where);
        return send(renderAnswer(result, { kind: 'private' }, context.usageExamples));
      }
    }
  };
}
