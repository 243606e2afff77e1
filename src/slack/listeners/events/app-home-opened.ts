/**
 * The App Home tab, published each time someone opens it so the index statistics are current.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { describeError } from '../../../errors.js';
import type { IndexStats } from '../../../index/reader.js';
import { slackFailureContext } from '../../transport/slack-errors.js';
import { type HomeActivity, renderHome } from '../../ui/render-home.js';
import type { ListenerContext } from '../context.js';

type HomeArgs = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

export function appHomeOpened(context: ListenerContext) {
  return async ({ event, client }: HomeArgs): Promise<void> => {
    if (event.tab && event.tab !== 'home') return;
    let stats: IndexStats | null = null;
    try {
      stats = context.readout.stats();
    } catch (error) {
      context.logger.error('readout: could not read index statistics', { error: describeError(error) });
    }
    let activity: HomeActivity | null = null;
    try {
      activity = {
        savedSearches: context.state.activeSavedSearchCount(),
        feedback: context.state.feedbackSummary(),
      };
    } catch (error) {
      context.logger.error('readout: could not read saved searches and feedback', {
        error: describeError(error),
      });
    }
    try {
      await client.views.publish({
        user_id: event.user,
        view: renderHome(stats, activity, context.usageExamples),
      });
    } catch (error) {
      context.logger.error(
        'readout: could not publish the Home tab',
        slackFailureContext('views.publish', error, { user: event.user }),
      );
    }
  };
}
