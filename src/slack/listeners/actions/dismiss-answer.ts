/**
 * Dismiss: removes the private preview.
 */
import type { ListenerContext } from '../context.js';
import { type ButtonArgs, pressedButton, respondTo } from './button-args.js';

export function dismissAnswer(context: ListenerContext) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await respondTo(context, args, pressedButton(args).where, 'delete');
  };
}
