/**
 * `npm start`: configuration → database → app → start.
 *
 * Fails fast, with one clear line and a non-zero exit (never a stack trace), for a half-set
 * configuration, a missing or damaged database (naming the command that fixes it), Slack
 * rejecting the tokens, or a port in use. With no Slack credentials at all it runs the console.
 */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Config, loadConfig, loadDotenv, secretsOf } from './config.js';
import { describeError, isReadoutError } from './errors.js';
import { openDatabase } from './index/database.js';
import { IndexReader } from './index/reader.js';
import { createLogger, type Logger, redact } from './log.js';
import { inProcessReadout } from './readout.js';
import { SearchIndex } from './search/search-index.js';
import { createApp, watchSavedSearches } from './slack/app.js';
import { InFlight } from './slack/transport/in-flight.js';
import { slackErrorCode } from './slack/transport/slack-errors.js';
import { openStateDatabase } from './state/state-database.js';
import { StateStore } from './state/state-store.js';
import { runConsole, sameFolders } from './terminal/run-console.js';
import { terminalWidth } from './terminal/wrap-text.js';

/** How long SIGTERM waits for answers under way before closing the database anyway. */
const shutdownGraceMs = 20_000;

let secrets: string[] = [];

/** One line for the person starting Readout; then exit 1. */
function fail(error: unknown): never {
  process.stderr.write(`${redact(`readout: ${explainStartupError(error)}`, secrets)}\n`);
  process.exit(1);
}

/** Why Readout could not start, in words that say what to do. */
export function explainStartupError(error: unknown): string {
  if (isReadoutError(error)) return error.message;
  const code = slackErrorCode(error);
  if (['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired'].includes(code)) {
    return `Slack rejected the token (${code}): check SLACK_BOT_TOKEN and SLACK_APP_TOKEN (README, "Connect Readout to Slack")`;
  }
  if (code === 'network')
    return `cannot reach Slack (${describeError(error)}); check the network or SLACK_API_URL`;
  const errno = (error as { code?: unknown }).code;
  if (errno === 'EADDRINUSE')
    return 'the port is already in use: stop the other process or set PORT to a free port';
  if (errno === 'EACCES') return 'not allowed to listen on that port: set PORT to a number above 1024';
  return `failed to start: ${describeError(error)}`;
}

async function startSlack(config: Config, logger: Logger): Promise<void> {
  const db = openDatabase(config.databaseFile);
  const search = new SearchIndex(new IndexReader(db), { aliasesFile: config.aliasesFile });
  const stats = search.stats();
  if (stats.articles === 0) logger.warn('the index is empty: run `npm run reindex` to index the archive');
  const indexed = search.reader.indexedFolders();
  if (indexed !== undefined && !sameFolders(indexed, config.articleDirs)) {
    // The bot only reads; the re-index (which removes the other folders' articles) is the admin's.
    logger.warn(
      `the index holds ${indexed.join(', ')} but READOUT_ARTICLES names ${config.articleDirs.join(', ')}: run \`npm run reindex\` to index it`,
    );
  }

  const stateDb = openStateDatabase(config.stateFile);
  const inFlight = new InFlight();
  const services = { readout: inProcessReadout(search), state: new StateStore(stateDb), logger, inFlight };
  const app = await createApp(config, services);
  let watcher: ReturnType<typeof watchSavedSearches> | undefined;
  // Register before starting: a signal during start-up must also close the database cleanly.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`readout: ${signal}, stopping`, { answering: inFlight.size });
    try {
      // Stop taking requests first, then let the answers already under way reach the reporter:
      // Slack has had its ack, so an answer cut off here would simply never arrive.
      watcher?.stop();
      await app.stop();
      if (!(await inFlight.drained(shutdownGraceMs))) {
        logger.warn('readout: stopped with answers still under way', { answering: inFlight.size });
      }
    } catch (error) {
      logger.error('readout: error while stopping', { error: describeError(error) });
    } finally {
      db.close();
      stateDb.close();
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  if (config.mode === 'http') {
    const server = (await app.start(config.port)) as Server;
    // The port actually bound (PORT=0 picks a free one).
    const port = (server.address() as AddressInfo | null)?.port ?? config.port;
    logger.info(`readout: listening for Slack on port ${port} (POST /slack/events, GET /healthz)`, {
      articles: stats.articles,
    });
  } else {
    await app.start();
    logger.info('readout: connected to Slack over Socket Mode', { articles: stats.articles });
  }
  if (!stopping) watcher = watchSavedSearches(app, config, services);
}

/**
 * The console, until `quit`, the end of the input, Ctrl-C or SIGTERM: each one closes the app and
 * the database (checkpointing the WAL, removing -wal and -shm) and exits 0.
 */
async function startConsole(config: Config, logger: Logger): Promise<void> {
  const stopping = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    // A second signal while the first waits (a long first indexing) stops at once: an indexing
    // transaction cut short is never committed, so the database stays as it was.
    if (stopping.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
    stopping.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await runConsole(config, {
      input: process.stdin,
      output: process.stdout,
      print: (text) => process.stdout.write(text),
      color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      width: () => terminalWidth(process.stdout),
      signal: stopping.signal,
      logger,
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function main(): Promise<void> {
  loadDotenv();
  const config = loadConfig();
  secrets = secretsOf(config);
  const logger = createLogger({ level: config.logLevel, secrets });
  if (config.mode === 'console') {
    await startConsole(config, logger);
    return;
  }
  await startSlack(config, logger);
}

main().catch(fail);
