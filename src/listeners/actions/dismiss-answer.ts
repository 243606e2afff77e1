/**
 * Dismiss: removes the private preview.
 */
import type { ListenerContext } from '../services';
import { type ButtonArgs, pressedButton, respondTo } from './button-args';

export function dismissAnswer(context: ListenerContext) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    await respondTo(context, args, pressedButton(args).where, 'delete');
  };
}
