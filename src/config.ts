/**
 * Readout's configuration: read from the environment (and `.env`, via dotenv) once, validated,
 * and passed down as a typed object. Every variable is documented in .env.example and README.
 *
 * The mode follows from which Slack credentials exist:
 *   SLACK_APP_TOKEN + SLACK_BOT_TOKEN          → Socket Mode
 *   SLACK_SIGNING_SECRET + SLACK_BOT_TOKEN     → HTTP (POST /slack/events)
 *   none of them                               → local console
 * Anything in between is a half-set configuration and an error naming what is missing.
 */
import path from 'node:path';
import dotenv from 'dotenv';
import { ReadoutError } from './errors.js';
import { defaultAliasesFile, defaultDatabaseFile, projectRoot, sampleArticlesDir } from './paths.js';

export type RunMode = 'socket' | 'http' | 'console';

export interface RateLimit {
  /** Requests one user may make… */
  requests: number;
  /** …within this many seconds. */
  perSeconds: number;
}

export interface Config {
  databaseFile: string;
  /** The bot's own database: saved searches and feedback (never the index). */
  stateFile: string;
  /** How often the bot looks for a finished re-index to post saved searches' new articles, in ms. */
  watchIntervalMs: number;
  articleDirs: string[];
  aliasesFile: string;
  mode: RunMode;
  slack: {
    botToken?: string;
    appToken?: string;
    signingSecret?: string;
    apiUrl?: string;
  };
  port: number;
  rateLimit: RateLimit;
  /** Channel IDs where the bot answers; undefined means everywhere it is invited. */
  channels?: string[];
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  limits: Limits;
  /** Whether the re-index finds quotations and their speakers (READOUT_QUOTATIONS, on by default). */
  quotations: boolean;
}

/** What one article file or one search may cost before it is given up (README, "Limits"). */
export interface Limits {
  /** Largest article file read, in bytes (READOUT_MAX_FILE_MB). */
  maxFileBytes: number;
  /** Longest one file may take to read, clean and segment, in ms (READOUT_PARSE_SECONDS). */
  parseTimeoutMs: number;
  /** Heap the re-index helper may use for one file, in MB (READOUT_PARSE_MEMORY_MB). */
  parseMemoryMb: number;
  /** Longest one search may run in the bot, in ms (READOUT_QUERY_SECONDS). */
  queryBudgetMs: number;
}

export const defaultLimits: Limits = {
  maxFileBytes: 32 * 1024 * 1024,
  parseTimeoutMs: 30_000,
  parseMemoryMb: 1024,
  queryBudgetMs: 5_000,
};

export type Env = Record<string, string | undefined>;

/** Loads `.env` from the project folder into process.env (existing variables win). */
export function loadDotenv(file = path.join(projectRoot, '.env')): void {
  dotenv.config({ path: file, quiet: true });
}

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

function resolvePath(raw: string): string {
  return path.resolve(projectRoot, raw);
}

/** Parses `N/SECONDS` (e.g. `10/60`: ten requests a minute per user); `0` turns the limit off. */
export function parseRateLimit(raw: string): RateLimit | undefined {
  if (raw === '0' || raw === 'off') return { requests: 0, perSeconds: 0 };
  const match = /^(\d{1,6})\s*\/\s*(\d{1,6})$/.exec(raw);
  if (!match) return undefined;
  const requests = Number(match[1]);
  const perSeconds = Number(match[2]);
  return perSeconds > 0 ? { requests, perSeconds } : undefined;
}

/** Reads and validates the configuration; throws one ReadoutError that lists every problem. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const botToken = value(env, 'SLACK_BOT_TOKEN');
  const appToken = value(env, 'SLACK_APP_TOKEN');
  const signingSecret = value(env, 'SLACK_SIGNING_SECRET');

  let mode: RunMode = 'console';
  if (appToken || signingSecret || botToken) {
    if (!botToken) {
      problems.push(
        `SLACK_BOT_TOKEN is missing: ${appToken ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET'} is set, and the bot also needs its xoxb- token`,
      );
    } else if (!appToken && !signingSecret) {
      problems.push(
        'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP) is',
      );
    }
    if (botToken && !botToken.startsWith('xoxb-')) problems.push('SLACK_BOT_TOKEN should start with xoxb-');
    if (appToken && !appToken.startsWith('xapp-')) problems.push('SLACK_APP_TOKEN should start with xapp-');
    mode = appToken ? 'socket' : 'http';
  }

  const apiUrl = value(env, 'SLACK_API_URL');
  if (apiUrl && !/^https?:\/\/[^\s]+$/.test(apiUrl)) problems.push(`SLACK_API_URL is not a URL: ${apiUrl}`);

  const portText = value(env, 'PORT') ?? '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT is not a port number: ${portText}`);

  const rateText = value(env, 'READOUT_RATE_LIMIT') ?? '20/60';
  const rateLimit = parseRateLimit(rateText);
  if (!rateLimit)
    problems.push(`READOUT_RATE_LIMIT should look like 20/60 (requests/seconds), not ${rateText}`);

  const channelsText = value(env, 'READOUT_CHANNELS');
  const channels = channelsText
    ?.split(/[\s,]+/)
    .map((id) => id.trim())
    .filter(Boolean);
  const badChannel = channels?.find((id) => !/^[CGD][A-Z0-9]{2,}$/.test(id));
  if (badChannel) problems.push(`READOUT_CHANNELS should list channel IDs like C0123ABCD, not ${badChannel}`);

  const watchText = value(env, 'READOUT_WATCH_SECONDS') ?? '30';
  const watchSeconds = Number(watchText);
  if (!(watchSeconds > 0 && watchSeconds <= 86_400)) {
    problems.push(`READOUT_WATCH_SECONDS should be a number of seconds from 0.01 to 86400, not ${watchText}`);
  }

  const logLevel = (value(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    problems.push(`LOG_LEVEL should be debug, info, warn or error, not ${logLevel}`);
  }

  const limit = (name: string, unit: number, fallback: number, minimum: number): number => {
    const raw = value(env, name);
    if (raw === undefined) return fallback;
    const number = Number(raw);
    if (!Number.isFinite(number) || number * unit < minimum) {
      problems.push(`${name} should be a number of at least ${minimum / unit}, not ${raw}`);
      return fallback;
    }
    return Math.round(number * unit);
  };
  const limits: Limits = {
    maxFileBytes: limit('READOUT_MAX_FILE_MB', 1024 * 1024, defaultLimits.maxFileBytes, 1024),
    parseTimeoutMs: limit('READOUT_PARSE_SECONDS', 1000, defaultLimits.parseTimeoutMs, 100),
    parseMemoryMb: limit('READOUT_PARSE_MEMORY_MB', 1, defaultLimits.parseMemoryMb, 64),
    queryBudgetMs: limit('READOUT_QUERY_SECONDS', 1000, defaultLimits.queryBudgetMs, 10),
  };

  const quotationsText = (value(env, 'READOUT_QUOTATIONS') ?? 'on').toLowerCase();
  if (!['on', 'off'].includes(quotationsText)) {
    problems.push(`READOUT_QUOTATIONS should be on or off, not ${quotationsText}`);
  }

  if (problems.length > 0) {
    throw new ReadoutError('config_invalid', `configuration: ${problems.join('; ')}`);
  }

  const articles = value(env, 'READOUT_ARTICLES');
  const databaseFile = resolvePath(value(env, 'READOUT_DB') ?? defaultDatabaseFile);
  const stateFile = value(env, 'READOUT_STATE_DB');
  return {
    databaseFile,
    // Beside the index by default (the same folder must be writable for its -wal file anyway).
    stateFile: stateFile
      ? resolvePath(stateFile)
      : path.join(path.dirname(databaseFile), 'readout-state.sqlite'),
    watchIntervalMs: Math.round(watchSeconds * 1000),
    articleDirs: articles
      ? articles.split(path.delimiter).filter(Boolean).map(resolvePath)
      : [sampleArticlesDir],
    aliasesFile: resolvePath(value(env, 'READOUT_ALIASES') ?? defaultAliasesFile),
    mode,
    slack: { botToken, appToken, signingSecret, apiUrl },
    port,
    // The limit protects a shared bot from one user's flood; at the console the one user is the
    // person at the keyboard, who should never be told to wait.
    rateLimit: mode === 'console' ? { requests: 0, perSeconds: 0 } : rateLimit!,
    channels: channels && channels.length > 0 ? channels : undefined,
    logLevel: logLevel as Config['logLevel'],
    limits,
    quotations: quotationsText !== 'off',
  };
}

/** The secrets in a configuration, for log redaction. */
export function secretsOf(config: Config): string[] {
  return [config.slack.botToken, config.slack.appToken, config.slack.signingSecret].filter(
    (secret): secret is string => Boolean(secret),
  );
}
