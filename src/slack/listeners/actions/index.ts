import type { App } from '@slack/bolt';
import { alertActionIds } from '../../ui/render-alert.js';
import { actionIds } from '../../ui/render-answer.js';
import { compareActionIds } from '../../ui/render-comparison.js';
import { timelineActionIds } from '../../ui/render-timeline.js';
import type { ListenerContext } from '../context.js';
import { alertList } from './alert-list.js';
import { compareEvent, shareComparison } from './compare-event.js';
import { dismissAnswer } from './dismiss-answer.js';
import { moreResults } from './more-results.js';
import { rateAnswer } from './rate-answer.js';
import { shareAnswer } from './share-answer.js';
import { shareTimeline } from './share-timeline.js';
import { stopWatching } from './stop-watching.js';
import { timelinePage } from './timeline-page.js';

export function registerActions(app: App, context: ListenerContext): void {
  app.action(actionIds.share, shareAnswer(context));
  app.action(actionIds.more, moreResults(context));
  app.action(actionIds.dismiss, dismissAnswer(context));
  app.action(actionIds.helpful, rateAnswer(context, 1));
  app.action(actionIds.unhelpful, rateAnswer(context, -1));
  app.action(compareActionIds.event, compareEvent(context));
  app.action(compareActionIds.share, shareComparison(context));
  app.action(alertActionIds.list, alertList(context));
  app.action(alertActionIds.unwatch, stopWatching(context));
  app.action(timelineActionIds.share, shareTimeline(context));
  app.action(timelineActionIds.earlier, timelinePage(context));
  app.action(timelineActionIds.later, timelinePage(context));
}
