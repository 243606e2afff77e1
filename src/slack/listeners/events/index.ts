import type { App } from '@slack/bolt';
import type { ListenerContext } from '../context.js';
import { appHomeOpened } from './app-home-opened.js';
import { appMention } from './app-mention.js';
import { linkShared } from './link-shared.js';

export function registerEvents(app: App, context: ListenerContext): void {
  app.event('app_mention', appMention(context));
  app.event('app_home_opened', appHomeOpened(context));
  app.event('link_shared', linkShared(context));
}
