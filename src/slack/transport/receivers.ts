/**
 * Transport is not logic: the three receivers only move payloads.
 *   socket   SocketModeReceiver: a WebSocket opened with the app token (no public URL needed)
 *   http     HTTPReceiver: POST /slack/events for commands, events and interactivity, GET /healthz
 *   console  a receiver passed in by src/terminal (lines from a terminal become Slack payloads)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CustomRoute, HTTPReceiver, type Receiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { Config } from '../../config.js';
import { describeError } from '../../errors.js';
import type { IndexStats } from '../../index/reader.js';
import type { Logger } from '../../log.js';
import type { boltLogger } from './bolt-logger.js';

/** What the receivers need: the index statistics for /healthz and a logger. */
export interface ReceiverServices {
  readout: { stats(): IndexStats };
  logger: Logger;
}

/** The path Slack posts commands, events and interactivity to in HTTP mode. */
export const eventsPath = '/slack/events';
export const healthPath = '/healthz';

function healthRoute(services: ReceiverServices): CustomRoute {
  return {
    path: healthPath,
    method: ['GET'],
    handler: (_request, response: ServerResponse) => {
      let status = 200;
      let body: Record<string, unknown>;
      try {
        body = { status: 'ok', articles: services.readout.stats().articles };
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

function httpReceiver(config: Config, services: ReceiverServices, logger: ReturnType<typeof boltLogger>) {
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

export function receiverFor(
  config: Config,
  services: ReceiverServices,
  clientOptions: webApi.WebClientOptions,
  logger: ReturnType<typeof boltLogger>,
  given: Receiver | undefined,
): Receiver {
  if (given) return given;
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
