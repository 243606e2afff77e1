/**
 * "and N more" on an alert: the full list of the alert's new articles, in a modal. The modal
 * opens at once with "Looking up…" (a trigger_id lasts 3 seconds), and is updated with the list
 * when readout() has run over the alert's re-index runs again.
 */
import { describeError } from '../../../errors.js';
import { findNewArticles } from '../../alerts/find-new-articles.js';
import { slackFailureContext } from '../../transport/slack-errors.js';
import { renderList, renderListLoading } from '../../ui/render-alert.js';
import { failureNotices } from '../../ui/render-answer.js';
import { type ListenerContext, refusal } from '../context.js';
import { type ButtonArgs, expiredButton, pressedButton, respondTo } from './button-args.js';

export function alertList(context: ListenerContext) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { state, userId, channelId, where } = pressedButton(args);
    if (!state || state.a === undefined) {
      await respondTo(context, args, where, expiredButton);
      return;
    }
    // The list searches again, so it counts like any search (allowed channels, rate limit).
    const refused = refusal(context, { userId, channelId });
    if (refused) {
      await respondTo(context, args, where, refused);
      return;
    }
    let viewId: string;
    try {
      const opened = await args.client.views.open({
        trigger_id: args.body.trigger_id,
        view: renderListLoading(state.q),
      });
      if (!opened.view?.id) throw new Error('views.open returned no view id');
      viewId = opened.view.id;
    } catch (error) {
      context.logger.error(
        'readout: could not open the list of new articles',
        slackFailureContext('views.open', error, where),
      );
      return;
    }
    let view: ReturnType<typeof renderList>;
    try {
      const found = await findNewArticles(context.readout, state.q, {
        afterRun: state.a,
        throughRun: state.t ?? state.a,
      });
      view = renderList(state.q, found.articles);
    } catch (error) {
      context.logger.error('readout: could not list new articles', { ...where, error: describeError(error) });
      view = renderList(state.q, [], failureNotices.unexpected);
    }
    try {
      await args.client.views.update({ view_id: viewId, view });
    } catch (error) {
      context.logger.error(
        'readout: could not show the list of new articles',
        slackFailureContext('views.update', error, where),
      );
    }
  };
}
