/**
 * Builds the Bolt app for the configured transport and registers Readout's listeners on it.
 *
 * Transport is not logic: the three receivers only move payloads.
 *   socket   SocketModeReceiver: a WebSocket opened with the app token (no public URL needed)
 *   http     HTTPReceiver: POST /slack/events for commands, events and interactivity, GET /healthz
 *   console  a receiver passed in by src/console (lines from a terminal become Slack payloads)
 * Every mode runs the same listeners (src/listeners), which call the one `readout()` path.
 */
import type { ServerResponse } from 'node:http';
import {
  App,
  type CustomRoute,
  HTTPReceiver,
  type Receiver,
  SocketModeReceiver,
  type webApi,
} from '@slack/bolt';
import type { Config } from './config';
import { describeError } from './errors';
import { registerListeners } from './listeners';
import type { Logger } from './log';
import type { SearchIndex } from './search/search-index';
import { boltLogger } from './slack/bolt-logger';

export interface AppServices {
  index: SearchIndex;
  logger: Logger;
}

export interface AppOverrides {
  /** The receiver for console mode (or a test's); required when config.mode is 'console'. */
  receiver?: Receiver;
  /** Bot token to use when the configuration has none (console mode). */
  botToken?: string;
  /** Merged into the Web API client options (console mode's in-process fetch). */
  clientOptions?: webApi.WebClientOptions;
}

/** The path Slack posts commands, events and interactivity to in HTTP mode. */
export const eventsPath = '/slack/events';
export const healthPath = '/healthz';

/** Web API options: SLACK_API_URL when set, and retries short enough for someone waiting. */
export function webClientOptions(
  config: Config,
  overrides: webApi.WebClientOptions = {},
): webApi.WebClientOptions {
  const options: webApi.WebClientOptions = {
    retryConfig: { retries: 3, factor: 2, minTimeout: 200, maxTimeout: 3000 },
    timeout: 15_000,
    ...overrides,
  };
  const apiUrl = overrides.slackApiUrl ?? config.slack.apiUrl;
  // WebClient appends method names directly to the base URL.
  if (apiUrl) options.slackApiUrl = apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`;
  return options;
}

function healthRoute(services: AppServices): CustomRoute {
  return {
    path: healthPath,
    method: ['GET'],
    handler: (_request, response: ServerResponse) => {
      let status = 200;
      let body: Record<string, unknown>;
      try {
        body = { status: 'ok', articles: services.index.stats().articles };
      } catch (error) {
        services.logger.error('healthz: index unavailable', { error: describeError(error) });
        status = 503;
        body = { status: 'index_unavailable' };
      }
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    },
  };
}

function receiverFor(
  config: Config,
  services: AppServices,
  clientOptions: webApi.WebClientOptions,
  logger: ReturnType<typeof boltLogger>,
  overrides: AppOverrides,
): Receiver {
  if (overrides.receiver) return overrides.receiver;
  switch (config.mode) {
    case 'socket':
      return new SocketModeReceiver({
        appToken: config.slack.appToken!,
        logger,
        // The Socket Mode client opens its connection with apps.connections.open at SLACK_API_URL.
        installerOptions: { clientOptions },
      });
    case 'http':
      return new HTTPReceiver({
        signingSecret: config.slack.signingSecret!,
        endpoints: eventsPath,
        port: config.port,
        customRoutes: [healthRoute(services)],
        logger,
        // Ack first: listeners answer through response_url or the Web API afterwards.
        processBeforeResponse: false,
      });
    case 'console':
      throw new Error('createApp: console mode needs a receiver (see src/console)');
  }
}

/**
 * The Bolt app for `config.mode`, with Readout's listeners registered and the bot token checked
 * (auth.test): a wrong token rejects here, as a Slack API error, rather than on the first event.
 *
 * @example
 * const app = await createApp(config, { index, logger });
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
    receiver: receiverFor(config, services, clientOptions, logger, overrides),
    logger,
    clientOptions,
    // Without this Bolt starts auth.test in the constructor and a rejection goes unhandled.
    deferInitialization: true,
  });
  await app.init();
  registerListeners(app, { index: services.index, config, logger: services.logger });
  app.error(async (error) => {
    // The backstop: listeners handle their own failures, so anything here is a bug.
    services.logger.error('slack: unhandled error in a listener', { error: describeError(error) });
  });
  return app;
}
