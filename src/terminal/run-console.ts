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
import { inProcessReadout } from '../readout.js';
import { SearchIndex } from '../search/search-index.js';
import { createApp } from '../slack/app.js';
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
  'share, more and dismiss press the buttons of the latest answer; home shows the Home tab; quit ends.\n';

/**
 * Indexes the configured archive folders when the database holds no articles yet, or holds other
 * folders than READOUT_ARTICLES names (the setting changed since the last re-index): the console
 * answers from the archive it was pointed at, never from a previous one.
 */
export async function indexIfNeeded(
  db: Db,
  index: SearchIndex,
  config: Config,
  print: (text: string) => void,
): Promise<void> {
  const indexed = index.reader.indexedFolders();
  const empty = index.stats().articles === 0;
  if (!empty && indexed !== undefined && sameFolders(indexed, config.articleDirs)) return;
  const folders = config.articleDirs.join(', ');
  let reason = 'The index is empty';
  if (!empty) {
    reason = indexed
      ? `READOUT_ARTICLES changed (the index holds ${indexed.join(', ')})`
      : 'The index does not say which folders it holds';
  }
  print(`${reason}: indexing ${folders} …\n`);
  const summary = await reindexArchive(db, { dirs: config.articleDirs });
  const removed =
    summary.files.removed > 0 ? `; ${summary.files.removed} files of other folders removed` : '';
  print(`Indexed ${summary.articles} articles (${summary.passages} passages)${removed}.\n`);
  for (const skipped of summary.skipped) print(`  skipped ${skipped.file}: ${skipped.reason}\n`);
}

/** Whether two lists name the same folders, in any order. */
export function sameFolders(a: readonly string[], b: readonly string[]): boolean {
  const sorted = (list: readonly string[]) => [...new Set(list)].sort().join('\n');
  return sorted(a) === sorted(b);
}

/** Runs the console until the input ends or the person types `quit`. */
export async function runConsole(config: Config, io: ConsoleIo): Promise<void> {
  io.print(missingSlackVariables);
  const db = openDatabase(config.databaseFile, { create: true });
  try {
    // The index sees the re-index below without being rebuilt (it watches its own connection too).
    const index = new SearchIndex(new IndexReader(db), { aliasesFile: config.aliasesFile });
    await indexIfNeeded(db, index, config, io.print);
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
    db.close();
  }
}
