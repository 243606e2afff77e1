/**
 * Payloads Slack sends for shortcuts, modals and link previews: a message shortcut
 * (`message_action`), a global shortcut (`shortcut`), a modal's `view_submission` (with the
 * response_url of a conversations_select that asked for one), a `block_suggestion` for an
 * external select, and a `link_shared` event. Shapes follow Slack's documentation.
 */
import {
  type EventPayload,
  eventCallback,
  type InteractionPayload,
  nextTs,
  slackEscape,
  workspace,
} from './payloads.js';

let sequence = 0;
const triggerId = () => `TRIGGER${Date.now().toString(36).toUpperCase()}X${++sequence}`;

const user = (userId: string) => ({
  id: userId,
  username: 'reporter',
  name: 'reporter',
  team_id: workspace.teamId,
});
const team = { id: workspace.teamId, domain: workspace.teamDomain };

/** "Search archive for this" on a message whose text is `text` (as typed; escaped here). */
export function messageShortcut(options: {
  text: string;
  callbackId: string;
  responseUrl: string;
  channelId?: string;
  userId?: string;
}): InteractionPayload {
  const channelId = options.channelId ?? 'C0NEWSDESK';
  const ts = nextTs();
  return {
    kind: 'interaction',
    body: {
      type: 'message_action',
      token: 'legacy-verification-token',
      action_ts: ts,
      team,
      user: user(options.userId ?? 'U0REPORTER'),
      channel: { id: channelId, name: 'newsdesk' },
      is_enterprise_install: false,
      enterprise: null,
      callback_id: options.callbackId,
      trigger_id: triggerId(),
      response_url: options.responseUrl,
      message_ts: ts,
      message: { type: 'message', user: 'U0EDITOR', ts, text: slackEscape(options.text) },
    },
  };
}

/** The global shortcut, from the shortcuts menu. */
export function globalShortcut(options: { callbackId: string; userId?: string }): InteractionPayload {
  return {
    kind: 'interaction',
    body: {
      type: 'shortcut',
      token: 'legacy-verification-token',
      action_ts: nextTs(),
      team,
      user: user(options.userId ?? 'U0REPORTER'),
      is_enterprise_install: false,
      enterprise: null,
      callback_id: options.callbackId,
      trigger_id: triggerId(),
    },
  };
}

/**
 * A modal submitted with `values` (`view.state.values`: block ID → action ID → value). A
 * conversations_select with response_url_enabled adds a response_url for the chosen conversation.
 */
export function viewSubmission(options: {
  view: Record<string, unknown>;
  values: Record<string, Record<string, Record<string, unknown>>>;
  responseUrl?: string;
  channelId?: string;
  userId?: string;
}): InteractionPayload {
  return {
    kind: 'interaction',
    body: {
      type: 'view_submission',
      token: 'legacy-verification-token',
      team,
      user: user(options.userId ?? 'U0REPORTER'),
      api_app_id: workspace.appId,
      trigger_id: triggerId(),
      view: {
        id: 'V0SUBMITTED',
        team_id: workspace.teamId,
        app_id: workspace.appId,
        bot_id: workspace.botId,
        ...options.view,
        state: { values: options.values },
        hash: '1700000000.abcdef',
      },
      response_urls: options.responseUrl
        ? [
            {
              block_id: 'where',
              action_id: 'value',
              channel_id: options.channelId ?? 'C0NEWSDESK',
              response_url: options.responseUrl,
            },
          ]
        : [],
      is_enterprise_install: false,
      enterprise: null,
    },
  };
}

/** Someone typing `value` into an external select of a modal. */
export function blockSuggestion(options: {
  value: string;
  actionId: string;
  blockId: string;
  view?: Record<string, unknown>;
  userId?: string;
}): InteractionPayload {
  return {
    kind: 'interaction',
    body: {
      type: 'block_suggestion',
      token: 'legacy-verification-token',
      user: user(options.userId ?? 'U0REPORTER'),
      team,
      api_app_id: workspace.appId,
      action_id: options.actionId,
      block_id: options.blockId,
      value: options.value,
      container: { type: 'view', view_id: 'V0FORM' },
      view: { id: 'V0FORM', type: 'modal', ...options.view },
      is_enterprise_install: false,
      enterprise: null,
    },
  };
}

/** Links posted in a message on one of the app's unfurl domains. */
export function linkShared(options: {
  urls: string[];
  channel?: string;
  userId?: string;
  messageTs?: string;
}): EventPayload {
  return eventCallback({
    type: 'link_shared',
    channel: options.channel ?? 'C0NEWSDESK',
    is_bot_user_member: true,
    user: options.userId ?? 'U0REPORTER',
    message_ts: options.messageTs ?? nextTs(),
    unfurl_id: `C0NEWSDESK.${Date.now()}.unfurl`,
    source: 'conversations_history',
    links: options.urls.map((url) => ({ domain: new URL(url).hostname, url })),
    event_ts: nextTs(),
  });
}
