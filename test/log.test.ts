import { describe, expect, it } from 'vitest';
import { createLogger, maxLogLineLength, redact } from '../src/log.js';

const secrets = ['xoxb-4242-a-bot-token', 'a-signing-secret-0123'];

describe('redact', () => {
  it.each([
    ['token xoxb-4242-a-bot-token here', 'token [redacted] here'],
    ['with bold inside: xoxb-4242-a-*bot*-token', 'with bold inside: [redacted]'],
    ['secret *a-signing*-secret-0123.', 'secret *[redacted].'],
    ['any token shape xoxp-123456789-abc', 'any token shape [redacted]'],
    ['nothing secret', 'nothing secret'],
  ])('redacts %j as %j', (text, expected) => {
    expect(redact(text, secrets)).toBe(expected);
  });
});

describe('createLogger', () => {
  it('cuts a long line, after redacting it', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', secrets, write: (line) => lines.push(line) });
    logger.debug(`payload ${'x'.repeat(10_000)} xoxb-4242-a-bot-token`);
    expect(lines[0]!.length).toBeLessThan(maxLogLineLength + 40);
    expect(lines[0]).toMatch(/… \(\d+ more characters\)$/);
    expect(lines[0]).not.toContain('xoxb-4242');
  });
});
