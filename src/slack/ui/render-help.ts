/**
 * Usage, with an example of every query operator; shown for `/readout`, `/readout help`, a bare
 * mention outside a thread, and on the App Home tab.
 */
import type { types } from '@slack/bolt';
import type { SlackMessage } from './limits.js';

export const usageLines = [
  '`/readout obama putin syria` finds passages with all of these words',
  '`/readout "peace talks" aleppo` finds an exact phrase (in double quotes)',
  '`/readout putin -trump` leaves out passages with a word (minus sign)',
  '`/readout source:tass putin` searches one outlet only',
  '`/readout who:putin sanctions` finds what a speaker said: only quotations by them (`who:"white house"` for an institution)',
  '`/readout after:2016-09-01 syria` finds articles published on or after a day',
  '`/readout before:2017 syria` finds articles published before a year, month (`2016-09`) or day',
];

export const howItAnswersLines = [
  'Answers are private to you until you press *Share in channel*; *More results* shows the next passages.',
  'Mention `@Readout obama putin` in a channel and it answers in a thread under your message.',
  "In a thread, `@Readout` on its own searches for the thread's first message.",
];

/** The usage text as mrkdwn. */
export function usageText(): string {
  return [
    '*Readout* finds passages in the newsroom archive, quoted word for word, with the headline, outlet, date and author.',
    '',
    ...usageLines.map((line) => `• ${line}`),
    '',
    ...howItAnswersLines,
  ].join('\n');
}

/** Usage as a message; `mention` when it answers a bare `@Readout` outside a thread. */
export function renderHelp(origin: 'command' | 'mention'): SlackMessage {
  const intro =
    origin === 'mention'
      ? 'Mention me with some words to search for, e.g. `@Readout obama putin syria`.'
      : 'Type `/readout` and what you are looking for.';
  const blocks: types.KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: intro } },
    { type: 'section', text: { type: 'mrkdwn', text: usageText() } },
  ];
  return { text: `Readout usage: ${intro}`, blocks };
}
