/**
 * Starts the real Readout app against the local Slack stand-in, over HTTP or Socket Mode,
 * with its configuration read by the real loadConfig from an environment, and a real SQLite
 * index. Log lines are kept so tests can wait for "ignored a re-delivered event".
 */

import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { inProcessReadout, LiveIndex } from '../../src/serving/live-index.js';
import { type AppOverrides, createApp, watchSavedSearches } from '../../src/slack/app.js';
import { eventsPath } from '../../src/slack/transport/receivers.js';
import { openStateDatabase } from '../../src/state/state-database.js';
import { StateStore } from '../../src/state/state-store.js';
import {
  type Delivery,
  httpDelivery,
  type SlackStandIn,
  socketDelivery,
} from '../support/slack-stand-in/index.js';

export type Transport = 'http' | 'socket';

export const secrets = {
  botToken: 'xoxb-0000-test-bot-token',
  appToken: 'xapp-1-test-app-token',
  signingSecret: 'test-signing-secret-0123456789abcdef',
};

export interface RunningReadout {
  app: App;
  delivery: Delivery;
  /** HTTP mode: the app's origin (http://127.0.0.1:PORT). */
  origin?: string;
  logs: string[];
  /** Looks for a finished re-index now and posts saved searches' new articles (as the timer does). */
  checkSavedSearches(): Promise<number>;
  waitForLog(pattern: RegExp): Promise<string>;
  stop(): Promise<void>;
}

export interface ReadoutOptions {
  databaseFile: string;
  /** Extra environment, e.g. READOUT_RATE_LIMIT or READOUT_CHANNELS. */
  env?: Record<string, string>;
  /** Passed to createApp, e.g. a short Web API timeout for fault tests. */
  overrides?: AppOverrides;
}

export async function startReadout(
  transport: Transport,
  standIn: SlackStandIn,
  options: ReadoutOptions,
): Promise<RunningReadout> {
  const config = loadConfig({
    SLACK_BOT_TOKEN: secrets.botToken,
    ...(transport === 'socket'
      ? { SLACK_APP_TOKEN: secrets.appToken }
      : { SLACK_SIGNING_SECRET: secrets.signingSecret }),
    SLACK_API_URL: standIn.apiUrl,
    READOUT_DB: options.databaseFile,
    PORT: '0',
    READOUT_RATE_LIMIT: '0',
    LOG_LEVEL: 'info',
    // Tests look for a finished re-index themselves (checkSavedSearches), not by the clock.
    READOUT_WATCH_SECONDS: '86400',
    ...options.env,
  });
  const logs: string[] = [];
  const logEvents = new EventEmitter();
  const logger = createLogger({
    level: config.logLevel,
    write: (line) => {
      logs.push(line);
      logEvents.emit('line', line);
    },
  });
  const index = new LiveIndex(config.databaseFile, { aliasesFile: config.aliasesFile });
  const stateDb = openStateDatabase(config.stateFile);
  const services = { readout: inProcessReadout(index), state: new StateStore(stateDb), logger };
  const app = await createApp(config, services, options.overrides);

  let origin: string | undefined;
  let delivery: Delivery;
  if (transport === 'http') {
    const server = (await app.start({ port: 0, host: '127.0.0.1' })) as Server;
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    delivery = httpDelivery(`${origin}${eventsPath}`, secrets.signingSecret);
  } else {
    await app.start();
    await standIn.socketConnected();
    delivery = socketDelivery(standIn);
  }

  const watcher = watchSavedSearches(app, config, services);
  return {
    app,
    delivery,
    origin,
    logs,
    checkSavedSearches: () => watcher.check(),
    waitForLog(pattern) {
      const found = logs.find((line) => pattern.test(line));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const onLine = (line: string) => {
          if (!pattern.test(line)) return;
          clearTimeout(timer);
          logEvents.off('line', onLine);
          resolve(line);
        };
        const timer = setTimeout(() => {
          logEvents.off('line', onLine);
          reject(new Error(`no log line matching ${pattern}`));
          // A hang guard, not a budget: a busy machine may take many seconds to log it.
        }, 100_000);
        logEvents.on('line', onLine);
      });
    },
    async stop() {
      watcher.stop();
      await app.stop();
      index.close();
      stateDb.close();
    },
  };
}
