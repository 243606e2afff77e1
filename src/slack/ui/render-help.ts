/**
 * Usage, with an example of every query operator, saved searches, the shortcuts and link
 * previews; shown for `/readout`, `/readout help`, a bare mention outside a thread, and on the
 * App Home tab.
 */
import type { types } from '@slack/bolt';
import type { SlackMessage } from './limits.js';

export const usageLines = [
  '`/readout obama putin syria` finds passages with all of these words',
  '`/readout "peace talks" aleppo` finds an exact phrase (in double quotes)',
  '`/readout putin -trump` leaves out passages with a word (minus sign)',
  '`/readout source:tass putin` searches one outlet only',
  '`/readout after:2016-09-01 syria` finds articles published on or after a day',
  '`/readout before:2017 syria` finds articles published before a year, month (`2016-09`) or day',
];

export const watchUsageLines = [
  '`/readout watch ferry strike` posts new articles about it in this channel after each re-index (at most five a time, each once)',
  '`/readout watching` lists the searches saved in this channel; `/readout unwatch 2` stops the second',
];

export const moreWaysLines = [
  '*Search archive for this* (a message’s ⋮ menu) opens a search form with the message’s names, places and quoted phrases; *Search the archive* (the shortcuts menu) opens it empty. It has outlets, dates and a speaker.',
  'A link to an article in the archive gets a preview: headline, outlet, date, author and its first sentence.',
  'Rate an answer with 👍 or 👎: the App Home shows which searches disappoint.',
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
    '',
    '*Saved searches*',
    ...watchUsageLines.map((line) => `• ${line}`),
    '',
    ...moreWaysLines.map((line) => `• ${line}`),
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
