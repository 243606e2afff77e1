/**
 * More results: the next page of the same query, replacing the private preview.
 */
import { renderAnswer } from '../../ui/render-answer.js';
import type { ListenerContext } from '../context.js';
import { type ButtonArgs, respondTo, searchAgain } from './button-args.js';

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
