/**
 * The shortcuts: "Search the archive for this" on a message opens the search form prefilled
 * with the message's key terms; "Search the archive" (global) opens it empty. The form opens at
 * once (a trigger_id lasts 3 seconds); the answer comes when it is submitted
 * (views/search-form-submitted.ts).
 */
import type { AllMiddlewareArgs, SlackShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { describeError } from '../../../errors.js';
import { keyTermsQuery } from '../../../search/key-terms.js';
import { slackFailureContext } from '../../transport/slack-errors.js';
import { plainTextFromSlack } from '../../ui/mrkdwn.js';
import { maxStaticOptions, renderSearchForm } from '../../ui/render-search-form.js';
import type { ListenerContext } from '../context.js';

type ShortcutArgs = SlackShortcutMiddlewareArgs<SlackShortcut> & AllMiddlewareArgs;

export function searchShortcut(context: ListenerContext) {
  return async ({ shortcut, ack, client }: ShortcutArgs): Promise<void> => {
    await ack();
    const fromMessage = shortcut.type === 'message_action';
    const channelId = fromMessage ? shortcut.channel.id : undefined;
    const where = { user: shortcut.user.id, channel: channelId, shortcut: shortcut.callback_id };
    const query = fromMessage ? keyTermsQuery(plainTextFromSlack(shortcut.message.text ?? '')) : '';
    let outlets: string[] = [];
    try {
      // One more than a static list holds tells whether to search them as you type instead.
      outlets = (await context.readout.outlets('', maxStaticOptions + 1)).map((outlet) => outlet.source);
    } catch (error) {
      // The form still works without the outlet list.
      context.logger.error('readout: could not list outlets', { ...where, error: describeError(error) });
    }
    try {
      await client.views.open({
        trigger_id: shortcut.trigger_id,
        view: renderSearchForm({ query, outlets, channelId }),
      });
    } catch (error) {
      context.logger.error(
        'readout: could not open the search form',
        slackFailureContext('views.open', error, where),
      );
    }
  };
}
