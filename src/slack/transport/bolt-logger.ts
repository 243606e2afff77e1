/**
 * Bolt, the Web API client and the Socket Mode client log through Readout's logger, so their
 * lines share its format and its secret redaction (Bolt's debug output includes request bodies).
 */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import { describeError } from '../../errors.js';
import type { Logger } from '../../log.js';

function joinMessages(messages: unknown[]): string {
  return messages
    .map((message) => {
      if (typeof message === 'string') return message;
      if (message instanceof Error) return describeError(message);
      try {
        return JSON.stringify(message);
      } catch {
        return String(message);
      }
    })
    .join(' ');
}

export function boltLogger(logger: Logger, level: 'debug' | 'info' | 'warn' | 'error'): BoltLogger {
  let current = level as LogLevel;
  let name = 'slack';
  return {
    debug: (...messages) => logger.debug(`${name}: ${joinMessages(messages)}`),
    info: (...messages) => logger.info(`${name}: ${joinMessages(messages)}`),
    warn: (...messages) => logger.warn(`${name}: ${joinMessages(messages)}`),
    error: (...messages) => logger.error(`${name}: ${joinMessages(messages)}`),
    setLevel: (next: LogLevel) => {
      current = next;
    },
    getLevel: () => current ?? LogLevel.INFO,
    setName: (next: string) => {
      name = next;
    },
  };
}
