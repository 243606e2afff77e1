/**
 * Payloads checked at the edge, before Bolt or the Socket Mode client read them: both assume a
 * well-formed object and throw outside any handler otherwise (a signed HTTP body `null`, a
 * Socket Mode frame `null`, an events_api envelope without its event), which would end the
 * process. A malformed HTTP request is answered 400; a malformed envelope is acknowledged (so
 * Slack does not send it again) and dropped. A re-delivered envelope (same envelope_id) is
 * acknowledged again and not answered twice.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import {
  defaultBodyLimit,
  HTTPModuleFunctions,
  isRawBodyError,
  isValidSlackRequest,
  type SocketModeReceiver,
} from '@slack/bolt';
import type { Logger } from '../../log.js';
import { SeenEvents } from './rate-limiter.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why a Slack payload (an HTTP body, or an envelope's payload) cannot be handled; undefined when it can. */
export function malformedPayload(payload: unknown): string | undefined {
  if (!isObject(payload))
    return `the payload is ${payload === null ? 'null' : typeof payload}, not an object`;
  if (
    payload.type === 'event_callback' &&
    !(isObject(payload.event) && typeof payload.event.type === 'string')
  ) {
    return 'an event_callback without an event';
  }
  return undefined;
}

/** Why a Socket Mode frame cannot be handled; undefined when it can (hello and disconnect included). */
export function malformedEnvelope(frame: unknown): string | undefined {
  if (!isObject(frame)) return `the frame is ${frame === null ? 'null' : typeof frame}, not an envelope`;
  if (typeof frame.type !== 'string') return 'an envelope without a type';
  if (frame.type === 'hello' || frame.type === 'disconnect') return undefined;
  if (typeof frame.envelope_id !== 'string') return `a ${frame.type} envelope without an envelope_id`;
  if (frame.type === 'events_api') {
    const payload = frame.payload;
    if (!(isObject(payload) && isObject(payload.event) && typeof payload.event.type === 'string')) {
      return 'an events_api envelope without an event';
    }
    return undefined;
  }
  return malformedPayload(frame.payload);
}

/** The parsed body of a buffered HTTP request as Bolt will parse it; undefined when it does not parse. */
function parsedBody(rawBody: Buffer, contentType: string | undefined): unknown {
  const text = rawBody.toString('utf8');
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const fields = parseQuery(text);
      return typeof fields.payload === 'string' ? JSON.parse(fields.payload) : fields;
    }
    return JSON.parse(text);
  } catch {
    return undefined; // Bolt answers 400 for a body that does not parse.
  }
}

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Wraps Bolt's HTTP request listener: reads the body first (Bolt reuses it), and answers a
 * well-formed JSON body that is not a payload object with 400 when it is correctly signed (401
 * when not), instead of letting Bolt throw on it.
 */
export function checkedHttpListener(
  bolt: Listener,
  signingSecret: string,
  logger: Logger,
  isEvents: (request: IncomingMessage) => boolean,
): Listener {
  return (request, response) => {
    if (request.method !== 'POST' || !isEvents(request)) return bolt(request, response);
    HTTPModuleFunctions.bufferIncomingMessage(request, defaultBodyLimit).then(
      (buffered) => {
        const body = parsedBody(buffered.rawBody, request.headers['content-type']);
        const problem = body === undefined ? undefined : malformedPayload(body);
        if (!problem) return bolt(buffered, response);
        const signed = isValidSlackRequest({
          signingSecret,
          body: buffered.rawBody.toString('utf8'),
          headers: {
            'x-slack-signature': String(request.headers['x-slack-signature'] ?? ''),
            'x-slack-request-timestamp': Number(request.headers['x-slack-request-timestamp']),
          },
        });
        if (signed) logger.warn(`slack: rejected a malformed request (${problem})`);
        response.writeHead(signed ? 400 : 401);
        response.end();
      },
      (error: unknown) => {
        const tooLarge = isRawBodyError(error) && (error as { statusCode?: number }).statusCode === 413;
        if (!tooLarge) logger.warn('slack: could not read a request body');
        response.writeHead(tooLarge ? 413 : 400, { Connection: 'close' });
        response.end();
      },
    );
  };
}

/**
 * Puts the checks in front of the Socket Mode client's message handler: malformed envelopes are
 * acknowledged and dropped, re-delivered ones acknowledged and not answered again.
 */
export function checkSocketModeFrames(receiver: SocketModeReceiver, logger: Logger): void {
  const client = receiver.client as unknown as {
    listeners(event: 'ws_message'): Array<(data: unknown, isBinary: boolean) => unknown>;
    removeAllListeners(event: 'ws_message'): void;
    on(event: 'ws_message', listener: (data: unknown, isBinary: boolean) => void): void;
    send(envelopeId: string, body?: Record<string, unknown>): Promise<void>;
  };
  const handlers = client.listeners('ws_message');
  client.removeAllListeners('ws_message');
  const answered = new SeenEvents(60 * 60 * 1000);
  client.on('ws_message', (data, isBinary) => {
    const forward = () => {
      for (const handler of handlers) void Promise.resolve(handler(data, isBinary));
    };
    if (isBinary) return forward(); // ignored by the client itself
    let frame: unknown;
    try {
      frame = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
    } catch {
      return forward(); // the client logs and ignores what does not parse
    }
    const envelopeId =
      isObject(frame) && typeof frame.envelope_id === 'string' ? frame.envelope_id : undefined;
    const ack = () => {
      if (envelopeId)
        client.send(envelopeId).catch(() => logger.warn('slack: could not acknowledge an envelope'));
    };
    const problem = malformedEnvelope(frame);
    if (problem) {
      logger.warn(`slack: ignored a malformed Socket Mode envelope (${problem})`);
      return ack();
    }
    if (envelopeId && !answered.firstTime(envelopeId)) {
      logger.info('readout: ignored a re-delivered envelope', { envelopeId });
      return ack();
    }
    forward();
  });
}
