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
import type { Logger } from '../../log.js';
import type { boltLogger } from './bolt-logger.js';
import { checkedHttpListener, checkSocketModeFrames } from './edge-checks.js';

/** What a health check of the index found (readout.ts `IndexHealth`: totals and a probe search). */
export type HealthReport =
  | { searchable: true; [found: string]: unknown }
  | { searchable: false; problem: string };

/** What the receivers need: a health check of the index for /healthz, and a logger. */
export interface ReceiverServices {
  readout: { health(): Promise<HealthReport> };
  logger: Logger;
}

/** The path Slack posts commands, events and interactivity to in HTTP mode. */
export const eventsPath = '/slack/events';
export const healthPath = '/healthz';

/**
 * GET (or HEAD) /healthz: 200 with what a real search of the index found, or 503 when the index
 * cannot be searched (missing, replaced by something unusable, damaged, another schema). The
 * reason goes to the log, not to whoever asks.
 */
function healthRoute(services: ReceiverServices): CustomRoute {
  return {
    path: healthPath,
    method: ['GET', 'HEAD'],
    handler: (_request, response: ServerResponse) => {
      const reply = (status: number, body: Record<string, unknown>) => {
        response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        response.end(JSON.stringify(body));
      };
      services.readout.health().then(
        (health) => {
          if (health.searchable) {
            const { searchable: _, ...found } = health;
            reply(200, { status: 'ok', ...found });
          } else {
            services.logger.error('healthz: the index cannot be searched', { problem: health.problem });
            reply(503, { status: 'index_unavailable' });
          }
        },
        (error: unknown) => {
          services.logger.error('healthz: failed', { error: describeError(error) });
          reply(503, { status: 'index_unavailable' });
        },
      );
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
  const verified = checkedHttpListener(
    receiver.requestListener,
    config.slack.signingSecret!,
    services.logger,
    (request) => new URL(request.url ?? '/', 'http://readout').pathname === eventsPath,
  );
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
    case 'socket': {
      const receiver = new SocketModeReceiver({
        appToken: config.slack.appToken!,
        logger,
        // The Socket Mode client opens its connection with apps.connections.open at SLACK_API_URL.
        installerOptions: { clientOptions },
      });
      checkSocketModeFrames(receiver, services.logger);
      return receiver;
    }
    case 'http':
      return httpReceiver(config, services, logger);
    case 'console':
      throw new Error('createApp: console mode needs a receiver (see src/console)');
  }
}
