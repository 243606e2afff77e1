/**
 * Listeners translate a Slack payload into one call of `readout()` and send the rendered answer
 * back; they hold no search or rendering logic of their own. One handler per file:
 *
 *   commands/readout-command.ts   /readout QUERY → private preview (via response_url)
 *   events/app-mention.ts         @Readout QUERY → reply in thread
 *   events/app-home-opened.ts     App Home tab with index statistics
 *   actions/share-answer.ts       Share in channel
 *   actions/more-results.ts       More results (next page)
 *   actions/dismiss-answer.ts     Dismiss
 */
import type { App } from '@slack/bolt';
import { registerActions } from './actions/index.js';
import { registerCommands } from './commands/index.js';
import { createListenerContext, type ListenerServices } from './context.js';
import { registerEvents } from './events/index.js';

export type { ListenerServices } from './context.js';

/** Registers every Readout listener on `app`, sharing one rate limiter and event memory. */
export function registerListeners(app: App, services: ListenerServices): void {
  const context = createListenerContext(services);
  registerCommands(app, context);
  registerEvents(app, context);
  registerActions(app, context);
}
