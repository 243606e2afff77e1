/**
 * A comparison's buttons: another event the query matches (the same query's comparison of that
 * event, replacing the private message), and Share in channel (the comparison posted with
 * "Shared by @user", the private message removed).
 */
import type { ComparisonResult } from '../../../readout.js';
import { renderComparison } from '../../ui/render-comparison.js';
import { compareInArchive, type ListenerContext } from '../context.js';
import { type ButtonArgs, checkedPress, type PressedButton, respondTo } from './button-args.js';
import { postShared } from './share-answer.js';

/** Reads the press and compares again; undefined when the press has been answered already. */
async function compareAgain(
  context: ListenerContext,
  args: ButtonArgs,
  needsChannel: boolean,
): Promise<{ pressed: PressedButton; result: ComparisonResult } | undefined> {
  const pressed = await checkedPress(context, args, { needsChannel });
  if (!pressed) return undefined;
  const { state, where } = pressed;
  return { pressed, result: await compareInArchive(context, state.q, state.o, where) };
}

export function compareEvent(context: ListenerContext) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const press = await compareAgain(context, args, false);
    if (!press) return;
    const message = renderComparison(press.result, { kind: 'private' }, context.usageExamples);
    await respondTo(context, args, press.pressed.where, message, 'replace');
  };
}

export function shareComparison(context: ListenerContext) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const press = await compareAgain(context, args, true);
    if (!press) return;
    const { result, pressed } = press;
    if (result.kind === 'failed' || !result.event) {
      // Nothing to share: say why, privately, and keep the preview.
      await respondTo(
        context,
        args,
        pressed.where,
        renderComparison(result, { kind: 'private' }, context.usageExamples),
      );
      return;
    }
    const message = renderComparison(
      result,
      { kind: 'shared', sharedBy: pressed.userId },
      context.usageExamples,
    );
    await postShared(context, args, pressed.where, pressed.channelId!, message);
  };
}
