/**
 * 👍 / 👎 on an answer: stored in the state database (one vote per person per query; voting
 * again replaces it) and counted on the App Home, so the newsroom can see which searches
 * disappoint. The person gets a short private thanks; the answer stays as it is.
 */
import { describeError } from '../../../errors.js';
import { quotedQuery, renderNotice } from '../../ui/render-answer.js';
import { renderWatchRefused } from '../../ui/render-watch.js';
import { type ListenerContext, timestamp } from '../context.js';
import { type ButtonArgs, expiredButton, pressedButton, respondTo } from './button-args.js';

export function rateAnswer(context: ListenerContext, vote: 1 | -1) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { state, userId, where } = pressedButton(args);
    if (!state) {
      await respondTo(context, args, where, expiredButton);
      return;
    }
    try {
      context.state.recordVote(userId, state.q, vote, timestamp(context));
    } catch (error) {
      context.logger.error('readout: could not record feedback', { ...where, error: describeError(error) });
      await respondTo(context, args, where, renderWatchRefused({ reason: 'unavailable' }));
      return;
    }
    context.logger.info('readout: feedback', { ...where, vote });
    const thanks =
      vote === 1
        ? `Thanks: noted that the answer to ${quotedQuery(state.q)} helped.`
        : `Thanks: noted that the answer to ${quotedQuery(state.q)} did not help. Admins see this on Readout's Home tab.`;
    await respondTo(context, args, where, renderNotice(thanks));
  };
}
