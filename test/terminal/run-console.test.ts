/**
 * Console mode in-process: the real Bolt app with the console receiver, fed lines, its output
 * read back. The database starts empty, so the console indexes the fixture archive first.
 */
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { runConsole } from '../../src/terminal/run-console.js';
import { buildFixtureArchive, type FixtureArchive } from '../slack/fixture-archive.js';

let archive: FixtureArchive;
let output = '';
let logs: string[] = [];

async function runLines(lines: string[]): Promise<string> {
  const config = loadConfig({
    READOUT_DB: path.join(archive.dir, 'console.sqlite'),
    READOUT_ARTICLES: archive.articlesDir,
  });
  const input = new PassThrough();
  let printed = '';
  const run = runConsole(config, {
    input,
    print: (text) => {
      printed += text;
    },
    color: false,
    logger: createLogger({ write: (line) => logs.push(line) }),
  });
  input.end(`${lines.join('\n')}\n`);
  await run;
  return printed;
}

beforeAll(async () => {
  archive = await buildFixtureArchive();
  logs = [];
  output = await runLines([
    '/readout lighthouse keeper',
    'more',
    'share',
    'dismiss',
    '@readout marmalade ferry',
    'home',
    '/giphy cats',
    'help',
    'quit',
    '/readout cormorant',
  ]);
});

afterAll(() => archive?.remove());

/** The part of the output after the first occurrence of `marker`. */
function outputAfter(marker: string): string {
  const at = output.indexOf(marker);
  expect(at, `output has ${marker}`).toBeGreaterThanOrEqual(0);
  return output.slice(at + marker.length);
}

describe('runConsole', () => {
  it('says which Slack variables are missing and where to read about them', () => {
    expect(output).toMatch(/SLACK_BOT_TOKEN with SLACK_APP_TOKEN \(Socket Mode\)/);
    expect(output).toMatch(/SLACK_SIGNING_SECRET \(HTTP\)/);
    expect(output).toContain('README');
  });

  it('indexes the archive when the database is empty', () => {
    expect(output).toContain(`The index is empty: indexing ${archive.articlesDir}`);
    expect(output).toContain(`Indexed ${archive.articles} articles`);
  });

  it("offers the query syntax, not the sample archive's examples, for another archive", () => {
    expect(output).toContain('Type what you are looking for, alone or after /readout');
    expect(output).not.toContain('Try these on the sample archive');
  });

  it('prints the private answer to /readout as readable text, with its buttons', () => {
    const answer = outputAfter('── Readout (only you can see this) ──\n');
    expect(answer).toMatch(/^\*Readout\* · passages 1–5 for “lighthouse keeper”/);
    expect(answer).toMatch(/ {2}│ The \*lighthouse\* \*keeper\* at \w+ climbed the tower/);
    expect(answer).toContain('(https://example.org/gazette/lighthouse-');
    expect(answer).toContain('[ Share in channel ]  [ More results ]  [ 👍 ]  [ 👎 ]  [ Dismiss ]');
    expect(answer).toContain('(type share, more, good, bad, dismiss to press a button)');
  });

  it('pages with more, replacing the private answer', () => {
    expect(outputAfter('── Readout, replacing its answer (only you can see this) ──\n')).toMatch(
      /^\*Readout\* · passages 6–8 for “lighthouse keeper”/,
    );
  });

  it('shares into the channel, crediting the user, and removes the private answer', () => {
    const shared = outputAfter('── Readout in the channel ──\n');
    expect(shared).toMatch(/^\*Readout\* · passages 6–8 for “lighthouse keeper”/);
    expect(shared).toContain('Shared by @U0CONSOLE with /readout');
    expect(shared).toContain('(Readout removed its private answer)');
  });

  it('says when there is no button to press', () => {
    expect(output).toContain('There is no answer with a “Dismiss” button to press.');
  });

  it('answers a mention in a thread, showing article text exactly as written', () => {
    const reply = outputAfter('── Readout, replying in the thread ──\n');
    expect(reply).toContain('"<!channel> <@U123> <https://x|y> & <!here>"');
  });

  it('shows the Home tab with the index statistics', () => {
    expect(outputAfter('── Readout Home tab ──\n')).toContain(
      `The archive index holds ${archive.articles} articles`,
    );
  });

  it('knows only /readout', () => {
    expect(output).toContain('Only /readout is known here, not /giphy.');
  });

  it('shows usage for help', () => {
    expect(output).toContain('`/readout source:tass putin` searches one outlet only');
  });

  it('stops at quit', () => {
    expect(output).not.toContain('cormorant');
  });

  it('logged no errors', () => {
    expect(logs.filter((line) => / ERROR /.test(line))).toEqual([]);
  });
});
