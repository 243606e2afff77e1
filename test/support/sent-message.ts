/** Reading what Readout sent to Slack in end-to-end tests: its buttons and quoted passages. */
import type { types } from '@slack/bolt';

export interface SentMessage {
  text?: string;
  blocks?: types.KnownBlock[];
  response_type?: string;
  [key: string]: unknown;
}

export function buttonsOf(message: SentMessage): types.Button[] {
  return (message.blocks ?? [])
    .filter((block): block is types.ActionsBlock => block.type === 'actions')
    .flatMap((block) => block.elements as types.Button[]);
}

/** The button with `actionId`; throws (failing the test) when the message has none. */
export function buttonOf(message: SentMessage, actionId: string): types.Button {
  const button = buttonsOf(message).find((candidate) => candidate.action_id === actionId);
  if (!button) throw new Error(`no ${actionId} button in ${JSON.stringify(message)}`);
  return button;
}

/** The texts of the section blocks, in order. */
export function sectionTexts(message: SentMessage): string[] {
  return (message.blocks ?? [])
    .filter((block): block is types.SectionBlock => block.type === 'section')
    .map((block) => block.text?.text ?? '');
}

/** The quoted passages of an answer (section blocks starting with `>`). */
export function quotes(message: SentMessage): string[] {
  return sectionTexts(message).filter((text) => text.startsWith('>'));
}
