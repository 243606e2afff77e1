/**
 * More results: the next page of the same query, replacing the private preview.
 */
import { renderAnswer } from '../../slack/render-answer';
import { type ListenerContext, refusal, searchArchive } from '../services';
import { type ButtonArgs, expiredButton, pressedButton, respondTo } from './button-args';

export function moreResults(context: ListenerContext) {
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
    const outcome = searchArchive(context, state.q, state.o, where);
    const message = 'notice' in outcome ? outcome.notice : renderAnswer(outcome.answer, { kind: 'private' });
    await respondTo(context, args, where, message, 'replace');
  };
}
