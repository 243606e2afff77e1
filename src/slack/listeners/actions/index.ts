import type { App } from '@slack/bolt';
import { actionIds } from '../../ui/render-answer.js';
import type { ListenerContext } from '../context.js';
import { dismissAnswer } from './dismiss-answer.js';
import { moreResults } from './more-results.js';
import { shareAnswer } from './share-answer.js';

export function registerActions(app: App, context: ListenerContext): void {
  app.action(actionIds.share, shareAnswer(context));
  app.action(actionIds.more, moreResults(context));
  app.action(actionIds.dismiss, dismissAnswer(context));
}
