/**
 * Making sense of Slack Web API failures: which error it was (for the log) and, where the person
 * can do something about it, what to tell them.
 */
import { describeError } from '../../errors.js';

/**
 * A short code for a failed Slack call: the platform's `error` (e.g. 'not_in_channel'),
 * 'ratelimited', 'http_NNN', 'network', or 'unknown'.
 */
export function slackErrorCode(error: unknown): string {
  const failure = error as {
    code?: unknown;
    data?: { error?: unknown };
    statusCode?: unknown;
    original?: unknown;
  };
  switch (failure?.code) {
    case 'slack_webapi_platform_error':
      return typeof failure.data?.error === 'string' ? failure.data.error : 'platform_error';
    case 'slack_webapi_rate_limited_error':
      return 'ratelimited';
    case 'slack_webapi_http_error':
      return `http_${String(failure.statusCode)}`;
    case 'slack_webapi_request_error':
      // The Web API client reports a 429 it waited out as a request error wrapping this message.
      return isRateLimitMessage(failure.original) ? 'ratelimited' : 'network';
    case 'slack_bolt_respond_error':
      return `response_url_${String(failure.statusCode ?? 'failed')}`;
    default:
      return isRateLimitMessage(error) ? 'ratelimited' : 'unknown';
  }
}

function isRateLimitMessage(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('A rate limit was exceeded');
}

// Connection failures where the request cannot have reached Slack, so sending it again is safe.
const neverSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Whether a failed Web API attempt may be tried again: when Slack said so (HTTP 429, after its
 * Retry-After, which the client has already waited) or when the request never left this machine.
 * Not after a timeout, a 5xx or a dropped connection: Slack may have carried the call out, and
 * posting an answer again would show it twice.
 */
export function slackSaysRetry(error: unknown): boolean {
  if (slackErrorCode(error) === 'ratelimited') return true;
  const original = (error as { code?: unknown; original?: { cause?: { code?: unknown } } }) ?? {};
  if (original.code !== 'slack_webapi_request_error') return false;
  const cause = original.original?.cause?.code;
  return typeof cause === 'string' && neverSentCodes.has(cause);
}

/** Codes meaning the bot is not a member of the conversation it tried to use. */
const notMemberCodes = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

/** A message for the person when they can fix the failure, else undefined. */
export function userFixFor(code: string): string | undefined {
  if (notMemberCodes.has(code)) {
    return 'I am not a member of this channel, so I cannot post or read here. Invite me with `/invite @Readout` and try again.';
  }
  if (code === 'ratelimited') return 'Slack is asking me to slow down. Please try again in a minute.';
  return undefined;
}

/** Context for a log line about a failed Slack call. */
export function slackFailureContext(method: string, error: unknown, context: Record<string, unknown> = {}) {
  return { method, slackError: slackErrorCode(error), detail: describeError(error), ...context };
}
