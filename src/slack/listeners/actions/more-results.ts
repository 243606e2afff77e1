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
    await respondTo(
      context,
      args,
      press.pressed.where,
      renderAnswer(press.result, { kind: 'private' }, context.usageExamples),
      'replace',
    );
  };
}
