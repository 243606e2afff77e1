/**
 * The console at a terminal: readline's line editing with history and a prompt when input and
 * output are TTYs, plain lines from a pipe. The in-process run types keys into streams that say
 * they are TTYs, so readline reads them as keys (arrows, Enter, Ctrl-C), as at a real terminal.
 */
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { historySize, isTerminal, lineReaderOptions } from '../../src/terminal/line-reader.js';
import { runConsole } from '../../src/terminal/run-console.js';
import { buildFixtureArchive, type FixtureArchive } from '../slack/fixture-archive.js';

/** A stream that says it is a terminal, as process.stdin and process.stdout do at one. */
function ttyStream(columns = 80): PassThrough & { isTTY: boolean; columns: number } {
  return Object.assign(new PassThrough(), { isTTY: true, columns });
}

describe('lineReaderOptions', () => {
  it.each([
    ['a terminal', ttyStream(), ttyStream(), true],
    ['input from a pipe', new PassThrough(), ttyStream(), false],
    ['output to a pipe', ttyStream(), new PassThrough(), false],
    ['no output', ttyStream(), undefined, false],
  ])('edits lines with history and a prompt only at %s', (_name, input, output, terminal) => {
    expect(isTerminal(input, output)).toBe(terminal);
    const options = lineReaderOptions(input, output, 'readout> ');
    expect(options.terminal).toBe(terminal);
    if (terminal) {
      expect(options).toMatchObject({
        output,
        prompt: 'readout> ',
        historySize,
        removeHistoryDuplicates: true,
      });
      expect(historySize).toBeGreaterThanOrEqual(100);
    } else {
      expect(options.output).toBeUndefined();
    }
  });
});

describe('runConsole at a terminal', () => {
  let archive: FixtureArchive;
  let printed = '';
  let echoed = '';
  let finished: Promise<void>;
  const keys = ttyStream();
  const screen = ttyStream(60);
  const waiting: Array<() => void> = [];

  /** Resolves once the printed output has `count` answers, however the prints are split. */
  function answersPrinted(count: number): Promise<void> {
    const done = () => printed.split('── Readout (only you can see this) ──').length - 1 >= count;
    return new Promise((resolve) => {
      const check = () => (done() ? resolve() : waiting.push(check));
      check();
    });
  }

  beforeAll(async () => {
    archive = await buildFixtureArchive();
    screen.on('data', (chunk) => {
      echoed += chunk;
    });
    const config = loadConfig({
      READOUT_DB: path.join(archive.dir, 'terminal.sqlite'),
      READOUT_ARTICLES: archive.articlesDir,
    });
    finished = runConsole(config, {
      input: keys,
      output: screen,
      print: (text) => {
        printed += text;
        for (const check of waiting.splice(0)) check();
      },
      color: false,
      width: () => screen.columns,
      logger: createLogger({ write: () => {} }),
    });
    keys.write('lighthouse keeper\r');
    await answersPrinted(1);
    // Up-arrow recalls the line above; Enter sends it again.
    keys.write('\u001b[A');
    keys.write('\r');
    await answersPrinted(2);
    keys.write('\u0003'); // Ctrl-C
    await finished;
  });

  afterAll(() => archive?.remove());

  it('shows the prompt and echoes what is typed', () => {
    expect(echoed).toContain('readout> ');
    expect(echoed).toContain('lighthouse keeper');
  });

  it('recalls an earlier line with up-arrow, without echoing the escape sequence', () => {
    const answers = printed.match(/passages 1–5 for “lighthouse keeper”/g) ?? [];
    expect(answers).toHaveLength(2);
    expect(printed).not.toContain('[A');
    expect(echoed).not.toContain('^[[A');
  });

  it('wraps answers at the terminal width, keeping the quote bar', () => {
    const lines = printed.split('\n');
    expect(lines.filter((line) => line.startsWith('  │ ')).length).toBeGreaterThan(5);
    for (const line of lines.filter((each) => !/https?:\/\//.test(each))) {
      expect(line.length, line).toBeLessThanOrEqual(60);
    }
  });

  it('ends at Ctrl-C', async () => {
    await expect(finished).resolves.toBeUndefined();
  });
});
