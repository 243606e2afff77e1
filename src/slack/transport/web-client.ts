/**
 * The Slack Web API client's options: where it calls, how long it waits, and when it retries.
 */
import type { webApi } from '@slack/bolt';
import { type Config, secretsOf } from '../../config.js';
import { redact } from '../../log.js';
import { slackSaysRetry } from './slack-errors.js';

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
 * A request body with the bot's own secrets taken out, or the body itself when it holds none.
 * Every message Readout sends — Web API calls and response_url posts — passes through here, so
 * an archive file that holds a token (a copy of `.env` that got in) is quoted with `[redacted]`.
 * Form bodies are redacted value by value and JSON bodies string by string, so what is sent
 * stays well-formed; the token Slack needs travels in the Authorization header, untouched.
 */
export function redactBody(body: unknown, secrets: readonly string[]): unknown {
  if (typeof body !== 'string' || redact(body, secrets) === body) return body;
  try {
    return JSON.stringify(JSON.parse(body), (_key, value) =>
      typeof value === 'string' ? redact(value, secrets) : value,
    );
  } catch {
    // Not JSON: a form body (the Web API client's), its values percent-decoded.
    const form = new URLSearchParams(body);
    for (const [key, value] of [...form]) form.set(key, redact(value, secrets));
    return form.toString();
  }
}

/** `fetch` that sends no secret in a request body (see `redactBody`). */
export function fetchWithoutSecrets(
  base: webApi.FetchFunction,
  secrets: readonly string[],
): webApi.FetchFunction {
  return (url, init) =>
    base(
      url,
      init?.body === undefined ? init : ({ ...init, body: redactBody(init.body, secrets) } as typeof init),
    );
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
    fetch: fetchWithoutSecrets(
      fetchWithTimeout(overrides.fetch ?? (globalThis.fetch as webApi.FetchFunction), timeout),
      secretsOf(config),
    ),
  };
  const apiUrl = overrides.slackApiUrl ?? config.slack.apiUrl;
  // WebClient appends method names directly to the base URL.
  if (apiUrl) options.slackApiUrl = apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`;
  return options;
}
