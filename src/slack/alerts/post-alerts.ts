/**
 * Posting saved searches' new articles after a re-index. The re-index only writes the index; the
 * bot notices a finished run (the index's run number moved, read through `stats()`, which follows
 * PRAGMA data_version) and, for every saved search not yet checked up to that run, finds the new
 * and changed articles matching it and posts one message in its channel.
 *
 * - Nothing is posted when nothing new matches; an article is never announced twice to a search.
 * - The bot is not in the channel: the person who saved it is told once, privately (in their
 *   direct messages with Readout); the articles wait for the next re-index after an invitation.
 * - The channel was archived or deleted: the search is disabled and the reason logged.
 * - Other failures (Slack down, rate limits) are logged and tried again at the next check.
 */
import type { webApi } from '@slack/bolt';
import { describeError } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { ReadoutService } from '../../readout.js';
import type { SavedSearch, StateStore } from '../../state/state-store.js';
import { slackErrorCode, slackFailureContext } from '../transport/slack-errors.js';
import { renderAlert } from '../ui/render-alert.js';
import { renderCannotPost } from '../ui/render-watch.js';
import { findNewArticles } from './find-new-articles.js';

export interface AlertServices {
  readout: ReadoutService;
  state: StateStore;
  client: webApi.WebClient;
  logger: Logger;
  now?: () => Date;
}

/** Slack errors meaning the channel is gone for good. */
const goneCodes = new Set(['is_archived', 'channel_not_found', 'channel_is_archived']);

export class AlertPoster {
  /** Searches whose post failed because the bot is not in the channel, by the run tried. */
  private readonly waitingForInvite = new Map<number, number>();
  private running: Promise<number> | undefined;

  constructor(private readonly services: AlertServices) {}

  /**
   * Posts what every saved search has not yet been checked for. Resolves with the number of alerts
   * posted. Calls made while one runs wait for it, and then run again (a re-index may have ended
   * in between).
   */
  /** Whether a check is under way. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  async check(): Promise<number> {
    while (this.running) await this.running.catch(() => 0);
    this.running = this.checkAll().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async checkAll(): Promise<number> {
    const { readout, state, logger } = this.services;
    let run: number;
    let searches: SavedSearch[];
    try {
      run = readout.stats().reindexRun;
      searches = state.activeSavedSearches().filter((search) => search.checkedRun < run);
    } catch (error) {
      logger.error('alerts: could not read the index or the saved searches', { error: describeError(error) });
      return 0;
    }
    let posted = 0;
    for (const search of searches) {
      if (this.waitingForInvite.get(search.id) === run) continue;
      try {
        if (await this.checkOne(search, run)) posted += 1;
      } catch (error) {
        logger.error('alerts: could not check a saved search', {
          savedSearch: search.id,
          error: describeError(error),
        });
      }
    }
    return posted;
  }

  /** Checks one saved search up to `run`; true when an alert was posted. */
  private async checkOne(search: SavedSearch, run: number): Promise<boolean> {
    const { readout, state, logger } = this.services;
    const at = (this.services.now ?? (() => new Date()))().toISOString();
    const runs = { afterRun: search.checkedRun, throughRun: run };
    const found = await findNewArticles(readout, search.query, runs, (keys) =>
      state.announcedKeys(search.id, keys),
    );
    if (found.articles.length === 0) {
      state.recordAlert(search.id, [], run, at);
      return false;
    }
    const message = renderAlert({
      savedSearchId: search.id,
      query: search.query,
      savedBy: search.createdBy,
      articles: found.articles,
      more: found.more,
      ...runs,
    });
    const where = { savedSearch: search.id, channel: search.channelId };
    try {
      await this.services.client.chat.postMessage({
        channel: search.channelId,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
    } catch (error) {
      await this.postFailed(search, run, error, at);
      return false;
    }
    state.recordAlert(
      search.id,
      found.articles.flatMap((article) => article.keys),
      run,
      at,
    );
    if (search.toldNotInChannel) state.setToldNotInChannel(search.id, false);
    this.waitingForInvite.delete(search.id);
    logger.info('alerts: posted new articles for a saved search', {
      ...where,
      articles: found.articles.length,
    });
    return true;
  }

  private async postFailed(search: SavedSearch, run: number, error: unknown, at: string): Promise<void> {
    const { state, logger, client } = this.services;
    const code = slackErrorCode(error);
    const where = { savedSearch: search.id, channel: search.channelId, run };
    if (goneCodes.has(code)) {
      state.disableSavedSearch(search.id, code, at);
      logger.warn('alerts: disabled a saved search: its channel was archived or deleted', {
        ...where,
        slackError: code,
        query: search.query,
      });
      return;
    }
    if (code !== 'not_in_channel') {
      logger.error(
        'alerts: could not post new articles',
        slackFailureContext('chat.postMessage', error, where),
      );
      return;
    }
    this.waitingForInvite.set(search.id, run);
    logger.info('alerts: not in the channel of a saved search', where);
    if (search.toldNotInChannel) return;
    const note = renderCannotPost(search);
    try {
      await client.chat.postMessage({ channel: search.createdBy, text: note.text, blocks: note.blocks });
      state.setToldNotInChannel(search.id, true);
    } catch (dmError) {
      logger.error(
        'alerts: could not tell the saver that the bot is not in the channel',
        slackFailureContext('chat.postMessage', dmError, where),
      );
    }
  }
}

/**
 * Looks for a finished re-index every `intervalMs` and posts alerts. Returns a handle that
 * checks at once (tests, the console) and stops the timer.
 */
export function watchForReindex(poster: AlertPoster, intervalMs: number) {
  const timer = setInterval(() => {
    if (!poster.busy) void poster.check();
  }, intervalMs);
  // The timer alone must not keep the process alive (a stopping bot exits).
  timer.unref();
  return {
    check: () => poster.check(),
    stop: () => clearInterval(timer),
  };
}
