import type { App } from '@slack/bolt';
import { actionIds } from '../../slack/render-answer';
import type { ListenerContext } from '../services';
import { dismissAnswer } from './dismiss-answer';
import { moreResults } from './more-results';
import { shareAnswer } from './share-answer';

export function registerActions(app: App, context: ListenerContext): void {
  app.action(actionIds.share, shareAnswer(context));
  app.action(actionIds.more, moreResults(context));
  app.action(actionIds.dismiss, dismissAnswer(context));
}
