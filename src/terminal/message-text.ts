/**
 * What the app sends to Slack, as readable terminal text: quotes indented with a bar, links as
 * "label (url)", entities unescaped, bold as ANSI bold on a colour terminal (else kept as *word*),
 * buttons as [labels], lines wrapped between words at the terminal's width (a wrapped quote keeps
 * its bar). Pure, so the console shows exactly the message Slack would get.
 */
import { wrapText } from './wrap-text.js';

export interface TextOptions {
  /** Use ANSI escapes for bold and dim text. */
  color: boolean;
  /** Wrap lines at this many columns; undefined (output to a pipe) leaves lines whole. */
  width?: number;
}

interface TextObject {
  type?: string;
  text?: string;
}

interface AnyBlock {
  type: string;
  text?: TextObject;
  elements?: Array<TextObject & { text?: TextObject | string; action_id?: string }>;
  fields?: TextObject[];
  /** An input block of a form. */
  label?: TextObject;
  optional?: boolean;
  element?: {
    type?: string;
    initial_value?: string;
    initial_conversation?: string;
    options?: Array<{ text?: TextObject }>;
  };
}

/** A form field as one line: `Label: value`, its choices, or what it expects. */
function inputText(block: AnyBlock): string {
  const element = block.element ?? {};
  const choices = (element.options ?? []).map((option) => option.text?.text ?? '');
  let value = element.initial_value ?? (element.initial_conversation && `#${element.initial_conversation}`);
  if (!value && choices.length > 0) {
    value = `any of ${choices.slice(0, 8).join(', ')}${choices.length > 8 ? ', …' : ''}`;
  }
  if (!value) value = element.type === 'datepicker' ? '(a date)' : '(empty)';
  return `${block.label?.text ?? ''}${block.optional ? ' (optional)' : ''}: ${value}`;
}

const bold = (text: string, options: TextOptions) =>
  options.color ? `\u001b[1m${text}\u001b[22m` : `*${text}*`;
const dim = (text: string, options: TextOptions) => (options.color ? `\u001b[2m${text}\u001b[22m` : text);

/** Slack mrkdwn as plain text. */
export function mrkdwnToText(mrkdwn: string, options: TextOptions): string {
  const lines = mrkdwn.split('\n').map((line) => (line.startsWith('>') ? `  │ ${line.slice(1)}` : line));
  let text = lines.join('\n');
  text = text.replace(/<([^<>|]*)(?:\|([^<>]*))?>/g, (_whole, target: string, label?: string) => {
    if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
    if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
    if (target.startsWith('!')) return `@${label ?? target.slice(1)}`;
    return label ? `${label} (${target})` : target;
  });
  // *bold* as Slack reads it: asterisks around non-space text.
  text = text.replace(/\*([^*\n]*[^*\s])\*/g, (_whole, inner: string) => bold(inner, options));
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function elementText(element: { text?: TextObject | string }): string {
  if (typeof element.text === 'string') return element.text;
  return element.text?.text ?? '';
}

/** A message (top-level text plus optional blocks) as terminal text. */
export function messageToText(message: { text?: string; blocks?: unknown[] }, options: TextOptions): string {
  const blocks = (message.blocks ?? []) as AnyBlock[];
  if (blocks.length === 0) return wrapText(mrkdwnToText(message.text ?? '', options), options.width);
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'header':
        out.push(bold(block.text?.text ?? '', options));
        break;
      case 'section':
        out.push(mrkdwnToText(block.text?.text ?? '', options));
        for (const field of block.fields ?? []) out.push(mrkdwnToText(field.text ?? '', options));
        break;
      case 'context':
        // Indented under the quote it belongs to, like Slack's smaller grey context text.
        out.push(
          (block.elements ?? [])
            .map((element) => dim(mrkdwnToText(elementText(element), options), options))
            .join('  ')
            .replace(/^/gm, '    '),
        );
        break;
      case 'actions':
        out.push((block.elements ?? []).map((element) => `[ ${elementText(element)} ]`).join('  '));
        break;
      case 'input':
        out.push(inputText(block));
        break;
      case 'divider':
        out.push(dim('────────', options));
        break;
      default:
        break;
    }
  }
  return wrapText(out.join('\n'), options.width);
}
