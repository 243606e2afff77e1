/**
 * Earlier / Later on a timeline: the page before or after, replacing the private message. The
 * button carries the query and the offset (button-state.ts); the timeline is read again.
 */
import { renderTimeline } from '../../ui/render-timeline.js';
import { type ListenerContext, refusal, timelineArchive } from '../context.js';
import { type ButtonArgs, expiredButton, pressedButton, respondTo } from './button-args.js';

export function timelinePage(context: ListenerContext) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { state, userId, channelId, where } = pressedButton(args);
    if (!state || state.a !== undefined) {
      await respondTo(context, args, where, expiredButton);
      return;
    }
    const refused = refusal(context, { userId, channelId });
    if (refused) {
      await respondTo(context, args, where, refused);
      return;
    }
    const result = await timelineArchive(context, state.q, state.o, where);
    await respondTo(context, args, where, renderTimeline(result, context.usageExamples), 'replace');
  };
}
