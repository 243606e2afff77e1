/**
 * The console as a fresh clone runs it, on the bundled sample archive (indexed into a temp
 * database by the console itself): every example its welcome offers finds passages, through the
 * real path (typed lines → Bolt app → listeners → readout() → SQLite); and one person may type
 * many lines in a row, since the per-user rate limit does not apply at the console.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { sampleArchiveExamples, sampleArchiveUsageExamples } from '../../src/terminal/console-usage.js';
import { runConsole } from '../../src/terminal/run-console.js';

// More lines than the default limit (READOUT_RATE_LIMIT 20/60) lets one user ask in a minute.
const rounds = 4;
// The queries `help` and the Home tab show in the console on the sample archive.
// (`compare` is typed after its word, and answered with a comparison: tested apart.)
const usageQueries = Object.entries(sampleArchiveUsageExamples)
  .filter(([kind]) => kind !== 'compare')
  .map(([, query]) => query);
const compareLine = `compare ${sampleArchiveUsageExamples.compare}`;
const lines = [
  ...Array.from({ length: rounds }, () => sampleArchiveExamples.map((example) => example.line)).flat(),
  ...usageQueries,
];

let dir: string;
let output = '';
const logs: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-examples-'));
  // No READOUT_ARTICLES and no READOUT_RATE_LIMIT: the defaults, as `npm start` has them.
  const config = loadConfig({ READOUT_DB: path.join(dir, 'readout.sqlite') });
  const input = new PassThrough();
  const run = runConsole(config, {
    input,
    print: (text) => {
      output += text;
    },
    color: false,
    logger: createLogger({ write: (line) => logs.push(line) }),
  });
  input.end(`${[...lines, compareLine, 'help'].join('\n')}\n`);
  await run;
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Each message the console printed for the app, in order: its heading and its text. */
function answers(): Array<{ heading: string; text: string }> {
  const parts = output.split(/^── (Readout[^─\n]*) ──\n/m);
  const found: Array<{ heading: string; text: string }> = [];
  for (let i = 1; i < parts.length; i += 2) found.push({ heading: parts[i]!, text: parts[i + 1]! });
  return found;
}

/** The query a typed line searches for (a timeline's without the word timeline). */
const queryOf = (line: string) => line.replace(/^(@readout|timeline)\s+/i, '');

describe('the console on the sample archive', () => {
  it('offers every example in its welcome', () => {
    const welcome = output.slice(0, output.indexOf('── Readout'));
    expect(welcome).toContain('Try these on the sample archive');
    for (const example of sampleArchiveExamples) expect(welcome).toContain(example.line);
    expect(welcome).not.toMatch(/obama|putin|syria/i);
  });

  it.each(sampleArchiveExamples.map((example) => example.line))('finds passages for %s', (line) => {
    const answer = answers().find((each) => each.text.includes(`for “${queryOf(line)}”`));
    expect(answer, `an answer for ${line}`).toBeDefined();
    expect(answer!.text).toMatch(/^\*Readout\* · passages? 1(–\d+)? for “/);
    expect(answer!.text).toMatch(/^ {2}│ \S/m);
    expect(answer!.text).not.toContain('No passage has all of');
  });

  it.each(usageQueries)('finds passages for the help example %s', (query) => {
    const answer = answers().find((each) => each.text.includes(`for “${queryOf(query)}”`));
    expect(answer, `an answer for ${query}`).toBeDefined();
    expect(answer!.text).toMatch(/^ {2}│ \S/m);
    expect(answer!.text).not.toContain('No passage has all of');
  });

  it('compares two sides for the help example of compare', () => {
    const answer = answers().at(-2)!.text;
    expect(answer).toMatch(/^\*Readout\* · compare “.*”: \*\d accounts of /);
    expect(answer).toMatch(/^ {2}│ \S/m);
  });

  it('shows those examples, not newsroom ones, in help', () => {
    const help = answers().at(-1)!.text;
    for (const query of [...usageQueries, compareLine]) expect(help).toContain(query);
    expect(help).not.toMatch(/obama|putin|syria/i);
  });

  it(`answers all ${lines.length} lines in a row: no rate limit at the console`, () => {
    const all = answers().slice(0, -2); // the last are the comparison and the answer to help
    expect(all).toHaveLength(lines.length);
    all.forEach((answer, index) => {
      expect(answer.text, `line ${index + 1}: ${lines[index]}`).toContain(`for “${queryOf(lines[index]!)}”`);
    });
    expect(output).not.toContain('Please try again in');
  });

  it('logged no errors', () => {
    expect(logs.filter((line) => / ERROR /.test(line))).toEqual([]);
  });
});
