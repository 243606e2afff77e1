/**
 * The stand-in's payloads: the builders the console uses (src/terminal/slack-payloads.ts), with
 * the stand-in's newsroom workspace, fresh IDs, and a `kind` saying how each one travels
 * (deliver.ts signs and sends it over HTTP or Socket Mode).
 */
import {
  appHomeOpenedEvent,
  appMentionEvent,
  blockActionsPayload,
  type EventCallbackBody,
  eventCallbackPayload,
  messageTs,
  type PressedButton,
  type SlackWorkspace,
  type SlashCommandBody,
  slashCommandPayload,
} from '../../../src/terminal/slack-payloads.js';

export { slackEscape } from '../../../src/terminal/slack-payloads.js';
export type EventCallback = EventCallbackBody;

export const workspace = {
  teamId: 'T0NEWSROOM',
  teamDomain: 'newsroom',
  appId: 'A0READOUT',
  botUserId: 'U0READOUT',
  botId: 'B0READOUT',
  userId: 'U0REPORTER',
  userName: 'reporter',
  channelId: 'C0NEWSDESK',
  channelName: 'newsdesk',
  homeChannelId: 'D0READOUT',
  verificationToken: 'legacy-verification-token',
} as const satisfies SlackWorkspace & { botId: string };

export interface CommandPayload {
  kind: 'command';
  body: SlashCommandBody;
}
export interface EventPayload {
  kind: 'event';
  body: EventCallback;
  retryNum?: number;
}
export interface InteractionPayload {
  kind: 'interaction';
  body: Record<string, unknown>;
}
export type Payload = CommandPayload | EventPayload | InteractionPayload;

let sequence = 0;
function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}${Date.now().toString(36).toUpperCase()}${sequence}`;
}

/** A message timestamp ('seconds.micros'), unique and increasing within a run. */
export function nextTs(): string {
  sequence += 1;
  return messageTs(sequence);
}

export function slashCommand(options: {
  text: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  command?: string;
}): CommandPayload {
  return {
    kind: 'command',
    body: slashCommandPayload(workspace, { ...options, triggerId: nextId('TRIGGER') }),
  };
}

export function eventCallback(
  event: Record<string, unknown>,
  options: { eventId?: string; retryNum?: number } = {},
): EventPayload {
  return {
    kind: 'event',
    retryNum: options.retryNum,
    body: eventCallbackPayload(workspace, event, { eventId: options.eventId ?? nextId('Ev') }),
  };
}

/** An app_mention event; `text` is what the user typed after the mention. */
export function appMention(options: {
  text: string;
  channel?: string;
  userId?: string;
  ts?: string;
  threadTs?: string;
  eventId?: string;
  retryNum?: number;
}): EventPayload {
  const event = appMentionEvent(workspace, {
    text: options.text,
    ts: options.ts ?? nextTs(),
    userId: options.userId,
    channelId: options.channel,
    threadTs: options.threadTs,
  });
  return eventCallback(event, { eventId: options.eventId, retryNum: options.retryNum });
}

export function appHomeOpened(options: { userId?: string } = {}): EventPayload {
  return eventCallback(appHomeOpenedEvent(workspace, { eventTs: nextTs(), userId: options.userId }));
}

/** A button press on a message; `button` is the element as the app sent it. */
export function buttonPress(options: {
  button: PressedButton;
  blockId?: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  messageTs?: string;
  ephemeral?: boolean;
}): InteractionPayload {
  return {
    kind: 'interaction',
    body: blockActionsPayload(workspace, {
      ...options,
      messageTs: options.messageTs ?? nextTs(),
      triggerId: nextId('TRIGGER'),
    }),
  };
}
