/**
 * `link_shared`: someone posted a link on one of the newsroom's domains (manifest.json
 * `unfurl_domains`). Links to articles in the index get a preview (chat.unfurl); others get none,
 * and Slack shows its usual preview, if any.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { describeError } from '../../../errors.js';
import { slackFailureContext } from '../../transport/slack-errors.js';
import { renderUnfurl } from '../../ui/render-unfurl.js';
import type { ListenerContext } from '../context.js';

type LinkArgs = SlackEventMiddlewareArgs<'link_shared'> & AllMiddlewareArgs;

/** Links looked up per message at most (Slack sends at most a handful). */
const maxLinks = 10;

export function linkShared(context: ListenerContext) {
  return async ({ event, body, client }: LinkArgs): Promise<void> => {
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && !context.seenEvents.firstTime(eventId)) return;
    const where = { user: event.user, channel: event.channel, eventId };
    const unfurls: Record<string, ReturnType<typeof renderUnfurl>> = {};
    const links: unknown[] = Array.isArray(event.links) ? event.links : [];
    for (const link of links.slice(0, maxLinks)) {
      const url = (link as { url?: unknown } | null)?.url;
      if (typeof url !== 'string') continue;
      try {
        const article = await context.readout.articleAt(url);
        if (article) unfurls[url] = renderUnfurl(article);
      } catch (error) {
        context.logger.error('readout: could not look up a shared link', {
          ...where,
          error: describeError(error),
        });
      }
    }
    const previewed = Object.keys(unfurls).length;
    context.logger.info('readout: shared links looked up', { ...where, links: links.length, previewed });
    if (previewed === 0) return;
    // Links pasted in the composer before sending come with unfurl_id and source instead of a ts.
    const target = event as { unfurl_id?: string; source?: string };
    const at =
      target.unfurl_id && target.source
        ? { unfurl_id: target.unfurl_id, source: target.source as 'composer' | 'conversations_history' }
        : { channel: event.channel, ts: event.message_ts };
    try {
      await client.chat.unfurl({ ...at, unfurls } as Parameters<typeof client.chat.unfurl>[0]);
    } catch (error) {
      context.logger.error(
        'readout: could not show link previews',
        slackFailureContext('chat.unfurl', error, where),
      );
    }
  };
}
