/**
 * Builds the Bolt app for the configured transport and registers Readout's listeners on it.
 * Every mode (Socket Mode, HTTP, the local console) runs the same listeners (src/slack/listeners),
 * which call the one `readout()` path; the receivers (transport/receivers.ts) only move payloads.
 */
import { App, type Receiver, type webApi } from '@slack/bolt';
import type { Config } from '../config.js';
import { describeError } from '../errors.js';
import type { Logger } from '../log.js';
import type { ReadoutService } from '../readout.js';
import type { StateStore } from '../state/state-store.js';
import { AlertPoster, watchForReindex } from './alerts/post-alerts.js';
import { registerListeners } from './listeners/index.js';
import { boltLogger } from './transport/bolt-logger.js';
import type { InFlight } from './transport/in-flight.js';
import { receiverFor } from './transport/receivers.js';
import { webClientOptions } from './transport/web-client.js';
import type { UsageExamples } from './ui/render-help.js';

/** What the app and its listeners are given (passed in, never imported singletons). */
export interface AppServices {
  /** The one readout path (src/readout.ts). */
  readout: ReadoutService;
  /** The bot's own database: saved searches and feedback. */
  state: StateStore;
  /** Example queries for help and the Home tab; newsroom-style ones when not given. */
  usageExamples?: UsageExamples;
  logger: Logger;
  /** Counts requests being answered, so shutdown can let them finish (src/main.ts). */
  inFlight?: InFlight;
}

export interface AppOverrides {
  /** The receiver for console mode (or a test's); required when config.mode is 'console'. */
  receiver?: Receiver;
  /** Bot token to use when the configuration has none (console mode). */
  botToken?: string;
  /** Merged into the Web API client options (console mode's in-process fetch). */
  clientOptions?: webApi.WebClientOptions;
}

/**
 * The Bolt app for `config.mode`, with Readout's listeners registered and the bot token checked
 * (auth.test): a wrong token rejects here, as a Slack API error, rather than on the first event.
 *
 * @example
 * const app = await createApp(config, { readout: inProcessReadout(search), logger });
 * await app.start(config.port);
 */
export async function createApp(
  config: Config,
  services: AppServices,
  overrides: AppOverrides = {},
): Promise<App> {
  const logger = boltLogger(services.logger, config.logLevel);
  const clientOptions = webClientOptions(config, overrides.clientOptions);
  const app = new App({
    token: config.slack.botToken ?? overrides.botToken,
    receiver: receiverFor(config, services, clientOptions, logger, overrides.receiver),
    logger,
    clientOptions,
    // Without this Bolt starts auth.test in the constructor and a rejection goes unhandled.
    deferInitialization: true,
    // Readout keeps no conversation state; Bolt's store would cost every request a lookup and a timer.
    convoStore: false,
  });
  await app.init();
  const inFlight = services.inFlight;
  // Registered before the listeners: the middleware's next() resolves when they have answered.
  if (inFlight) app.use(({ next }) => inFlight.track(next));
  registerListeners(app, {
    readout: services.readout,
    state: services.state,
    config,
    logger: services.logger,
    usageExamples: services.usageExamples,
  });
  app.error(async (error) => {
    // The backstop: listeners handle their own failures, so anything here is a bug.
    services.logger.error('slack: unhandled error in a listener', { error: describeError(error) });
  });
  return app;
}

/**
 * Starts posting saved searches' new articles: looks for a finished re-index every
 * `config.watchIntervalMs` (and once now). `check()` looks at once; `stop()` ends the timer.
 */
export function watchSavedSearches(app: App, config: Config, services: AppServices) {
  const poster = new AlertPoster({
    readout: services.readout,
    state: services.state,
    client: app.client,
    logger: services.logger,
  });
  const watcher = watchForReindex(poster, config.watchIntervalMs);
  void watcher.check();
  return watcher;
}
