/**
 * Share in channel, on a timeline: reads the timeline again at the page shown, posts it publicly
 * with "Shared by @user" (no paging buttons: the channel is everyone's), then removes the private
 * preview, as Share does for a search (share-answer.ts).
 */
import { renderTimeline } from '../../ui/render-timeline.js';
import { type ListenerContext, timelineArchive } from '../context.js';
import { type ButtonArgs, checkedPress, respondTo } from './button-args.js';
import { postShared } from './share-answer.js';

export function shareTimeline(context: ListenerContext) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const pressed = await checkedPress(context, args, { needsChannel: true, alertState: false });
    if (!pressed) return;
    const { state, userId, where } = pressed;
    const channelId = pressed.channelId!; // checkedPress answered presses without one
    const result = await timelineArchive(context, state.q, state.o, where);
    if (result.kind === 'failed') {
      // Nothing to share: say why, privately, and keep the preview.
      await respondTo(context, args, where, renderTimeline(result, context.usageExamples));
      return;
    }
    const shared = renderTimeline(result, context.usageExamples, { kind: 'shared', sharedBy: userId });
    await postShared(context, args, where, channelId, shared);
  };
}
