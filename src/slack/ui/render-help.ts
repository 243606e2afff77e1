/**
 * Usage, with an example of every query operator, saved searches, the shortcuts and link
 * previews; shown for `/readout`, `/readout help`, a bare mention outside a thread, and on the
 * App Home tab.
 */
import type { types } from '@slack/bolt';
import type { SlackMessage } from './limits.js';

/**
 * One example query per operator. A newsroom's archive is unknown, so Slack shows newsroom-style
 * ones; the console on the bundled sample archive shows lines that find something there.
 */
export interface UsageExamples {
  words: string;
  phrase: string;
  exclude: string;
  source: string;
  /** A `who:` search: a speaker and words. */
  who: string;
  after: string;
  before: string;
  /** A timeline: `timeline` and a query. */
  timeline: string;
  /** Words for `@Readout …`. */
  mention: string;
  /** The words of an event for `/readout compare …`. */
  compare: string;
}

export const newsroomExamples: UsageExamples = {
  words: 'obama putin syria',
  phrase: '"peace talks" aleppo',
  exclude: 'putin -trump',
  source: 'source:tass putin',
  who: 'who:putin sanctions',
  after: 'after:2016-09-01 syria',
  before: 'before:2017 syria',
  timeline: 'timeline who:putin sanctions',
  mention: 'obama putin',
  compare: 'obama putin phone call syria',
};

/** One line per operator, with its example. */
export function usageLines(examples: UsageExamples = newsroomExamples): string[] {
  return [
    `\`/readout ${examples.words}\` finds passages with all of these words`,
    `\`/readout ${examples.phrase}\` finds an exact phrase (in double quotes)`,
    `\`/readout ${examples.exclude}\` leaves out passages with a word (minus sign)`,
    `\`/readout ${examples.source}\` searches one outlet only`,
    `\`/readout ${examples.who}\` finds what someone said: only their quotations (\`who:"white house"\` for an institution)`,
    `\`/readout ${examples.after}\` finds articles published on or after a day`,
    `\`/readout ${examples.before}\` finds articles published before a year, month (\`2016-09\`) or day`,
    `\`/readout compare ${examples.compare}\` finds the event and sets its accounts side by side: each side's key sentences and what it mentions that the other does not`,
    `\`/readout ${examples.timeline}\` lists the matches in date order, oldest first: counts per year or month and per outlet, the first mention marked, articles without a known date apart`,
  ];
}

function howItAnswersLines(examples: UsageExamples): string[] {
  return [
    'Answers are private to you until you press *Share in channel*; *More results* shows the next passages.',
    `Mention \`@Readout ${examples.mention}\` in a channel and it answers in a thread under your message.`,
    "In a thread, `@Readout` on its own searches for the thread's first message.",
  ];
}

export const watchUsageLines = [
  '`/readout watch ferry strike` posts new articles about it in this channel after each re-index (at most five a time, each once)',
  '`/readout watching` lists the searches saved in this channel; `/readout unwatch 2` stops the second',
];

export const moreWaysLines = [
  '*Search archive for this* (a message’s ⋮ menu) opens a search form with the message’s names, places and quoted phrases; *Search the archive* (the shortcuts menu) opens it empty. It has outlets, dates and a speaker.',
  'A link to an article in the archive gets a preview: headline, outlet, date, author and its first sentence.',
  'Rate an answer with 👍 or 👎: the App Home shows which searches disappoint.',
];

/** The usage text as mrkdwn. */
export function usageText(examples: UsageExamples = newsroomExamples): string {
  return [
    '*Readout* finds passages in the newsroom archive, quoted word for word, with the headline, outlet, date and author.',
    '',
    ...usageLines(examples).map((line) => `• ${line}`),
    '',
    ...howItAnswersLines(examples),
    '',
    '*Saved searches*',
    ...watchUsageLines.map((line) => `• ${line}`),
    '',
    ...moreWaysLines.map((line) => `• ${line}`),
  ].join('\n');
}

/** Usage as a message; `mention` when it answers a bare `@Readout` outside a thread. */
export function renderHelp(
  origin: 'command' | 'mention',
  examples: UsageExamples = newsroomExamples,
): SlackMessage {
  const intro =
    origin === 'mention'
      ? `Mention me with some words to search for, e.g. \`@Readout ${examples.words}\`.`
      : 'Type `/readout` and what you are looking for.';
  const blocks: types.KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: intro } },
    { type: 'section', text: { type: 'mrkdwn', text: usageText(examples) } },
  ];
  return { text: `Readout usage: ${intro}`, blocks };
}
