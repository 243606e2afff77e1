import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { signedInTheFuture } from '../../../src/slack/transport/receivers.js';
import { slackErrorCode, slackSaysRetry } from '../../../src/slack/transport/slack-errors.js';

const platform = (error: string) => ({ code: 'slack_webapi_platform_error', data: { ok: false, error } });
const requestError = (original: unknown) => ({ code: 'slack_webapi_request_error', original });
const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
const reset = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
const timedOut = Object.assign(new Error('The operation was aborted due to timeout'), {
  name: 'TimeoutError',
});
const rateLimited = new Error(
  'A rate limit was exceeded (url: http://x/api/chat.postMessage, retry-after: 1)',
);

describe('slackErrorCode', () => {
  it.each<[string, unknown, string]>([
    ['a platform error', platform('not_in_channel'), 'not_in_channel'],
    ['an HTTP error', { code: 'slack_webapi_http_error', statusCode: 500 }, 'http_500'],
    ['a 429 the client waited out', requestError(rateLimited), 'ratelimited'],
    ['a rejected rate-limited call', { code: 'slack_webapi_rate_limited_error' }, 'ratelimited'],
    ['a timeout', requestError(timedOut), 'network'],
    ['a refused response_url', { code: 'slack_bolt_respond_error', statusCode: 404 }, 'response_url_404'],
    ['anything else', new Error('boom'), 'unknown'],
  ])('names %s', (_name, error, code) => {
    expect(slackErrorCode(error)).toBe(code);
  });
});

describe('slackSaysRetry', () => {
  it.each<[string, unknown, boolean]>([
    ['a 429 after its Retry-After', requestError(rateLimited), true],
    ['a connection refused (never sent)', requestError(refused), true],
    ['a connection reset (perhaps carried out)', requestError(reset), false],
    ['a timeout (perhaps carried out)', requestError(timedOut), false],
    ['an HTTP 500', { code: 'slack_webapi_http_error', statusCode: 500 }, false],
    ['a platform error', platform('invalid_blocks'), false],
  ])('retries %s: %s', (_name, error, retry) => {
    expect(slackSaysRetry(error)).toBe(retry);
  });
});

describe('signedInTheFuture', () => {
  const now = 1_800_000_000_000;
  const at = (timestamp: string | undefined) =>
    ({
      headers: timestamp === undefined ? {} : { 'x-slack-request-timestamp': timestamp },
    }) as IncomingMessage;
  it.each<[string | undefined, boolean]>([
    [String(now / 1000), false],
    [String(now / 1000 + 300), false],
    [String(now / 1000 + 301), true],
    [String(now / 1000 + 86_400 * 365), true],
    [String(now / 1000 - 3600), false],
    ['soon', false],
    [undefined, false],
  ])('timestamp %s → %s', (timestamp, future) => {
    expect(signedInTheFuture(at(timestamp), now)).toBe(future);
  });
});
