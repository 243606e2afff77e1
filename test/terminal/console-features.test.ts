/**
 * Saved searches, the search form and feedback in console mode: the real Bolt app with the
 * console receiver, on an indexed copy of the fixture archive to which one story is added
 * before the console's `reindex`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { runConsole } from '../../src/terminal/run-console.js';
import { buildFixtureArchive, type FixtureArchive } from '../slack/fixture-archive.js';

let archive: FixtureArchive;
let output = '';
const logs: string[] = [];

beforeAll(async () => {
  archive = await buildFixtureArchive();
  fs.writeFileSync(
    path.join(archive.articlesDir, 'gazette', 'new-keeper.txt'),
    '---\ntitle: "New lighthouse keeper starts at Saltmere"\nsource: "Coastal Gazette (test)"\npublished: 2024-06-01\n---\n\nThe new lighthouse keeper at Saltmere lit the lamp on her first night.\n',
  );
  const config = loadConfig({
    READOUT_DB: archive.databaseFile,
    READOUT_ARTICLES: archive.articlesDir,
    READOUT_RATE_LIMIT: '0',
  });
  const input = new PassThrough();
  const run = runConsole(config, {
    input,
    print: (text) => {
      output += text;
    },
    color: false,
    logger: createLogger({ write: (line) => logs.push(line) }),
  });
  input.end(
    `${[
      'watch lighthouse keeper',
      'watch after:2020',
      'watching',
      'reindex',
      'submit',
      'shortcut Who wrote about the lighthouse keeper at Saltmere?',
      'submit',
      'bad',
      'shortcut',
      'submit cormorant',
      'unwatch 1',
      'quit',
    ].join('\n')}\n`,
  );
  await run;
});

afterAll(() => archive?.remove());

function outputAfter(marker: string): string {
  const at = output.indexOf(marker);
  expect(at, `output has ${marker}`).toBeGreaterThanOrEqual(0);
  return output.slice(at + marker.length);
}

describe('the console', () => {
  it('saves a search with watch and lists it with watching', () => {
    expect(output).toContain(
      'Saved. After each re-index I will post new articles matching “lighthouse keeper” in #C0CONSOLE',
    );
    expect(output).toContain('Nothing to watch for in “after:2020”');
    expect(output).toContain('1. “lighthouse keeper” · saved by @U0CONSOLE');
  });

  it('re-indexes with reindex, and the saved search posts the new story in the channel', () => {
    expect(output).toContain('Re-indexed: 1 new, 0 changed and 0 removed files');
    const alert = outputAfter('── Readout in the channel ──\n');
    expect(alert).toMatch(/^\*Readout\* · 1 new article in the archive for “lighthouse keeper”/);
    expect(alert).toMatch(/New \*lighthouse\* \*keeper\* starts at Saltmere/);
    expect(alert).toContain('[ Stop watching ]');
  });

  it('says when there is no form to submit', () => {
    expect(output).toContain('There is no search form to submit');
  });

  it('opens the search form as text, prefilled from the message', () => {
    const form = outputAfter('── Readout: Search the archive ──\n');
    expect(form).toMatch(/^Words to find: lighthouse keeper Saltmere/);
    expect(form).toContain('Outlets (optional): any of Coastal Gazette (test)');
    expect(form).toContain('Published from (optional): (a date)');
    expect(form).toContain('Said by (optional): (empty)');
    expect(form).toContain('Answer me privately in: #C0CONSOLE');
  });

  it('answers the submitted form privately, and takes a 👎 with bad', () => {
    expect(output).toMatch(/\*Readout\* · passages? 1\S* for “lighthouse keeper Saltmere”/);
    expect(output).toContain('[ 👍 ]  [ 👎 ]');
    expect(output).toContain('noted that the answer to “lighthouse keeper Saltmere” did not help');
  });

  it('submits the empty form with other words', () => {
    expect(output).toMatch(/\*Readout\* · passage 1 for “cormorant”/);
  });

  it('stops the saved search with unwatch', () => {
    expect(output).toContain('Stopped watching “lighthouse keeper” in #C0CONSOLE');
  });

  it('logged no errors', () => {
    expect(logs.filter((line) => / ERROR /.test(line))).toEqual([]);
  });
});
