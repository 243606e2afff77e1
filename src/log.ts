/**
 * A small logger that never prints a secret: every line passes through `redact`, which removes
 * the configured tokens and anything shaped like a Slack token. Lines go to stderr so that
 * stdout stays clean for the CLI's JSON and the console's answers.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const levelOrder: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

// xoxb-/xoxp-/xoxa-/xoxe-/xapp- tokens and Slack signature headers.
const tokenShape = String.raw`\b(?:xox[a-z]|xapp)-[A-Za-z0-9-]{6,}|v0=[0-9a-f]{64}`;
// Emphasis Readout may put inside a quoted word (`xoxb-1-*bot*-token` when "bot" was searched).
const markup = '[*_~`]*';
const matchers = new WeakMap<readonly string[], RegExp>();

function matcherFor(secrets: readonly string[]): RegExp {
  let matcher = matchers.get(secrets);
  if (!matcher) {
    const spelled = secrets
      .filter((secret) => secret.length >= 6)
      .sort((a, b) => b.length - a.length)
      .map((secret) =>
        [...secret].map((character) => character.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(markup),
      );
    matcher = new RegExp([...spelled, tokenShape].join('|'), 'g');
    matchers.set(secrets, matcher);
  }
  return matcher;
}

/**
 * `text` without the given secrets or anything shaped like a Slack token, each replaced by
 * `[redacted]`: in log lines, and in everything Readout sends to Slack (transport/web-client.ts),
 * where a quoted passage may have bold marks inside a word.
 */
export function redact(text: string, secrets: readonly string[]): string {
  return text.replace(matcherFor(secrets), '[redacted]');
}

/** Longest log line kept: at LOG_LEVEL=debug Bolt logs whole payloads, which must not flood the disk. */
export const maxLogLineLength = 2000;

function truncated(line: string): string {
  if (line.length <= maxLogLineLength) return line;
  return `${line.slice(0, maxLogLineLength)}… (${line.length - maxLogLineLength} more characters)`;
}

export interface LoggerOptions {
  level?: LogLevel;
  secrets?: readonly string[];
  write?: (line: string) => void;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = levelOrder[options.level ?? 'info'];
  const secrets = options.secrets ?? [];
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const log = (level: LogLevel) => (message: string, context?: Record<string, unknown>) => {
    if (levelOrder[level] < threshold) return;
    const detail = context && Object.keys(context).length > 0 ? ` ${safeJson(context)}` : '';
    // Redacted whole, then cut: a secret across the cut must not leave its first half behind.
    write(
      truncated(redact(`${new Date().toISOString()} ${level.toUpperCase()} ${message}${detail}`, secrets)),
    );
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v) => (v instanceof Error ? `${v.name}: ${v.message}` : v));
  } catch {
    return '[unserialisable context]';
  }
}
