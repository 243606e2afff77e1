/**
 * Delivering a payload to the app under test the way Slack does, over either transport:
 * a signed HTTP POST to its request URL, or an envelope on the Socket Mode WebSocket.
 */
import type { Payload } from './payloads.js';
import { signedHeaders } from './signing.js';
import type { SlackStandIn } from './stand-in.js';

export interface Delivered {
  /** HTTP status of the app's response (HTTP transport). */
  status?: number;
  /** The app's acknowledgement body, when it sent one. */
  ack?: unknown;
}

export interface Delivery {
  readonly transport: 'http' | 'socket';
  deliver(payload: Payload): Promise<Delivered>;
}

/** The body and content type Slack uses for each kind of payload over HTTP. */
export function httpBody(payload: Payload): { body: string; contentType: string } {
  switch (payload.kind) {
    case 'command':
      return {
        body: new URLSearchParams(payload.body).toString(),
        contentType: 'application/x-www-form-urlencoded',
      };
    case 'event':
      return { body: JSON.stringify(payload.body), contentType: 'application/json' };
    case 'interaction':
      return {
        body: new URLSearchParams({ payload: JSON.stringify(payload.body) }).toString(),
        contentType: 'application/x-www-form-urlencoded',
      };
  }
}

/** POSTs a raw body with the given headers; resolves with status and body text. */
export async function post(url: string, body: string, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text() };
}

export function httpDelivery(requestUrl: string, signingSecret: string): Delivery {
  return {
    transport: 'http',
    async deliver(payload) {
      const { body, contentType } = httpBody(payload);
      const headers = signedHeaders(signingSecret, body, contentType);
      if (payload.kind === 'event' && payload.retryNum) {
        headers['X-Slack-Retry-Num'] = String(payload.retryNum);
        headers['X-Slack-Retry-Reason'] = 'http_timeout';
      }
      const { status, text } = await post(requestUrl, body, headers);
      let ack: unknown;
      if (text) {
        try {
          ack = JSON.parse(text);
        } catch {
          ack = text;
        }
      }
      return { status, ack };
    },
  };
}

export function socketDelivery(standIn: SlackStandIn): Delivery {
  return {
    transport: 'socket',
    async deliver(payload) {
      switch (payload.kind) {
        case 'command':
          return { ack: await standIn.sendEnvelope('slash_commands', payload.body) };
        case 'event':
          return {
            ack: await standIn.sendEnvelope('events_api', payload.body, { retryAttempt: payload.retryNum }),
          };
        case 'interaction':
          return { ack: await standIn.sendEnvelope('interactive', payload.body) };
      }
    },
  };
}
