/**
 * The console's `shortcut` and `submit` lines as the payloads Slack would send
 * (interaction-payloads.ts), in the console's workspace.
 */
import { searchFormIds } from '../slack/ui/render-search-form.js';
import type { ConsoleSlack } from './console-slack.js';
import {
  globalShortcutPayload,
  initialViewValues,
  messageShortcutPayload,
  viewSubmissionPayload,
} from './interaction-payloads.js';

const consoleTeam = (slack: ConsoleSlack) => ({
  teamId: slack.workspace.teamId,
  teamDomain: 'console',
  appId: 'A0READOUT',
});

/** `shortcut TEXT`: the message shortcut on a message TEXT; `shortcut` alone: the global one. */
export function shortcutPayload(
  slack: ConsoleSlack,
  text: string,
  triggerId: string,
): Record<string, unknown> {
  const { userId, channelId } = slack.workspace;
  const ts = slack.postAsUser(text);
  if (!text)
    return globalShortcutPayload(consoleTeam(slack), userId, {
      callbackId: searchFormIds.globalShortcut,
      triggerId,
      ts,
    });
  return messageShortcutPayload(
    consoleTeam(slack),
    { userId, channelId },
    { text, callbackId: searchFormIds.messageShortcut, triggerId, responseUrl: slack.responseUrl(), ts },
  );
}

/** `submit [WORDS]`: the form as it was opened (its words replaced by WORDS), answered in the console's channel. */
export function searchFormSubmission(
  slack: ConsoleSlack,
  form: { id: string; view: Record<string, unknown> },
  words: string,
): Record<string, unknown> {
  const values = initialViewValues(form.view, words ? { [searchFormIds.query]: words } : {});
  const where = values[searchFormIds.where]?.[searchFormIds.field];
  if (where && !where.selected_conversation) where.selected_conversation = slack.workspace.channelId;
  return viewSubmissionPayload(consoleTeam(slack), slack.workspace.userId, {
    view: { ...form.view, id: form.id },
    values,
    triggerId: `console-submit-${form.id}`,
    answerIn: {
      channelId: slack.workspace.channelId,
      responseUrl: slack.responseUrl(),
      blockId: searchFormIds.where,
      actionId: searchFormIds.field,
    },
  });
}
