/**
 * What the console says when it starts: why it runs in the terminal, and what to type. On the
 * bundled sample archive it offers lines that find something there (the invented port-strike
 * stories of db/SAMPLE-ARTICLES.md), one per kind of query; test/terminal/console-examples.test.ts
 * runs each of them through the console on that archive, so they keep finding passages.
 */

import type { UsageExamples } from '../slack/ui/render-help.js';

// Paragraphs are one line each: the console wraps them at the terminal's width (wrap-text.ts).

/** Why Readout runs in the terminal, and how to connect it to Slack instead. */
export const missingSlackVariables =
  'No Slack credentials are set, so Readout runs here in the terminal.\n' +
  'To connect it to Slack, set SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode), or SLACK_BOT_TOKEN ' +
  'with SLACK_SIGNING_SECRET (HTTP), in .env — README, "Connect Readout to Slack", shows where to get them.\n';

/** A line to type on the sample archive, and what it shows. */
export interface ConsoleExample {
  line: string;
  shows: string;
}

/** Lines that find passages in the sample archive, as typed in the console. */
export const sampleArchiveExamples: readonly ConsoleExample[] = [
  { line: 'dockworkers strike', shows: 'passages with all of the words' },
  { line: '"emergency agreement"', shows: 'an exact phrase' },
  { line: 'council -budget', shows: 'leaves out passages with a word' },
  { line: 'source:ledger mediator', shows: 'one outlet only' },
  { line: 'talks after:2023-03-10', shows: 'published on or after a day' },
  { line: '@readout Quilhaven terminal', shows: 'a mention; the typo is corrected' },
];

/**
 * The same kinds of query for `help` and the Home tab in the console on the sample archive: each
 * finds passages there (test/terminal/console-examples.test.ts runs them).
 */
export const sampleArchiveUsageExamples: UsageExamples = {
  words: 'dockworkers strike',
  phrase: '"emergency agreement"',
  exclude: 'council -budget',
  source: 'source:ledger mediator',
  who: 'who:brask machines',
  after: 'cranes after:2024',
  before: 'flood before:2021',
  timeline: 'timeline cranes',
  mention: 'mediator',
  compare: 'dockworkers strike port authority',
};

const buttonsAndQuit =
  'share, more, earlier, later, good (👍), bad (👎) and dismiss press the buttons of the latest answer; compare WORDS sets the ' +
  'accounts of an event side by side (event N shows another event); timeline WORDS lists the matches in date order; home shows the Home tab. ' +
  'watch WORDS saves a search, watching lists them, unwatch N stops one; reindex re-indexes the archive now ' +
  '(saved searches then post what is new). shortcut MESSAGE opens the search form for a message (shortcut ' +
  'alone: empty), submit sends it. quit (or Ctrl-D, or Ctrl-C) ends.\n';

/**
 * How to use the console. `sampleArchive` when it searches the bundled sample archive: then the
 * examples are lines that find something there; another archive gets the query syntax alone,
 * since no example can be promised to find anything in it.
 */
export function consoleUsage(options: { sampleArchive: boolean }): string {
  if (!options.sampleArchive) {
    return (
      'Type what you are looking for, alone or after /readout: words, a "phrase" in double quotes, ' +
      '-word to leave one out, source:NAME for one outlet; @readout … answers in a thread; ' +
      `help shows every option.\n${buttonsAndQuit}`
    );
  }
  const column = Math.max(...sampleArchiveExamples.map((example) => example.line.length)) + 2;
  const examples = sampleArchiveExamples.map(
    (example) => `  ${example.line.padEnd(column)}${example.shows}\n`,
  );
  return (
    'Try these on the sample archive (db/SAMPLE-ARTICLES.md has more):\n' +
    examples.join('') +
    `Type the words alone or after /readout; help shows every option.\n${buttonsAndQuit}`
  );
}
