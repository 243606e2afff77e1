import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, printable } from '../../src/terminal/format.js';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KB'],
    [2_400_000, '2.3 MB'],
    [1_131 * 1024 * 1024, '1.1 GB'],
  ])('shows %i bytes as %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});

describe('formatDuration', () => {
  it.each([
    [0.4, '0 ms'],
    [48.2, '48 ms'],
    [9_999, '9999 ms'],
    [12_345, '12.3 s'],
  ])('shows %f ms as %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});

describe('printable', () => {
  it.each([
    ['plain-name.md', 'plain-name.md'],
    ['café ☕.txt', 'café ☕.txt'],
    ['evil\n    forged: line', 'evil\\n    forged: line'],
    ['red\u001b[31mtext', 'red\\x1b[31mtext'],
    ['back\rspace\ttab', 'back\\rspace\\ttab'],
    ['c1\u009bcontrol', 'c1\\x9bcontrol'],
    ['right-to-left\u202efdp.exe', 'right-to-left\\u202efdp.exe'],
  ])('shows %j as %j', (text, expected) => {
    expect(printable(text)).toBe(expected);
  });
});
