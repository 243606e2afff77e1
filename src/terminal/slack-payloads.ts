/**
 * Payloads shaped like the ones Slack sends to an app: a slash command, an events_api callback
 * (app_mention, app_home_opened) and a block_actions interaction. Field names and nesting follow
 * Slack's documentation. The console turns typed lines into these; the tests' Slack stand-in
 * sends the same ones over HTTP and Socket Mode, so both exercise the payloads real Slack sends.
 *
 * Pure: every ID, timestamp and workspace value comes in as an argument (the clock defaults to
 * now). Only the body is built here; how it travels (signed HTTP, a Socket Mode envelope,
 * `app.processEvent`) is the caller's business.
 */

/** The workspace a payload comes from, and the defaults for who sends it and where. */
export interface SlackWorkspace {
  teamId: string;
  teamDomain: string;
  appId: string;
  /** The app's bot user, as `auth.test` names it (mentions are `<@botUserId>`). */
  botUserId: string;
  /** The person and channel a payload comes from unless a builder is told otherwise. */
  userId: string;
  userName: string;
  channelId: string;
  channelName: string;
  /** The direct-message conversation between the person and the app (its Home tab). */
  homeChannelId: string;
  /** The legacy verification token Slack still puts in payloads; Bolt does not check it. */
  verificationToken: string;
}

/** A slash command's form fields (Slack sends them url-encoded, or as a Socket Mode payload). */
export type SlashCommandBody = Record<string, string>;

/** An events_api `event_callback` wrapping one event. */
export interface EventCallbackBody {
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

/** Escapes text as Slack does in message and command text it sends to apps. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A message timestamp ('seconds.micros') for the `sequence`-th message of a run. */
export function messageTs(sequence: number, nowMs = Date.now()): string {
  return `${Math.floor(nowMs / 1000)}.${String(sequence).padStart(6, '0')}`;
}

/** `/readout <text>` as typed by the person in a channel; `text` is what they typed (unescaped). */
export function slashCommandPayload(
  workspace: SlackWorkspace,
  options: {
    text: string;
    responseUrl: string;
    triggerId: string;
    userId?: string;
    channelId?: string;
    command?: string;
  },
): SlashCommandBody {
  return {
    token: workspace.verificationToken,
    team_id: workspace.teamId,
    team_domain: workspace.teamDomain,
    channel_id: options.channelId ?? workspace.channelId,
    channel_name: workspace.channelName,
    user_id: options.userId ?? workspace.userId,
    user_name: workspace.userName,
    command: options.command ?? '/readout',
    text: slackEscape(options.text),
    api_app_id: workspace.appId,
    is_enterprise_install: 'false',
    response_url: options.responseUrl,
    trigger_id: options.triggerId,
  };
}

/** An events_api callback carrying `event`, as authorised for the app's bot user. */
export function eventCallbackPayload(
  workspace: SlackWorkspace,
  event: Record<string, unknown>,
  options: { eventId: string; nowMs?: number },
): EventCallbackBody {
  return {
    token: workspace.verificationToken,
    team_id: workspace.teamId,
    api_app_id: workspace.appId,
    type: 'event_callback',
    event_id: options.eventId,
    event_time: Math.floor((options.nowMs ?? Date.now()) / 1000),
    event,
    authorizations: [
      { enterprise_id: null, team_id: workspace.teamId, user_id: workspace.botUserId, is_bot: true },
    ],
    is_ext_shared_channel: false,
  };
}

/** The message text Slack stores for `@Readout <text>`: the mention, then the escaped text. */
export function mentionText(workspace: SlackWorkspace, text: string): string {
  return `<@${workspace.botUserId}> ${slackEscape(text)}`.trimEnd();
}

/** An `app_mention` event; `text` is what the person typed after the mention. */
export function appMentionEvent(
  workspace: SlackWorkspace,
  options: { text: string; ts: string; userId?: string; channelId?: string; threadTs?: string },
): Record<string, unknown> {
  return {
    type: 'app_mention',
    user: options.userId ?? workspace.userId,
    text: mentionText(workspace, options.text),
    ts: options.ts,
    channel: options.channelId ?? workspace.channelId,
    event_ts: options.ts,
    ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
  };
}

/** An `app_home_opened` event: the person opened the app's Home tab. */
export function appHomeOpenedEvent(
  workspace: SlackWorkspace,
  options: { eventTs: string; userId?: string },
): Record<string, unknown> {
  return {
    type: 'app_home_opened',
    user: options.userId ?? workspace.userId,
    channel: workspace.homeChannelId,
    tab: 'home',
    event_ts: options.eventTs,
  };
}

/** A button as the app sent it in an `actions` block. */
export interface PressedButton {
  action_id?: string;
  value?: string;
  text?: unknown;
}

/** A `block_actions` interaction: the person pressed `button` on a message. */
export function blockActionsPayload(
  workspace: SlackWorkspace,
  options: {
    button: PressedButton;
    responseUrl: string;
    triggerId: string;
    messageTs: string;
    blockId?: string;
    userId?: string;
    channelId?: string;
    ephemeral?: boolean;
    nowMs?: number;
  },
): Record<string, unknown> {
  const channelId = options.channelId ?? workspace.channelId;
  const actionId = options.button.action_id ?? '';
  return {
    type: 'block_actions',
    user: {
      id: options.userId ?? workspace.userId,
      username: workspace.userName,
      name: workspace.userName,
      team_id: workspace.teamId,
    },
    api_app_id: workspace.appId,
    token: workspace.verificationToken,
    container: {
      type: 'message',
      message_ts: options.messageTs,
      channel_id: channelId,
      is_ephemeral: options.ephemeral ?? true,
    },
    trigger_id: options.triggerId,
    team: { id: workspace.teamId, domain: workspace.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: workspace.channelName },
    state: { values: {} },
    response_url: options.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: options.blockId ?? 'readout_actions',
        text: options.button.text ?? { type: 'plain_text', text: actionId },
        value: options.button.value,
        action_ts: `${(options.nowMs ?? Date.now()) / 1000}`,
      },
    ],
  };
}
