/**
 * Block Kit's limits, in one place, and a checker used by the renderer's tests and as a guard
 * before sending: a message Slack would reject is a bug we want to hear about, not a silent
 * `invalid_blocks` for the reporter.
 */
import type { types } from '@slack/bolt';

export const blockKitLimits = {
  /** Blocks per message (and per Home tab view: 100; we keep to 50 everywhere). */
  blocks: 50,
  /** Characters of a section's text. */
  sectionText: 3000,
  /** Fields (columns) of a section. */
  sectionFields: 10,
  /** Characters of a section field's text. */
  fieldText: 2000,
  /** Elements of a context block. */
  contextElements: 10,
  /** Characters of a context element's text (same cap as a section's). */
  contextText: 3000,
  /** Characters of a button's label. */
  buttonLabel: 75,
  /** Characters of a button's value. */
  buttonValue: 2000,
  /** Characters of a message's top-level text that we allow ourselves (Slack truncates at 40,000). */
  fallbackText: 3000,
} as const;

export interface SlackMessage {
  /** Notification and accessibility fallback; always present. */
  text: string;
  blocks: types.KnownBlock[];
}

/** Every way `message` breaks a Block Kit limit, as readable sentences; empty when it fits. */
export function blockKitViolations(message: { text?: string; blocks?: unknown[] }): string[] {
  const problems: string[] = [];
  const blocks = (message.blocks ?? []) as types.KnownBlock[];
  if (!message.text || message.text.trim() === '') problems.push('the fallback text is empty');
  if ((message.text ?? '').length > blockKitLimits.fallbackText) {
    problems.push(`the fallback text has ${message.text!.length} characters`);
  }
  if (blocks.length > blockKitLimits.blocks) problems.push(`${blocks.length} blocks`);
  blocks.forEach((block, index) => {
    if (block.type === 'section') {
      const length = block.text?.text.length ?? 0;
      if (length > blockKitLimits.sectionText)
        problems.push(`block ${index}: section text has ${length} characters`);
      const fields = block.fields ?? [];
      if (fields.length > blockKitLimits.sectionFields)
        problems.push(`block ${index}: section has ${fields.length} fields`);
      for (const field of fields) {
        if (field.text.length > blockKitLimits.fieldText)
          problems.push(`block ${index}: section field has ${field.text.length} characters`);
      }
      if (!block.text && fields.length === 0)
        problems.push(`block ${index}: section has neither text nor fields`);
    } else if (block.type === 'context') {
      if (block.elements.length > blockKitLimits.contextElements) {
        problems.push(`block ${index}: context has ${block.elements.length} elements`);
      }
      for (const element of block.elements) {
        if ('text' in element && element.text.length > blockKitLimits.contextText) {
          problems.push(`block ${index}: context text has ${element.text.length} characters`);
        }
      }
    } else if (block.type === 'actions') {
      for (const element of block.elements) {
        if (element.type !== 'button') continue;
        if (element.text.text.length > blockKitLimits.buttonLabel) {
          problems.push(`block ${index}: button label "${element.text.text}" is too long`);
        }
        if ((element.value ?? '').length > blockKitLimits.buttonValue) {
          problems.push(`block ${index}: button value has ${element.value!.length} characters`);
        }
      }
    }
  });
  return problems;
}
