/**
 * Console mode: Readout without Slack, for trying it out and for admins checking an index.
 * It says which Slack variables are missing, indexes the sample archive when the database is
 * empty, then runs the real Bolt app with a ConsoleReceiver (typed lines in) and a ConsoleSlack
 * (the app's messages printed out). See src/console/console-receiver.ts for what can be typed.
 */

import type { Readable } from 'node:stream';
import type { Config } from '../config.js';
import { describeError, isReadoutError } from '../errors.js';
import { type Db, openDatabase } from '../index/database.js';
import { IndexReader } from '../index/reader.js';
import { reindexArchive } from '../ingest/reindex.js';
import type { Logger } from '../log.js';
import { inProcessReadout } from '../readout.js';
import { SearchIndex } from '../search/search-index.js';
import { createApp, watchSavedSearches } from '../slack/app.js';
import { openStateDatabase } from '../state/state-database.js';
import { StateStore } from '../state/state-store.js';
import { ConsoleReceiver } from './console-receiver.js';
import { ConsoleSlack } from './console-slack.js';

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
  'share, more, good (👍), bad (👎) and dismiss press the buttons of the latest answer; home shows the Home tab.\n' +
  'watch WORDS saves a search, watching lists them, unwatch N stops one; reindex re-indexes the archive now.\n' +
  'shortcut MESSAGE opens the search form for a message (shortcut alone: empty), submit sends it; quit ends.\n';

/** Indexes the configured archive folders when the database holds no articles yet. */
export async function indexIfEmpty(
  db: Db,
  index: SearchIndex,
  config: Config,
  print: (text: string) => void,
): Promise<void> {
  if (index.stats().articles > 0) return;
  print(`The index is empty: indexing ${config.articleDirs.join(', ')} …\n`);
  const summary = await reindexArchive(db, { dirs: config.articleDirs });
  print(`Indexed ${summary.articles} articles (${summary.passages} passages).\n`);
  for (const skipped of summary.skipped) print(`  skipped ${skipped.file}: ${skipped.reason}\n`);
}

/** The console's `reindex` line: a re-index of the configured folders, summed up in one line. */
async function reindexAndSay(db: Db, config: Config, print: (text: string) => void): Promise<void> {
  try {
    const summary = await reindexArchive(db, { dirs: config.articleDirs });
    const { added, updated, removed } = summary.files;
    print(
      `Re-indexed: ${added} new, ${updated} changed and ${removed} removed files; ${summary.articles} articles.\n`,
    );
    for (const skipped of summary.skipped) print(`  skipped ${skipped.file}: ${skipped.reason}\n`);
  } catch (error) {
    print(`Could not re-index: ${isReadoutError(error) ? error.message : describeError(error)}\n`);
  }
}

/** Runs the console until the input ends or the person types `quit`. */
export async function runConsole(config: Config, io: ConsoleIo): Promise<void> {
  io.print(missingSlackVariables);
  const db = openDatabase(config.databaseFile, { create: true });
  const stateDb = openStateDatabase(config.stateFile);
  try {
    // The index sees the re-index below without being rebuilt (it watches its own connection too).
    const index = new SearchIndex(new IndexReader(db), { aliasesFile: config.aliasesFile });
    await indexIfEmpty(db, index, config, io.print);
    const slack = new ConsoleSlack(io.print, { color: io.interactive });
    let watcher: ReturnType<typeof watchSavedSearches> | undefined;
    const receiver = new ConsoleReceiver({
      input: io.input,
      slack,
      print: io.print,
      logger: io.logger,
      prompt: io.interactive ? 'readout> ' : undefined,
      // As `npm run reindex` would; then saved searches post what is new, as after any re-index.
      reindex: async () => {
        await reindexAndSay(db, config, io.print);
        await watcher?.check();
      },
    });
    const services = { readout: inProcessReadout(index), state: new StateStore(stateDb), logger: io.logger };
    const app = await createApp(config, services, {
      receiver,
      botToken: 'xoxb-console',
      clientOptions: { fetch: slack.fetch, slackApiUrl: slack.apiUrl },
    });
    io.print(`\n${consoleUsage}\n`);
    await app.start();
    watcher = watchSavedSearches(app, config, services);
    await receiver.finished;
    watcher.stop();
    await app.stop();
  } finally {
    db.close();
    stateDb.close();
  }
}
