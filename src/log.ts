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
const tokenShape = /\b(?:xox[a-z]|xapp)-[A-Za-z0-9-]{6,}|v0=[0-9a-f]{64}/g;

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 6) out = out.split(secret).join('[redacted]');
  }
  return out.replace(tokenShape, '[redacted]');
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
    write(redact(`${new Date().toISOString()} ${level.toUpperCase()} ${message}${detail}`, secrets));
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
