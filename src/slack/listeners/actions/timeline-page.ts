/**
 * Earlier / Later on a timeline: the page before or after, replacing the private message. The
 * button carries the query and the offset (button-state.ts); the timeline is read again.
 */
import { renderTimeline } from '../../ui/render-timeline.js';
import { type ListenerContext, timelineArchive } from '../context.js';
import { type ButtonArgs, checkedPress, respondTo } from './button-args.js';

export function timelinePage(context: ListenerContext) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    // An alert's state (its re-index runs) is not a timeline's.
    const pressed = await checkedPress(context, args, { alertState: false });
    if (!pressed) return;
    const { state, where } = pressed;
    const result = await timelineArchive(context, state.q, state.o, where);
    await respondTo(context, args, where, renderTimeline(result, context.usageExamples), 'replace');
  };
}
