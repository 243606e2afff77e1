/**
 * A comparison's other-event button: the same query's comparison of the event the button names,
 * replacing the private message.
 */
import { renderComparison } from '../../ui/render-comparison.js';
import { compareInArchive, type ListenerContext, refusal } from '../context.js';
import { type ButtonArgs, expiredButton, pressedButton, respondTo } from './button-args.js';

export function compareEvent(context: ListenerContext) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { state, userId, channelId, where } = pressedButton(args);
    if (!state) {
      await respondTo(context, args, where, expiredButton);
      return;
    }
    const refused = refusal(context, { userId, channelId });
    if (refused) {
      await respondTo(context, args, where, refused);
      return;
    }
    const result = await compareInArchive(context, state.q, state.o, where);
    await respondTo(
      context,
      args,
      where,
      renderComparison(result, { kind: 'private' }, context.usageExamples),
      'replace',
    );
  };
}
