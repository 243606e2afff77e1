import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { terminalWidth, wrapText, wrapWithGutter } from '../../src/terminal/wrap-text.js';

const bold = (text: string) => `\u001b[1m${text}\u001b[22m`;

describe('wrapText', () => {
  it.each<[string, string, number | undefined, string]>([
    [
      'leaves text whole without a width (a pipe)',
      'the quick brown fox jumps over the lazy dog',
      undefined,
      'the quick brown fox jumps over the lazy dog',
    ],
    ['leaves a line that fits as it is', 'the quick brown fox  ', 24, 'the quick brown fox  '],
    [
      'breaks between words at the width',
      'the quick brown fox jumps over the lazy dog',
      24,
      'the quick brown fox\njumps over the lazy dog',
    ],
    [
      'keeps the quote bar on every line',
      '  │ the quick brown fox jumps over the lazy dog',
      24,
      '  │ the quick brown fox\n  │ jumps over the lazy\n  │ dog',
    ],
    [
      'keeps a context line indented',
      '    Headline of the article · Wire · 5 Sep 2016',
      30,
      '    Headline of the article ·\n    Wire · 5 Sep 2016',
    ],
    [
      'wraps each line with its own gutter',
      'heading\n  │ one two three four five six seven\n    five six seven eight nine ten',
      28,
      'heading\n  │ one two three four five\n  │ six seven\n    five six seven eight\n    nine ten',
    ],
    [
      'does not count ANSI escapes',
      `${bold('the')} quick brown fox ${bold('jumps')}`,
      25,
      `${bold('the')} quick brown fox ${bold('jumps')}`,
    ],
    [
      'counts a wide character as two columns',
      '漢字 漢字 漢字 漢字 漢字 漢字',
      24,
      '漢字 漢字 漢字 漢字 漢字\n漢字',
    ],
    ['counts an emoji as two columns', '😀😀 😀😀 😀😀 😀😀 😀😀 😀😀', 24, '😀😀 😀😀 😀😀 😀😀 😀😀\n😀😀'],
    [
      'leaves a word longer than the width whole',
      'see https://example.org/a/very/long/path/to/an/article today',
      24,
      'see\nhttps://example.org/a/very/long/path/to/an/article\ntoday',
    ],
    [
      'keeps twenty columns beside a deep gutter',
      `${' '.repeat(20)}the quick brown fox jumps`,
      24,
      `${' '.repeat(20)}the quick brown fox\n${' '.repeat(20)}jumps`,
    ],
  ])('%s', (_name, text, width, expected) => {
    expect(wrapText(text, width)).toBe(expected);
  });

  it('keeps bold across a break', () => {
    const wrapped = wrapText(`  │ ${bold('the quick brown fox jumps')} over`, 24).split('\n');
    expect(wrapped[0]).toBe(`  │ ${bold('the quick brown fox')}`);
    expect(wrapped[1]).toBe(`  │ ${bold('jumps')} over`);
  });

  it('loses no word and keeps every line in the width (unless one word is wider)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '-'), minLength: 1, maxLength: 30 });
    const gutter = fc.constantFrom('', '  ', '    ', '  │ ');
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 40 }),
        gutter,
        fc.integer({ min: 24, max: 120 }),
        (words, prefix, width) => {
          const lines = wrapText(prefix + words.join(' '), width).split('\n');
          for (const line of lines) {
            expect(line.startsWith(prefix)).toBe(true);
            const body = line.slice(prefix.length);
            if (body.includes(' ')) expect(line.length).toBeLessThanOrEqual(width);
          }
          expect(lines.map((line) => line.slice(prefix.length)).join(' ')).toBe(words.join(' '));
        },
      ),
    );
  });
});

describe('wrapWithGutter', () => {
  it.each<[string, string, number, string, string | undefined, string]>([
    [
      'hangs continuation lines under the first word',
      'the quick brown fox jumps',
      24,
      '1. ',
      '   ',
      '1. the quick brown fox\n   jumps',
    ],
    ['puts a body that fits after the gutter', 'the quick', 24, '12. ', '    ', '12. the quick'],
    [
      'repeats the first gutter by default',
      'the quick brown fox jumps over',
      24,
      '  │ ',
      undefined,
      '  │ the quick brown fox\n  │ jumps over',
    ],
  ])('%s', (_name, body, width, first, rest, expected) => {
    expect(wrapWithGutter(body, width, first, rest)).toBe(expected);
  });
});

describe('terminalWidth', () => {
  it.each<[string, { isTTY?: boolean; columns?: number }, number | undefined]>([
    ['a terminal: its columns', { isTTY: true, columns: 132 }, 132],
    ['a terminal of size 0 (a bare pseudo-terminal): 80', { isTTY: true, columns: 0 }, 80],
    ['a terminal that does not say: 80', { isTTY: true }, 80],
    ['a pipe: none, lines stay whole', { columns: 100 }, undefined],
  ])('%s', (_name, stream, expected) => {
    expect(terminalWidth(stream)).toBe(expected);
  });
});
