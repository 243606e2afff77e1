/**
 * `npm start`: configuration → database → app → start.
 *
 * Fails fast, with one clear line and a non-zero exit (never a stack trace), for a half-set
 * configuration, a missing or damaged database (naming the command that fixes it), Slack
 * rejecting the tokens, or a port in use. With no Slack credentials at all it runs the console.
 */

import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Config, loadConfig, loadDotenv, secretsOf } from './config.js';
import { describeError, isReadoutError, ReadoutError } from './errors.js';
import { createLogger, type Logger, redact } from './log.js';
import { LiveIndex } from './serving/live-index.js';
import { SearchPool } from './serving/search-pool.js';
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
  // Read-only: the bot never writes to the index (src/index/open-for-reading.ts).
  const index = new LiveIndex(config.databaseFile, { aliasesFile: config.aliasesFile, busyTimeoutMs: 250 });
  const stats = index.stats();
  const health = index.health();
  if (!health.searchable) throw new ReadoutError('index_unavailable', health.problem);
  if (stats.articles === 0) logger.warn('the index is empty: run `npm run reindex` to index the archive');
  const indexed = index.current().reader.indexedFolders();
  if (indexed !== undefined && !sameFolders(indexed, config.articleDirs)) {
    // The bot only reads; the re-index (which removes the other folders' articles) is the admin's.
    logger.warn(
      `the index holds ${indexed.join(', ')} but READOUT_ARTICLES names ${config.articleDirs.join(', ')}: run \`npm run reindex\` to index it`,
    );
  }

  const pool = new SearchPool({
    file: config.databaseFile,
    aliasesFile: config.aliasesFile,
    index,
    queryBudgetMs: config.limits.queryBudgetMs,
    logger,
  });
  const stateDb = openStateDatabase(config.stateFile);
  const inFlight = new InFlight();
  const services = { readout: pool, state: new StateStore(stateDb), logger, inFlight };
  const app = await createApp(config, services);
  let watcher: ReturnType<typeof watchSavedSearches> | undefined;
  keepServingThroughBugs(logger);
  // Register before starting: a signal during start-up must also stop cleanly.
  let stopping = false;
  const shutdown = async (why: string) => {
    stopping = true;
    logger.info(`readout: ${why}, stopping`, { answering: inFlight.size });
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
      await pool.close();
      stateDb.close();
      logger.info('readout: stopped');
      process.exit(0);
    }
  };
  // SIGHUP (the terminal closed) stops like SIGTERM: there is nothing to reload, as the alias list
  // is read per query and a new index is picked up by itself. A signal repeated during the drain
  // (systemd signals every process of the unit; npm forwards SIGTERM and SIGINT) must not cut it
  // short: the drain is bounded by shutdownGraceMs anyway.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (stopping) logger.info(`readout: ${signal} again; still finishing the answers under way`);
      else void shutdown(signal);
    });
  }
  watchParent(() => {
    if (!stopping) void shutdown('the parent process is gone');
  });

  if (config.mode === 'http') {
    const server = (await app.start(config.port)) as Server;
    // The port actually bound (PORT=0 picks a free one).
    const port = (server.address() as AddressInfo | null)?.port ?? config.port;
    logger.info(`readout: listening for Slack on port ${port} (POST /slack/events, GET /healthz)`, {
      articles: stats.articles,
      pid: process.pid,
    });
  } else {
    await app.start();
    logger.info('readout: connected to Slack over Socket Mode', {
      articles: stats.articles,
      pid: process.pid,
    });
  }
  if (!stopping) watcher = watchSavedSearches(app, config, services);
}

/**
 * Stops the bot when the process that started it goes away (npm killed, a terminal closed): an
 * orphan would keep answering with nobody to stop it. The parent is polled: `process.ppid`
 * changes when the bot is re-parented. `npm start` runs the bot through `sh -c`, a shell that
 * stays as its parent, so under a shell the shell's own parent (npm) is watched too (Linux /proc).
 * Started by PID 1 (systemd, a container's init), there is nothing to watch.
 */
function watchParent(onGone: () => void): void {
  const parent = process.ppid;
  if (parent <= 1) return;
  const shells = new Set(['sh', 'dash', 'bash', 'zsh', 'ash']);
  const wrapper = shells.has(readProc(parent, 'comm')?.trim() ?? '') ? parentOf(parent) : undefined;
  const grandparent = wrapper !== undefined && wrapper > 1 ? wrapper : undefined;
  const timer = setInterval(() => {
    if (process.ppid !== parent || (grandparent !== undefined && parentOf(parent) !== grandparent)) {
      clearInterval(timer);
      onGone();
    }
  }, 1000);
  timer.unref();
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

/** The parent of a process (from /proc/PID/stat: the field after the name in parentheses). */
function parentOf(pid: number): number | undefined {
  const stat = readProc(pid, 'stat');
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields ? Number(fields[1]) : undefined;
}

/**
 * The last resort: an error that escaped every handler (a library tripping on a malformed
 * payload) is logged and the bot keeps serving, rather than dropping every answer under way.
 */
function keepServingThroughBugs(logger: Logger): void {
  // Whoever read our output is gone (EPIPE): logging the failure would fail again, in a loop.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
  let logging = false;
  const log = (error: unknown) => {
    if (logging) return;
    logging = true;
    try {
      logger.error('readout: unexpected error outside any request; still serving', {
        error: describeError(error),
      });
    } catch {
      // Nowhere left to say it.
    } finally {
      logging = false;
    }
  };
  process.on('uncaughtException', log);
  process.on('unhandledRejection', log);
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
