/**
 * The stand-in's shortcut, modal and link-preview payloads: the builders the console uses
 * (src/terminal/interaction-payloads.ts), with the stand-in's workspace and fresh IDs.
 */
import {
  blockSuggestionPayload,
  globalShortcutPayload,
  linkSharedEvent,
  messageShortcutPayload,
  type ViewValues,
  viewSubmissionPayload,
} from '../../../src/terminal/interaction-payloads.js';
import { type EventPayload, eventCallback, type InteractionPayload, nextTs, workspace } from './payloads.js';

let sequence = 0;
const triggerId = () => `TRIGGER${Date.now().toString(36).toUpperCase()}X${++sequence}`;
const defaults = { userId: 'U0REPORTER', channelId: 'C0NEWSDESK' };

/** "Search archive for this" on a message whose text is `text` (as typed). */
export function messageShortcut(options: {
  text: string;
  callbackId: string;
  responseUrl: string;
  channelId?: string;
  userId?: string;
}): InteractionPayload {
  const actor = { ...defaults, ...options };
  return {
    kind: 'interaction',
    body: messageShortcutPayload(workspace, actor, { ...options, triggerId: triggerId(), ts: nextTs() }),
  };
}

/** The global shortcut, from the shortcuts menu. */
export function globalShortcut(options: { callbackId: string; userId?: string }): InteractionPayload {
  return {
    kind: 'interaction',
    body: globalShortcutPayload(workspace, options.userId ?? defaults.userId, {
      callbackId: options.callbackId,
      triggerId: triggerId(),
      ts: nextTs(),
    }),
  };
}

/** A modal submitted with `values`; with `responseUrl`, answered in `channelId` (the form's `where`). */
export function viewSubmission(options: {
  view: Record<string, unknown>;
  values: ViewValues;
  responseUrl?: string;
  channelId?: string;
  userId?: string;
}): InteractionPayload {
  const answerIn = options.responseUrl
    ? {
        channelId: options.channelId ?? defaults.channelId,
        responseUrl: options.responseUrl,
        blockId: 'where',
        actionId: 'value',
      }
    : undefined;
  return {
    kind: 'interaction',
    body: viewSubmissionPayload(workspace, options.userId ?? defaults.userId, {
      view: options.view,
      values: options.values,
      triggerId: triggerId(),
      answerIn,
    }),
  };
}

/** Someone typing `value` into an external select of a modal. */
export function blockSuggestion(options: {
  value: string;
  actionId: string;
  blockId: string;
  userId?: string;
}): InteractionPayload {
  return {
    kind: 'interaction',
    body: blockSuggestionPayload(workspace, options.userId ?? defaults.userId, {
      ...options,
      viewId: 'V0FORM',
    }),
  };
}

/** Links posted in a message on one of the app's unfurl domains. */
export function linkShared(options: { urls: string[]; channel?: string; userId?: string }): EventPayload {
  const actor = {
    userId: options.userId ?? defaults.userId,
    channelId: options.channel ?? defaults.channelId,
  };
  return eventCallback(
    linkSharedEvent(actor, { urls: options.urls, messageTs: nextTs(), eventTs: nextTs() }),
  );
}
