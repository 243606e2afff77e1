/**
 * The search form (the shortcuts' modal) and the query it makes. The form is the query language
 * with a field per operator: words, outlets (`source:`), a date range (`after:` / `before:`), a
 * speaker (`who:`), and the conversation to answer in. Pure.
 */
import type { types } from '@slack/bolt';
import { clipText } from './mrkdwn.js';

export const searchFormIds = {
  callback: 'readout_search_form',
  /** Global and message shortcuts, as in manifest.json. */
  globalShortcut: 'readout_search',
  messageShortcut: 'readout_search_message',
  /** block_id / action_id of each field. */
  query: 'query',
  outlets: 'outlets',
  after: 'after',
  until: 'until',
  who: 'who',
  where: 'where',
  field: 'value',
} as const;

/** Options a static select may list; more outlets are searched as you type (external select). */
export const maxStaticOptions = 100;
/** Slack's limits on an option's text and value. */
const optionText = 75;
const optionValue = 150;

export interface SearchFormOptions {
  /** The query to start from (a message's key terms), or ''. */
  query: string;
  /** The index's outlets, most articles first; more than maxStaticOptions means "search as you type". */
  outlets: string[];
  /** The conversation the shortcut was used in, when known. */
  channelId?: string;
}

export function outletOption(name: string): types.PlainTextOption {
  return {
    text: { type: 'plain_text', text: clipText(name, optionText) },
    value: name.slice(0, optionValue),
  };
}

function input(
  blockId: string,
  label: string,
  element: types.InputBlockElement,
  extra: { optional?: boolean; hint?: string } = {},
): types.InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: label },
    element,
    optional: extra.optional ?? false,
    ...(extra.hint ? { hint: { type: 'plain_text', text: extra.hint } } : {}),
  };
}

/** The modal the shortcuts open. */
export function renderSearchForm(options: SearchFormOptions): types.ModalView {
  const { field } = searchFormIds;
  const outlets: types.InputBlockElement =
    options.outlets.length > maxStaticOptions
      ? {
          type: 'multi_external_select',
          action_id: field,
          min_query_length: 1,
          placeholder: plain('Type part of a name'),
        }
      : {
          type: 'multi_static_select',
          action_id: field,
          placeholder: plain('Any outlet'),
          options: options.outlets.map(outletOption),
        };
  const blocks: types.KnownBlock[] = [
    input(
      searchFormIds.query,
      'Words to find',
      {
        type: 'plain_text_input',
        action_id: field,
        max_length: 1000,
        ...(options.query ? { initial_value: options.query } : {}),
        placeholder: plain('obama putin "peace talks" -trump'),
      },
      { hint: 'Every word must appear; "quotes" for a phrase, -word to leave one out.' },
    ),
  ];
  if (options.outlets.length > 0) {
    blocks.push(input(searchFormIds.outlets, 'Outlets', outlets, { optional: true, hint: 'Any of these.' }));
  }
  blocks.push(
    input(
      searchFormIds.after,
      'Published from',
      { type: 'datepicker', action_id: field },
      { optional: true },
    ),
    input(
      searchFormIds.until,
      'Published until',
      { type: 'datepicker', action_id: field },
      { optional: true },
    ),
    input(
      searchFormIds.who,
      'Said by',
      {
        type: 'plain_text_input',
        action_id: field,
        max_length: 100,
        placeholder: plain('a speaker, e.g. Putin'),
      },
      { optional: true, hint: 'Only quotations of this person (who:).' },
    ),
    input(
      searchFormIds.where,
      'Answer me privately in',
      {
        type: 'conversations_select',
        action_id: field,
        default_to_current_conversation: true,
        response_url_enabled: true,
        ...(options.channelId ? { initial_conversation: options.channelId } : {}),
      },
      { hint: 'Only you see the answer; Share in channel posts it.' },
    ),
  );
  return {
    type: 'modal',
    callback_id: searchFormIds.callback,
    title: plain('Search the archive'),
    submit: plain('Search'),
    close: plain('Cancel'),
    blocks,
  };
}

function plain(text: string): types.PlainTextElement {
  return { type: 'plain_text', text };
}

/** What the person filled in, as read from a view_submission's state. */
export interface SearchFormValues {
  query: string;
  outlets: string[];
  /** 'YYYY-MM-DD' */
  after?: string;
  /** 'YYYY-MM-DD', inclusive. */
  until?: string;
  who?: string;
}

interface StateValue {
  value?: string | null;
  selected_date?: string | null;
  selected_options?: Array<{ value: string }> | null;
}

/** Reads the form's fields from `view.state.values`; missing or malformed fields are empty. */
export function readSearchForm(
  values: Record<string, Record<string, StateValue>> | undefined,
): SearchFormValues {
  const get = (block: string) => values?.[block]?.[searchFormIds.field];
  const text = (block: string) => (typeof get(block)?.value === 'string' ? get(block)!.value!.trim() : '');
  const date = (block: string) => {
    const day = get(block)?.selected_date;
    return typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
  };
  const picked = get(searchFormIds.outlets)?.selected_options;
  return {
    query: text(searchFormIds.query),
    outlets: Array.isArray(picked) ? picked.map((option) => String(option.value ?? '')).filter(Boolean) : [],
    after: date(searchFormIds.after),
    until: date(searchFormIds.until),
    who: text(searchFormIds.who) || undefined,
  };
}

/** A value for `name:`, quoted when it has spaces; quotes inside are dropped. */
function operatorValue(value: string): string {
  const clean = value
    .replace(/["“”„«»]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return /\s/.test(clean) ? `"${clean}"` : clean;
}

/** The day after a 'YYYY-MM-DD' (an inclusive "until" is an exclusive `before:`). */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The query the form makes, in the query language `/readout` reads.
 * `formQuery({ query: 'ferry', outlets: ['Coast Wire'], until: '2024-05-31', who: 'Ann Lee' })`
 * → 'ferry source:"coast wire" before:2024-06-01 who:"Ann Lee"'
 */
export function formQuery(values: SearchFormValues): string {
  const parts = [values.query];
  for (const outlet of values.outlets) parts.push(`source:${operatorValue(outlet.toLowerCase())}`);
  if (values.after) parts.push(`after:${values.after}`);
  if (values.until) parts.push(`before:${nextDay(values.until)}`);
  if (values.who) parts.push(`who:${operatorValue(values.who)}`);
  return parts.filter(Boolean).join(' ');
}

/** Fields to correct before searching, by block ID (Slack shows each under its field). */
export function searchFormErrors(values: SearchFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!/[\p{L}\p{N}]/u.test(values.query)) errors[searchFormIds.query] = 'Type some words to search for.';
  if (values.after && values.until && values.until < values.after) {
    errors[searchFormIds.until] = 'This is before the "Published from" date.';
  }
  return errors;
}
