/**
 * Console mode: Readout without Slack, for trying it out and for admins checking an index.
 * It says which Slack variables are missing, indexes the archive when the database is empty,
 * then runs the real Bolt app with a ConsoleReceiver (typed lines in) and a ConsoleSlack (the
 * app's messages printed out). See console-receiver.ts for what can be typed.
 *
 * src/terminal: console-receiver.ts turns lines (line-reader.ts: readline, history at a TTY)
 * into the payloads Slack sends (slack-payloads.ts, shared with the tests' Slack stand-in);
 * console-slack.ts plays Slack's Web API in-process and prints messages (message-text.ts,
 * wrapped by wrap-text.ts); console-usage.ts is the welcome. The `npm run readout` CLI uses
 * readout-args.ts and answer-text.ts.
 */
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Config } from '../config.js';
import { describeError, isReadoutError } from '../errors.js';
import { type Db, openDatabase } from '../index/database.js';
import { IndexReader } from '../index/reader.js';
import { reindexArchive } from '../ingest/reindex.js';
import type { Logger } from '../log.js';
import { sampleArticlesDir } from '../paths.js';
import { inProcessReadout, LiveIndex } from '../serving/live-index.js';
import { createApp, watchSavedSearches } from '../slack/app.js';
import { openStateDatabase } from '../state/state-database.js';
import { StateStore } from '../state/state-store.js';
import { ConsoleReceiver } from './console-receiver.js';
import { ConsoleSlack } from './console-slack.js';
import { consoleUsage, missingSlackVariables, sampleArchiveUsageExamples } from './console-usage.js';
import { printable } from './format.js';
import type { TextOptions } from './message-text.js';
import { wrapText } from './wrap-text.js';

/** The console's ends: where lines come from and where answers go. */
export interface ConsoleIo {
  input: Readable;
  /** The terminal typing is echoed on (stdout): with a TTY input too, lines are edited, with history. */
  output?: Writable;
  /** Answers and messages for the person (stdout). */
  print: (text: string) => void;
  /** Use ANSI bold and dim (a colour terminal). */
  color: boolean;
  /** The terminal's width now (it can be resized); undefined for a pipe, whose lines stay whole. */
  width?: () => number | undefined;
  /** Aborted (Ctrl-C, SIGTERM): stop after the line being answered, then close the app and the database. */
  signal?: AbortSignal;
  logger: Logger;
}

/**
 * Indexes the configured archive folders when the database holds no articles yet, or holds other
 * folders than READOUT_ARTICLES names (the setting changed since the last re-index): the console
 * answers from the archive it was pointed at, never from a previous one.
 */
export async function indexIfNeeded(db: Db, config: Config, print: (text: string) => void): Promise<void> {
  const reader = new IndexReader(db);
  const indexed = reader.indexedFolders();
  const empty = reader.stats().articles === 0;
  if (!empty && indexed !== undefined && sameFolders(indexed, config.articleDirs)) return;
  const folders = config.articleDirs.join(', ');
  let reason = 'The index is empty';
  if (!empty) {
    reason = indexed
      ? `READOUT_ARTICLES changed (the index holds ${indexed.join(', ')})`
      : 'The index does not say which folders it holds';
  }
  print(`${reason}: indexing ${folders} …\n`);
  const summary = await reindexArchive(db, { dirs: config.articleDirs, limits: config.limits });
  const removed =
    summary.files.removed > 0 ? `; ${summary.files.removed} files of other folders removed` : '';
  print(`Indexed ${summary.articles} articles (${summary.passages} passages)${removed}.\n`);
  printSkipped(summary.skipped, print);
}

/** Files the re-index skipped, each with its reason; names printed safely (no control characters). */
function printSkipped(skipped: Array<{ file: string; reason: string }>, print: (text: string) => void): void {
  for (const entry of skipped) print(`  skipped ${printable(entry.file)}: ${printable(entry.reason)}\n`);
}

/** Whether the console searches the bundled sample archive, whose examples it can then offer. */
export function searchesSampleArchive(config: Config): boolean {
  return config.articleDirs.length === 1 && path.resolve(config.articleDirs[0]!) === sampleArticlesDir;
}

/** Whether two lists name the same folders, in any order. */
export function sameFolders(a: readonly string[], b: readonly string[]): boolean {
  const sorted = (list: readonly string[]) => [...new Set(list)].sort().join('\n');
  return sorted(a) === sorted(b);
}

/** The console's `reindex` line: a re-index of the configured folders, summed up in one line. */
async function reindexAndSay(config: Config, print: (text: string) => void): Promise<void> {
  try {
    const db = openDatabase(config.databaseFile, { create: true });
    try {
      const summary = await reindexArchive(db, { dirs: config.articleDirs, limits: config.limits });
      const { added, updated, removed } = summary.files;
      print(
        `Re-indexed: ${added} new, ${updated} changed and ${removed} removed files; ${summary.articles} articles.\n`,
      );
      printSkipped(summary.skipped, print);
    } finally {
      db.close();
    }
  } catch (error) {
    print(`Could not re-index: ${isReadoutError(error) ? error.message : describeError(error)}\n`);
  }
}

/** Runs the console until the input ends, the person types `quit`, or `io.signal` aborts. */
export async function runConsole(config: Config, io: ConsoleIo): Promise<void> {
  const say = (text: string) => io.print(wrapText(text, io.width?.()));
  say(missingSlackVariables);
  // Creating and filling the index is the console's own re-index; answering reads it like the bot.
  const db = openDatabase(config.databaseFile, { create: true });
  try {
    const stopAfterIndexing = () => say('\nStopping once the index is written (Ctrl-C again stops now).\n');
    io.signal?.addEventListener('abort', stopAfterIndexing, { once: true });
    await indexIfNeeded(db, config, say);
    io.signal?.removeEventListener('abort', stopAfterIndexing);
  } finally {
    db.close();
  }
  const index = new LiveIndex(config.databaseFile, { aliasesFile: config.aliasesFile });
  const stateDb = openStateDatabase(config.stateFile);
  try {
    // Read at each message, so a resized terminal gets lines of its new width.
    const textOptions: TextOptions = {
      color: io.color,
      get width() {
        return io.width?.();
      },
    };
    const slack = new ConsoleSlack(io.print, textOptions);
    let watcher: ReturnType<typeof watchSavedSearches> | undefined;
    const receiver = new ConsoleReceiver({
      input: io.input,
      output: io.output,
      slack,
      print: io.print,
      logger: io.logger,
      prompt: 'readout> ',
      // As `npm run reindex` would; then saved searches post what is new, as after any re-index.
      reindex: async () => {
        await reindexAndSay(config, say);
        await watcher?.check();
      },
    });
    if (io.signal?.aborted) return;
    const stop = () => void receiver.stop();
    io.signal?.addEventListener('abort', stop, { once: true });
    try {
      const services = {
        readout: inProcessReadout(index),
        state: new StateStore(stateDb),
        logger: io.logger,
        usageExamples: searchesSampleArchive(config) ? sampleArchiveUsageExamples : undefined,
      };
      const app = await createApp(config, services, {
        receiver,
        botToken: 'xoxb-console',
        clientOptions: { fetch: slack.fetch, slackApiUrl: slack.apiUrl },
      });
      say(`\n${consoleUsage({ sampleArchive: searchesSampleArchive(config) })}\n`);
      await app.start();
      watcher = watchSavedSearches(app, config, services);
      await receiver.finished;
      watcher.stop();
      await app.stop();
    } finally {
      io.signal?.removeEventListener('abort', stop);
    }
  } finally {
    index.close();
    stateDb.close();
    // The answers were read through a read-only connection, which cannot fold the WAL back into
    // the file; the console wrote this index, so a writable connection closed last does, and
    // removes the -wal and -shm files.
    openDatabase(config.databaseFile).close();
  }
}
