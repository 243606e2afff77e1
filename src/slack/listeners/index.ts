/**
 * Listeners translate a Slack payload into one call of `readout()` and send the rendered answer
 * back; they hold no search or rendering logic of their own. One handler per file:
 *
 *   commands/readout-command.ts   /readout QUERY → private preview (via response_url);
 *   commands/watch-commands.ts    /readout watch QUERY, watching, unwatch N (saved searches)
 *                                 (/readout timeline QUERY: readout-command.ts, render-timeline.ts)
 *   events/app-mention.ts         @Readout QUERY (or timeline QUERY) → reply in thread
 *   events/app-home-opened.ts     App Home tab with index statistics, saved searches, feedback
 *   events/link-shared.ts         a link to an archive article → its preview (chat.unfurl)
 *   actions/share-answer.ts       Share in channel
 *   actions/more-results.ts       More results (next page)
 *   actions/timeline-page.ts      Earlier / Later on a timeline
 *   actions/share-timeline.ts     Share in channel, on a timeline
 *   actions/dismiss-answer.ts     Dismiss
 *   actions/rate-answer.ts        👍 / 👎
 *   actions/alert-list.ts         "and N more" on an alert → the full list (modal)
 *   actions/stop-watching.ts      Stop watching
 *   shortcuts/search-shortcut.ts  message and global shortcuts → the search form (modal)
 *   views/search-form-submitted.ts the form → a private answer in the chosen conversation
 *   options/outlet-options.ts     the form's outlets, searched as you type
 */
import type { App } from '@slack/bolt';
import { searchFormIds } from '../ui/render-search-form.js';
import { registerActions } from './actions/index.js';
import { registerCommands } from './commands/index.js';
import { createListenerContext, type ListenerServices } from './context.js';
import { registerEvents } from './events/index.js';
import { outletOptions } from './options/outlet-options.js';
import { searchShortcut } from './shortcuts/search-shortcut.js';
import { searchFormSubmitted } from './views/search-form-submitted.js';

export type { ListenerServices } from './context.js';

/** Registers every Readout listener on `app`, sharing one rate limiter and event memory. */
export function registerListeners(app: App, services: ListenerServices): void {
  const context = createListenerContext(services);
  registerCommands(app, context);
  registerEvents(app, context);
  registerActions(app, context);
  app.shortcut(searchFormIds.messageShortcut, searchShortcut(context));
  app.shortcut(searchFormIds.globalShortcut, searchShortcut(context));
  app.view(searchFormIds.callback, searchFormSubmitted(context));
  app.options({ type: 'block_suggestion', action_id: searchFormIds.field }, outletOptions(context));
}
