/**
 * More results: the next page of the same query, replacing the private preview.
 */
import { renderAnswer } from '../../slack/render-answer';
import type { ListenerContext } from '../services';
import { type ButtonArgs, respondTo, searchAgain } from './button-args';

export function moreResults(context: ListenerContext) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const press = await searchAgain(context, args);
    if (!press) return;
    const { pressed, outcome } = press;
    const message = 'notice' in outcome ? outcome.notice : renderAnswer(outcome.answer, { kind: 'private' });
    await respondTo(context, args, pressed.where, message, 'replace');
  };
}
