/**
 * What listeners are given (services passed in, never imported singletons) and the steps every
 * listener shares: may this user ask here and now, and run the one readout path with its
 * failures turned into something a reporter can read.
 */

import type { AllMiddlewareArgs, RespondFn, SlackCommandMiddlewareArgs, webApi } from '@slack/bolt';
import type { Config } from '../../config.js';
import type { Logger } from '../../log.js';
import {
  type ComparisonResult,
  defaultPageSize,
  type ReadoutFailure,
  type ReadoutResult,
  type ReadoutService,
  type TimelineResult,
} from '../../readout.js';
import type { StateStore } from '../../state/state-store.js';
import { RateLimiter, SeenEvents } from '../transport/rate-limiter.js';
import { slackErrorCode, slackFailureContext } from '../transport/slack-errors.js';
import type { SlackMessage } from '../ui/limits.js';
import { mentionChannel } from '../ui/mrkdwn.js';
import { renderNotice } from '../ui/render-answer.js';
import type { UsageExamples } from '../ui/render-help.js';

/** What listeners are given: the readout path, the bot's state, the settings they read, the logger. */
export interface ListenerServices {
  readout: ReadoutService;
  /** Saved searches and feedback (the bot's own database). */
  state: StateStore;
  config: Pick<Config, 'rateLimit' | 'channels'>;
  logger: Logger;
  /** Example queries for help and the Home tab (the console's work on the sample archive). */
  usageExamples?: UsageExamples;
  now?: () => Date;
}

/** What Bolt passes a slash command listener. */
export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** Services plus the per-app state listeners share (rate limits, events already answered). */
export interface ListenerContext extends ListenerServices {
  rateLimiter: RateLimiter;
  seenEvents: SeenEvents;
}

/** The current time as stored in the state database. */
export function timestamp(context: ListenerServices): string {
  return (context.now ?? (() => new Date()))().toISOString();
}

export function createListenerContext(services: ListenerServices): ListenerContext {
  return {
    ...services,
    rateLimiter: new RateLimiter(services.config.rateLimit),
    seenEvents: new SeenEvents(),
  };
}

/**
 * Why Readout will not answer this request, as a polite notice; undefined when it may. Checks
 * the channel allow-list first (it does not use up the user's allowance), then the rate limit.
 */
export function refusal(
  context: ListenerContext,
  request: { userId: string; channelId?: string },
): SlackMessage | undefined {
  const allowed = context.config.channels;
  if (allowed && !(request.channelId && allowed.includes(request.channelId))) {
    const where = allowed.map(mentionChannel).join(', ');
    return renderNotice(
      `Sorry, Readout only answers in ${where}. Ask there, or ask an admin to add this channel.`,
    );
  }
  const waitSeconds = context.rateLimiter.take(request.userId);
  if (waitSeconds > 0) {
    const { requests, perSeconds } = context.config.rateLimit;
    return renderNotice(
      `You have asked ${requests} questions in the last ${perSeconds} seconds, which is as many as Readout answers. Please try again in ${waitSeconds} seconds.`,
    );
  }
  return undefined;
}

/**
 * Runs the one readout path for a page of results. A failure (the index damaged or replaced, or
 * a bug) is logged here with the listener's context; the renderer turns it into a short notice.
 */
export async function searchArchive(
  context: ListenerContext,
  text: string,
  offset: number,
  logContext: Record<string, unknown>,
): Promise<ReadoutResult> {
  const result = await context.readout.answer(text, { offset, limit: defaultPageSize });
  if (result.kind === 'failed') logFailure(context, result, logContext);
  return result;
}

/** The timeline of a query from `offset` (`/readout timeline`, its Earlier and Later), failures logged. */
export async function timelineArchive(
  context: ListenerContext,
  text: string,
  offset: number,
  logContext: Record<string, unknown>,
): Promise<TimelineResult> {
  const result = await context.readout.timeline(text, { offset });
  if (result.kind === 'failed') logFailure(context, result, { ...logContext, timeline: true });
  return result;
}

/** `/readout compare`: the accounts of the event `offset` picks, a failure logged as searchArchive does. */
export async function compareInArchive(
  context: ListenerContext,
  text: string,
  offset: number,
  logContext: Record<string, unknown>,
): Promise<ComparisonResult> {
  const result = await context.readout.compare(text, { offset });
  if (result.kind === 'failed') logFailure(context, result, { ...logContext, compare: true });
  return result;
}

function logFailure(
  context: ListenerContext,
  failure: ReadoutFailure,
  logContext: Record<string, unknown>,
): void {
  // Too slow and busy are the bot doing its job under load; the others need someone to look.
  const messages = {
    index_unavailable: 'readout: search failed',
    too_slow: 'readout: search stopped at its time budget',
    busy: 'readout: too many searches waiting',
    unexpected: 'readout: unexpected search failure',
  } as const;
  const log = failure.reason === 'too_slow' || failure.reason === 'busy' ? 'warn' : 'error';
  context.logger[log](messages[failure.reason], { ...logContext, error: failure.detail });
}

/**
 * chat.postMessage that degrades rather than leaving the reporter with nothing: when Slack
 * rejects the blocks (`invalid_blocks`, a rendering bug we log), the fallback text (which holds
 * the first passage) is posted alone. Resolves with the Slack error code when nothing was posted.
 */
export async function postMessage(
  context: ListenerContext,
  client: webApi.WebClient,
  message: webApi.ChatPostMessageArguments & SlackMessage,
  where: Record<string, unknown>,
  /** For the log, e.g. 'reply to a mention'. */
  what: string,
): Promise<string | undefined> {
  try {
    await client.chat.postMessage(message);
    return undefined;
  } catch (error) {
    const code = slackErrorCode(error);
    context.logger.error(`readout: could not ${what}`, slackFailureContext('chat.postMessage', error, where));
    if (code !== 'invalid_blocks') return code;
  }
  try {
    const { blocks: _rejected, ...textOnly } = message;
    await client.chat.postMessage(textOnly as webApi.ChatPostMessageArguments);
    return undefined;
  } catch (error) {
    context.logger.error(
      `readout: could not ${what}, not even as text alone`,
      slackFailureContext('chat.postMessage', error, where),
    );
    return slackErrorCode(error);
  }
}

/**
 * Sends private messages through a response_url (a command's, or the conversation a form chose);
 * a failure is logged as "could not {what}", not thrown: there is nobody left to tell.
 */
export function privateResponder(
  context: ListenerContext,
  respond: RespondFn,
  where: Record<string, unknown>,
  what: string,
): (message: SlackMessage) => Promise<void> {
  return async (message) => {
    try {
      await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
    } catch (error) {
      context.logger.error(`readout: could not ${what}`, slackFailureContext('response_url', error, where));
    }
  };
}
