/**
 * `compare` in console mode: the real Bolt app with the console receiver, on the invented
 * archive of one meeting told by two sides; the comparison printed as text, and `event 1`
 * pressing the button of the other event.
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { runConsole } from '../../src/terminal/run-console.js';
import { buildArchiveOf, type FixtureArchive } from '../slack/fixture-archive.js';
import { meetingArticles } from '../slack/meeting-archive.js';

let archive: FixtureArchive;
let output = '';

beforeAll(async () => {
  archive = await buildArchiveOf(meetingArticles);
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
    logger: createLogger({ write: () => {} }),
  });
  input.end('compare harbour board ferry union talks\nevent 1\nshare\nquit\n');
  await run;
});

afterAll(() => archive?.remove());

describe('compare in the console', () => {
  it('prints the grouping, both columns of differences and each side with its quotations', () => {
    const first = output.slice(0, output.indexOf('(type '));
    expect(first).toContain('2 accounts of a meeting on Monday, March 14, 2022');
    expect(first).toContain("*Only the Ferrymen's Union mentions*");
    expect(first).toMatch(/• overtime pay for the night crossings/);
    expect(first).toContain('*Only the Harbour Board mentions*');
    expect(first).toMatch(/^ {2}│ .*dredging budget/m);
    expect(first).toContain(
      "— the Ferrymen's Union, in _Harbour board and ferry union hold talks on winter timetable (https://example.org/gazette/talks)_",
    );
  });

  it('names the other event buttons event N, and event 1 shows that event', () => {
    expect(output).toContain('(type share, event 1, dismiss to press a button)');
    const second = output.slice(output.indexOf('(type share, event 1'));
    expect(second).toContain('fair deal for the crews');
    expect(second.slice(0, second.indexOf('── Readout in the channel'))).not.toContain('overtime pay');
  });

  it('shares the comparison shown in the channel with share', () => {
    const shared = output.slice(output.indexOf('── Readout in the channel ──'));
    expect(shared).toContain('fair deal for the crews');
    expect(shared).toContain('Shared by @');
  });
});
