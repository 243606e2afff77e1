/**
 * Payloads shaped like the ones Slack sends: a slash command, an events_api callback
 * (app_mention, app_home_opened) and a block_actions interaction. Field names and nesting follow
 * Slack's documentation; values are the stand-in's workspace.
 */
export const workspace = {
  teamId: 'T0NEWSROOM',
  teamDomain: 'newsroom',
  appId: 'A0READOUT',
  botUserId: 'U0READOUT',
  botId: 'B0READOUT',
} as const;

export interface CommandPayload {
  kind: 'command';
  body: Record<string, string>;
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

export interface EventCallback {
  token: string;
  team_id: string;
  api_app_id: string;
  type: 'event_callback';
  event_id: string;
  event_time: number;
  event: Record<string, unknown>;
  authorizations?: unknown[];
  [key: string]: unknown;
}

let sequence = 0;
function nextId(prefix: string): string {
  sequence += 1;
  return `${prefix}${Date.now().toString(36).toUpperCase()}${sequence}`;
}

/** A message timestamp ('seconds.micros'), unique and increasing within a run. */
export function nextTs(): string {
  sequence += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(sequence).padStart(6, '0')}`;
}

/** Escapes text the way Slack does in message text it sends to apps. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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
    body: {
      token: 'legacy-verification-token',
      team_id: workspace.teamId,
      team_domain: workspace.teamDomain,
      channel_id: options.channelId ?? 'C0NEWSDESK',
      channel_name: 'newsdesk',
      user_id: options.userId ?? 'U0REPORTER',
      user_name: 'reporter',
      command: options.command ?? '/readout',
      text: slackEscape(options.text),
      api_app_id: workspace.appId,
      is_enterprise_install: 'false',
      response_url: options.responseUrl,
      trigger_id: nextId('TRIGGER'),
    },
  };
}

export function eventCallback(
  event: Record<string, unknown>,
  options: { eventId?: string; retryNum?: number } = {},
): EventPayload {
  return {
    kind: 'event',
    retryNum: options.retryNum,
    body: {
      token: 'legacy-verification-token',
      team_id: workspace.teamId,
      api_app_id: workspace.appId,
      type: 'event_callback',
      event_id: options.eventId ?? nextId('Ev'),
      event_time: Math.floor(Date.now() / 1000),
      event,
      authorizations: [
        { enterprise_id: null, team_id: workspace.teamId, user_id: workspace.botUserId, is_bot: true },
      ],
      is_ext_shared_channel: false,
    },
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
  const ts = options.ts ?? nextTs();
  return eventCallback(
    {
      type: 'app_mention',
      user: options.userId ?? 'U0REPORTER',
      text: `<@${workspace.botUserId}> ${slackEscape(options.text)}`.trimEnd(),
      ts,
      channel: options.channel ?? 'C0NEWSDESK',
      event_ts: ts,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    },
    { eventId: options.eventId, retryNum: options.retryNum },
  );
}

export function appHomeOpened(options: { userId?: string } = {}): EventPayload {
  return eventCallback({
    type: 'app_home_opened',
    user: options.userId ?? 'U0REPORTER',
    channel: 'D0READOUT',
    tab: 'home',
    event_ts: nextTs(),
  });
}

/** A button press on a message; `button` is the element as the app sent it. */
export function buttonPress(options: {
  button: { action_id?: string; value?: string; text?: unknown };
  blockId?: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  messageTs?: string;
  ephemeral?: boolean;
}): InteractionPayload {
  const channelId = options.channelId ?? 'C0NEWSDESK';
  const messageTs = options.messageTs ?? nextTs();
  return {
    kind: 'interaction',
    body: {
      type: 'block_actions',
      user: {
        id: options.userId ?? 'U0REPORTER',
        username: 'reporter',
        name: 'reporter',
        team_id: workspace.teamId,
      },
      api_app_id: workspace.appId,
      token: 'legacy-verification-token',
      container: {
        type: 'message',
        message_ts: messageTs,
        channel_id: channelId,
        is_ephemeral: options.ephemeral ?? true,
      },
      trigger_id: nextId('TRIGGER'),
      team: { id: workspace.teamId, domain: workspace.teamDomain },
      enterprise: null,
      is_enterprise_install: false,
      channel: { id: channelId, name: 'newsdesk' },
      state: { values: {} },
      response_url: options.responseUrl,
      actions: [
        {
          type: 'button',
          action_id: options.button.action_id ?? '',
          block_id: options.blockId ?? 'readout_actions',
          text: options.button.text ?? { type: 'plain_text', text: options.button.action_id ?? '' },
          value: options.button.value,
          action_ts: `${Date.now() / 1000}`,
        },
      ],
    },
  };
}
