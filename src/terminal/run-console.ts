/**
 * Console mode: Readout without Slack, for trying it out and for admins checking an index.
 * It says which Slack variables are missing, indexes the sample archive when the database is
 * empty, then runs the real Bolt app with a ConsoleReceiver (typed lines in) and a ConsoleSlack
 * (the app's messages printed out). See src/console/console-receiver.ts for what can be typed.
 */

import type { Readable } from 'node:stream';
import type { Config } from '../config.js';
import { type Db, openDatabase } from '../index/database.js';
import { IndexReader } from '../index/reader.js';
import { reindexArchive } from '../ingest/reindex.js';
import type { Logger } from '../log.js';
import { inProcessReadout, LiveIndex } from '../serving/live-index.js';
import { createApp } from '../slack/app.js';
import { ConsoleReceiver } from './console-receiver.js';
import { ConsoleSlack } from './console-slack.js';
import { printable } from './format.js';

export interface ConsoleIo {
  input: Readable;
  /** Answers and messages for the person (stdout). */
  print: (text: string) => void;
  /** Use ANSI colours and show a prompt (an interactive terminal). */
  interactive: boolean;
  logger: Logger;
}

export const missingSlackVariables =
  'No Slack credentials are set, so Readout runs here in the terminal.\n' +
  'To connect it to Slack, set SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode), or SLACK_BOT_TOKEN with\n' +
  'SLACK_SIGNING_SECRET (HTTP), in .env — README, "Connect Readout to Slack", shows where to get them.\n';

export const consoleUsage =
  'Type /readout obama putin syria, @readout obama putin, or just the words; help shows every option.\n' +
  'share, more and dismiss press the buttons of the latest answer; home shows the Home tab; quit ends.\n';

/** Indexes the configured archive folders when the database holds no articles yet. */
export async function indexIfEmpty(db: Db, config: Config, print: (text: string) => void): Promise<void> {
  if (new IndexReader(db).stats().articles > 0) return;
  print(`The index is empty: indexing ${config.articleDirs.join(', ')} …\n`);
  const summary = await reindexArchive(db, { dirs: config.articleDirs, limits: config.limits });
  print(`Indexed ${summary.articles} articles (${summary.passages} passages).\n`);
  for (const skipped of summary.skipped) {
    print(`  skipped ${printable(skipped.file)}: ${printable(skipped.reason)}\n`);
  }
}

/** Runs the console until the input ends or the person types `quit`. */
export async function runConsole(config: Config, io: ConsoleIo): Promise<void> {
  io.print(missingSlackVariables);
  // Creating and filling the index is the console's own re-index; answering reads it like the bot.
  const db = openDatabase(config.databaseFile, { create: true });
  try {
    await indexIfEmpty(db, config, io.print);
  } finally {
    db.close();
  }
  const index = new LiveIndex(config.databaseFile, { aliasesFile: config.aliasesFile });
  try {
    const slack = new ConsoleSlack(io.print, { color: io.interactive });
    const receiver = new ConsoleReceiver({
      input: io.input,
      slack,
      print: io.print,
      logger: io.logger,
      prompt: io.interactive ? 'readout> ' : undefined,
    });
    const app = await createApp(
      config,
      { readout: inProcessReadout(index), logger: io.logger },
      {
        receiver,
        botToken: 'xoxb-console',
        clientOptions: { fetch: slack.fetch, slackApiUrl: slack.apiUrl },
      },
    );
    io.print(`\n${consoleUsage}\n`);
    await app.start();
    await receiver.finished;
    await app.stop();
  } finally {
    index.close();
  }
}
