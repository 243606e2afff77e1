import type { App } from '@slack/bolt';
import type { ListenerContext } from '../services';
import { appHomeOpened } from './app-home-opened';
import { appMention } from './app-mention';

export function registerEvents(app: App, context: ListenerContext): void {
  app.event('app_mention', appMention(context));
  app.event('app_home_opened', appHomeOpened(context));
}
