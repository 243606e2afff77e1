/**
 * Payloads Slack sends for shortcuts, modals and link previews — a message shortcut
 * (`message_action`), a global shortcut (`shortcut`), a modal's `view_submission` (with the
 * response_url a conversations_select asked for), a `block_suggestion`, a `link_shared` event —
 * built in one place for the console (typed lines) and the tests' Slack stand-in. Field names and
 * nesting follow Slack's documentation. Pure: IDs, timestamps and the workspace come in as
 * arguments; text is given as the person typed it and escaped here as Slack does.
 */

/** The workspace a payload comes from. */
export interface PayloadWorkspace {
  teamId: string;
  teamDomain: string;
  appId: string;
}

/** Who acts, and where. */
export interface PayloadActor {
  userId: string;
  channelId: string;
}

const verificationToken = 'legacy-verification-token';

function slackEscaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function common(workspace: PayloadWorkspace, userId: string) {
  return {
    token: verificationToken,
    team: { id: workspace.teamId, domain: workspace.teamDomain },
    user: { id: userId, username: 'reporter', name: 'reporter', team_id: workspace.teamId },
    api_app_id: workspace.appId,
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** A message shortcut used on a message whose text is `text`. */
export function messageShortcutPayload(
  workspace: PayloadWorkspace,
  actor: PayloadActor,
  options: { text: string; callbackId: string; triggerId: string; responseUrl: string; ts: string },
): Record<string, unknown> {
  return {
    type: 'message_action',
    ...common(workspace, actor.userId),
    action_ts: options.ts,
    channel: { id: actor.channelId, name: 'newsdesk' },
    callback_id: options.callbackId,
    trigger_id: options.triggerId,
    response_url: options.responseUrl,
    message_ts: options.ts,
    message: { type: 'message', user: 'U0EDITOR', ts: options.ts, text: slackEscaped(options.text) },
  };
}

/** A global shortcut, from the shortcuts menu. */
export function globalShortcutPayload(
  workspace: PayloadWorkspace,
  userId: string,
  options: { callbackId: string; triggerId: string; ts: string },
): Record<string, unknown> {
  return {
    type: 'shortcut',
    ...common(workspace, userId),
    action_ts: options.ts,
    callback_id: options.callbackId,
    trigger_id: options.triggerId,
  };
}

/** `view.state.values`: block ID → action ID → the element's state. */
export type ViewValues = Record<string, Record<string, Record<string, unknown>>>;

/**
 * A modal submitted with `values`. `answerIn` is the conversation a conversations_select with
 * response_url_enabled chose, with the response_url Slack made for it.
 */
export function viewSubmissionPayload(
  workspace: PayloadWorkspace,
  userId: string,
  options: {
    view: Record<string, unknown>;
    values: ViewValues;
    triggerId: string;
    answerIn?: { channelId: string; responseUrl: string; blockId: string; actionId: string };
  },
): Record<string, unknown> {
  const { answerIn } = options;
  return {
    type: 'view_submission',
    ...common(workspace, userId),
    trigger_id: options.triggerId,
    view: {
      id: 'V0SUBMITTED',
      team_id: workspace.teamId,
      app_id: workspace.appId,
      ...options.view,
      state: { values: options.values },
      hash: '1700000000.abcdef',
    },
    response_urls: answerIn
      ? [
          {
            block_id: answerIn.blockId,
            action_id: answerIn.actionId,
            channel_id: answerIn.channelId,
            response_url: answerIn.responseUrl,
          },
        ]
      : [],
  };
}

/**
 * The values a form has as opened: each input block's initial value (text, date, conversation),
 * `overrides` (block ID → text) replacing text fields.
 */
export function initialViewValues(
  view: { blocks?: unknown[] },
  overrides: Record<string, string> = {},
): ViewValues {
  const values: ViewValues = {};
  for (const block of (view.blocks ?? []) as Array<Record<string, unknown>>) {
    if (block.type !== 'input') continue;
    const element = (block.element ?? {}) as Record<string, unknown>;
    const blockId = String(block.block_id ?? '');
    const state: Record<string, unknown> = { type: element.type };
    if (element.type === 'plain_text_input')
      state.value = overrides[blockId] ?? element.initial_value ?? null;
    if (element.type === 'datepicker') state.selected_date = element.initial_date ?? null;
    if (element.type === 'conversations_select')
      state.selected_conversation = element.initial_conversation ?? null;
    if (String(element.type).startsWith('multi_')) state.selected_options = element.initial_options ?? [];
    values[blockId] = { [String(element.action_id ?? '')]: state };
  }
  return values;
}

/** Someone typing `value` into an external select of a modal. */
export function blockSuggestionPayload(
  workspace: PayloadWorkspace,
  userId: string,
  options: { value: string; actionId: string; blockId: string; viewId: string },
): Record<string, unknown> {
  return {
    type: 'block_suggestion',
    ...common(workspace, userId),
    action_id: options.actionId,
    block_id: options.blockId,
    value: options.value,
    container: { type: 'view', view_id: options.viewId },
    view: { id: options.viewId, type: 'modal' },
  };
}

/** A `link_shared` event: links posted in a message on one of the app's unfurl domains. */
export function linkSharedEvent(
  actor: PayloadActor,
  options: { urls: string[]; messageTs: string; eventTs: string },
): Record<string, unknown> {
  return {
    type: 'link_shared',
    channel: actor.channelId,
    is_bot_user_member: true,
    user: actor.userId,
    message_ts: options.messageTs,
    unfurl_id: `${actor.channelId}.${options.messageTs}.unfurl`,
    source: 'conversations_history',
    links: options.urls.map((url) => ({ domain: new URL(url).hostname, url })),
    event_ts: options.eventTs,
  };
}
