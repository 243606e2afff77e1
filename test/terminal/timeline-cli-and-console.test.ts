/**
 * The timeline outside Slack: `npm run readout -- [--json] timeline …` as a real process
 * (dist/scripts/readout.js), and the console (the real Bolt app with the console receiver) with
 * `timeline …`, `later` and `earlier`, both on an indexed copy of the invented timeline archive.
 */
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { runConsole } from '../../src/terminal/run-console.js';
import { cleanEnv, runScript } from '../support/run-script.js';
import { buildTimelineArchive, type TimelineArchive } from '../support/timeline-archive.js';

let archive: TimelineArchive;
let output = '';
const logs: string[] = [];

beforeAll(async () => {
  archive = await buildTimelineArchive();
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
    `${['timeline varnok', 'later', 'earlier', 'timeline', 'timeline who:varnok', 'share', 'quit'].join('\n')}\n`,
  );
  await run;
});

const readoutCli = (args: string[]) =>
  runScript('scripts/readout.ts', args, cleanEnv({ READOUT_DB: archive.databaseFile }));

interface TimelineDocument {
  kind: string;
  granularity: string;
  total: number;
  apart: number;
  first: { date: string; certain: boolean } | null;
  periods: Array<{ period: string; entries: number }>;
  outlets: Array<{ source: string | null; entries: number }>;
  nextOffset: number | null;
  previousOffset: number | null;
  entries: Array<{
    date: string | null;
    placement: string;
    yearFromArticle: boolean;
    firstMention: boolean;
    published: string | null;
    title: string;
    quote: { speaker: string } | null;
  }>;
}

describe('npm run readout -- timeline', () => {
  it('prints the timeline as JSON: counts, first mention, entries oldest first', async () => {
    const result = await readoutCli(['--json', '--limit', '20', 'timeline', 'varnok']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const document = JSON.parse(result.stdout) as TimelineDocument;
    expect(document).toMatchObject({ kind: 'timeline', granularity: 'year', total: 9, apart: 2 });
    expect(document.first).toEqual({ date: '2014-03-05', certain: true });
    expect(document.periods.map((p) => p.period)).toEqual(['2014', '2015', '2016', '2017', '2018', '2019']);
    expect(document.entries.map((e) => e.date)).toEqual([
      '2014-03-05',
      '2015-07',
      '2016-04-18',
      '2016-09-02',
      '2017-11-21',
      '2018',
      '2019-01-10',
      '--06-03',
      null,
    ]);
    const placed = document.entries[4]!;
    expect(placed).toMatchObject({ yearFromArticle: true, published: '--11-21', placement: 'dated' });
    expect(document.entries.filter((e) => e.firstMention).map((e) => e.date)).toEqual(['2014-03-05']);
  });

  it('pages with --offset and carries quotations with who:', async () => {
    const page = JSON.parse(
      (await readoutCli(['--json', '--offset', '8', 'timeline', 'varnok'])).stdout,
    ) as TimelineDocument;
    expect(page.entries.map((e) => e.placement)).toEqual(['undated']);
    expect(page.previousOffset).toBe(0);
    expect(page.nextOffset).toBeNull();
    const who = JSON.parse(
      (await readoutCli(['--json', 'timeline', 'who:varnok', 'sanctions'])).stdout,
    ) as TimelineDocument;
    expect(who.entries.map((e) => e.quote?.speaker)).toEqual(['Osric Varnok', 'Varnok', 'Varnok']);
  });

  it('prints readable text: summary, period headings, dated entries', async () => {
    const result = await readoutCli(['timeline', 'varnok', '--limit', '3']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('by year: 2014 (1), 2015 (1), 2016 (2), 2017 (1), 2018 (1), 2019 (1)');
    expect(result.stdout).toContain('first mention: 5 Mar 2014');
    expect(result.stdout).toMatch(/^== 2014 ==\n\n1\. 5 Mar 2014 · first mention\n {3}Osric \*\*Varnok\*\*/m);
    expect(result.stdout).toContain('later: --offset 3');
  });

  it('exits 1 when nothing matches, and 2 with nothing to look for', async () => {
    const none = await readoutCli(['timeline', 'zeppelin']);
    expect(none.status).toBe(1);
    expect(none.stdout).toContain('no passages found for: zeppelin');
    const empty = await readoutCli(['timeline', 'source:ledger']);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('timeline needs words or who:NAME');
  });
});

describe('the console', () => {
  it('shows the timeline as text with its Later button, and pages with later and earlier', () => {
    const answers = output.split(/^── Readout[^\n]*──\n/m).slice(1);
    const [first, later, earlier] = answers;
    expect(first).toMatch(/^\*Readout timeline\* · entries 1–8 of 9 for “varnok”, oldest first/);
    expect(first).toContain('*2014* · 1 article');
    expect(first).toMatch(/^ {2}│ Osric \*Varnok\*/m);
    expect(first).toContain(
      '[ Share in channel ]  [ Later ]  [ Dismiss ]\n(type share, later, dismiss to press a button)',
    );
    expect(later).toMatch(/^\*Readout timeline\* · entry 9 of 9 for “varnok”/);
    expect(later).toContain('[ Share in channel ]  [ Earlier ]  [ Dismiss ]');
    expect(earlier).toMatch(/^\*Readout timeline\* · entries 1–8 of 9/);
    expect(answers[3]).toContain('Give me something to put on a timeline');
  });

  it('shares a timeline in the channel with share', () => {
    const shared = output.slice(output.indexOf('── Readout in the channel ──'));
    expect(shared).toMatch(
      /^── Readout in the channel ──\n\*Readout timeline\* · entries 1–3 of 3 for “who:varnok”/,
    );
    expect(shared).toContain('Shared by @U0CONSOLE with /readout timeline');
  });

  it('logged no errors', () => {
    expect(logs.filter((line) => / ERROR /.test(line))).toEqual([]);
  });
});
