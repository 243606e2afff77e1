/**
 * Builds the Bolt app for the configured transport and registers Readout's listeners on it.
 *
 * Transport is not logic: the three receivers only move payloads.
 *   socket   SocketModeReceiver: a WebSocket opened with the app token (no public URL needed)
 *   http     HTTPReceiver: POST /slack/events for commands, events and interactivity, GET /healthz
 *   console  a receiver passed in by src/console (lines from a terminal become Slack payloads)
 * Every mode runs the same listeners (src/listeners), which call the one `readout()` path.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  App,
  type CustomRoute,
  HTTPReceiver,
  type Receiver,
  SocketModeReceiver,
  type webApi,
} from '@slack/bolt';
import type { Config } from '../../config.js';
import { describeError } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { SearchIndex } from '../../search/search-index.js';
import { registerListeners } from '../listeners/index.js';
import { boltLogger } from './bolt-logger.js';
import type { InFlight } from './in-flight.js';
import { slackSaysRetry } from './slack-errors.js';

/** What the app and its listeners are given (passed in, never imported singletons). */
export interface AppServices {
  search: SearchIndex;
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

/** The path Slack posts commands, events and interactivity to in HTTP mode. */
export const eventsPath = '/slack/events';
export const healthPath = '/healthz';

/** How long one Web API call or response_url post may take before Readout gives up on it. */
export const slackCallTimeoutMs = 15_000;

/**
 * `fetch` that gives up after `timeoutMs` unless the caller set its own deadline. Bolt's
 * respond() posts to response_url with the client's fetch and no deadline of its own: a
 * response_url that never answers would hold the listener (and a clean shutdown) forever.
 */
export function fetchWithTimeout(base: webApi.FetchFunction, timeoutMs: number): webApi.FetchFunction {
  return (url, init) => base(url, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });
}

/**
 * Web API options: SLACK_API_URL when set, retries only where Slack says to (see
 * `slackSaysRetry`: after a 429's Retry-After, never after a timeout that may have posted the
 * answer already), and deadlines short enough for someone waiting.
 */
export function webClientOptions(
  config: Config,
  overrides: webApi.WebClientOptions = {},
): webApi.WebClientOptions {
  const timeout = overrides.timeout ?? slackCallTimeoutMs;
  // The client hands retryConfig to p-retry as it is; p-retry's onFailedAttempt (absent from the
  // client's type) ends the retries by throwing.
  const retryConfig: webApi.RetryOptions & { onFailedAttempt: (error: Error) => void } = {
    retries: 3,
    factor: 2,
    minTimeout: 200,
    maxTimeout: 3000,
    onFailedAttempt: (error) => {
      if (!slackSaysRetry(error)) throw error;
    },
  };
  const options: webApi.WebClientOptions = {
    retryConfig,
    timeout,
    ...overrides,
    fetch: fetchWithTimeout(overrides.fetch ?? (globalThis.fetch as webApi.FetchFunction), timeout),
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
        body = { status: 'ok', articles: services.search.stats().articles };
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

/** Slack's tolerance for a request timestamp, either side of now (Bolt checks only the past). */
const requestTimestampToleranceSeconds = 5 * 60;

/**
 * Whether a request claims to be signed further in the future than Slack's tolerance. Bolt
 * rejects stale timestamps but not future ones, and a signature made for a time far ahead
 * would stay replayable for as long as it takes to get there.
 */
export function signedInTheFuture(request: IncomingMessage, nowMs = Date.now()): boolean {
  const header = request.headers['x-slack-request-timestamp'];
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(seconds) && seconds > Math.floor(nowMs / 1000) + requestTimestampToleranceSeconds;
}

function httpReceiver(config: Config, services: AppServices, logger: ReturnType<typeof boltLogger>) {
  const receiver = new HTTPReceiver({
    signingSecret: config.slack.signingSecret!,
    endpoints: eventsPath,
    port: config.port,
    customRoutes: [healthRoute(services)],
    logger,
    // Ack first: listeners answer through response_url or the Web API afterwards.
    processBeforeResponse: false,
  });
  const verified = receiver.requestListener;
  receiver.requestListener = (request, response) => {
    if (request.method === 'POST' && signedInTheFuture(request)) {
      services.logger.warn('slack: rejected a request timestamped in the future', {
        path: request.url,
        timestamp: request.headers['x-slack-request-timestamp'],
      });
      response.writeHead(401);
      response.end();
      return;
    }
    verified(request, response);
  };
  return receiver;
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
      return httpReceiver(config, services, logger);
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
  const inFlight = services.inFlight;
  // Registered before the listeners: the middleware's next() resolves when they have answered.
  if (inFlight) app.use(({ next }) => inFlight.track(next));
  registerListeners(app, { search: services.search, config, logger: services.logger });
  app.error(async (error) => {
    // The backstop: listeners handle their own failures, so anything here is a bug.
    services.logger.error('slack: unhandled error in a listener', { error: describeError(error) });
  });
  return app;
}
