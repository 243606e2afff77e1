/**
 * `npm start` as a real process (node dist/src/main.js) against the Slack stand-in, the
 * way a newsroom runs it: its own SQLite connection, real signals, everything it prints kept.
 */
import type { ChildProcess } from 'node:child_process';
import { eventsPath } from '../../src/slack/transport/receivers.js';
import { cleanEnv, startScript } from './run-script.js';
import { type Delivery, httpDelivery, type SlackStandIn } from './slack-stand-in/index.js';

/** Test credentials: the stand-in accepts any xoxb-/xapp- token. Grepped for in everything printed. */
export const botSecrets = {
  botToken: 'xoxb-4242-reliability-bot-token',
  appToken: 'xapp-1-reliability-app-token',
  signingSecret: 'reliability-signing-secret-9f8e7d6c5b4a',
} as const;

export interface BotExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BotProcess {
  child: ChildProcess;
  /** http://127.0.0.1:PORT (HTTP mode). */
  origin?: string;
  /** Signed HTTP delivery to POST /slack/events (HTTP mode). */
  delivery?: Delivery;
  /** Everything the process printed so far, stdout then stderr. */
  printed(): string;
  exited: Promise<BotExit>;
  /** Waits (bounded) until the process has printed a line matching `pattern`. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Sends `signal` (SIGTERM by default) and resolves when the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<BotExit>;
}

export interface BotOptions {
  transport?: 'http' | 'socket';
  databaseFile: string;
  env?: Record<string, string>;
}

/** The environment `npm start` gets in these tests: the stand-in, the test secrets, a free port. */
export function botEnv(standIn: SlackStandIn, options: BotOptions): NodeJS.ProcessEnv {
  const transport = options.transport ?? 'http';
  return cleanEnv({
    SLACK_BOT_TOKEN: botSecrets.botToken,
    ...(transport === 'http'
      ? { SLACK_SIGNING_SECRET: botSecrets.signingSecret }
      : { SLACK_APP_TOKEN: botSecrets.appToken }),
    SLACK_API_URL: standIn.apiUrl,
    READOUT_DB: options.databaseFile,
    PORT: '0',
    READOUT_RATE_LIMIT: '0',
    // A developer's .env must not change the process under test (dotenv never overrides a set variable).
    READOUT_CHANNELS: '',
    READOUT_ARTICLES: '',
    READOUT_ALIASES: '',
    LOG_LEVEL: 'info',
    // A busy two-core machine can make an ordinary search (a cold one after a replaced file) pass
    // the 5 s default budget: here the budget is a hang guard. Tests of the budget set their own.
    READOUT_QUERY_SECONDS: '60',
    ...options.env,
  });
}

/** Starts Readout in HTTP (default) or Socket Mode and resolves once it is listening. */
export async function startBot(standIn: SlackStandIn, options: BotOptions): Promise<BotProcess> {
  const transport = options.transport ?? 'http';
  const child = startScript('src/main.ts', [], botEnv(standIn, options));
  child.stdin?.end();
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  const onOutput = () => {
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
    onOutput();
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
    onOutput();
  });
  let done = false;
  const exited = new Promise<BotExit>((resolve) =>
    child.on('close', (code, signal) => {
      // Done before the waiters look: a waiter must see the exit now, not wait out its timeout.
      done = true;
      onOutput();
      resolve({ code, signal });
    }),
  );
  const printed = () => stdout + stderr;

  const waitForOutput = (pattern: RegExp, timeoutMs = 100_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(printed());
        if (match) {
          finish();
          resolve(match[0]);
        } else if (done) {
          finish();
          reject(new Error(`readout exited before printing ${pattern}; it printed:\n${printed()}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`readout did not print ${pattern} in ${timeoutMs} ms; it printed:\n${printed()}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });

  const bot: BotProcess = {
    child,
    printed,
    exited,
    waitForOutput,
    async stop(signal = 'SIGTERM') {
      if (!done) child.kill(signal);
      return exited;
    },
  };
  if (transport === 'http') {
    const line = await waitForOutput(/listening for Slack on port (\d+)/);
    const port = /port (\d+)/.exec(line)![1];
    bot.origin = `http://127.0.0.1:${port}`;
    bot.delivery = httpDelivery(`${bot.origin}${eventsPath}`, botSecrets.signingSecret);
  } else {
    await waitForOutput(/connected to Slack over Socket Mode/);
  }
  return bot;
}
