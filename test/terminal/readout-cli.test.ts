/**
 * `npm run readout` as a real process (node dist/scripts/readout.js) on an indexed temp archive:
 * a query is typed as in Slack, `-word` and `-"a phrase"` included; only the known options are
 * options, and an unknown `--option` is a usage error (exit 2), not a search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArchiveOf, buildFixtureArchive, type FixtureArchive } from '../slack/fixture-archive.js';
import { meetingArticles } from '../slack/meeting-archive.js';
import { cleanEnv, runScript } from '../support/run-script.js';

let archive: FixtureArchive;

beforeAll(async () => {
  archive = await buildFixtureArchive();
});

afterAll(() => archive?.remove());

const readoutCli = (args: string[]) =>
  runScript('scripts/readout.ts', args, cleanEnv({ READOUT_DB: archive.databaseFile }));

describe('npm run readout', () => {
  it('leaves out a -word, as typed', async () => {
    const result = await readoutCli(['lighthouse', 'keeper', '-saltmere']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^1\. The \*\*lighthouse\*\* \*\*keeper\*\* at \w+/m);
    expect(result.stdout).not.toMatch(/saltmere/i);
  });

  it('leaves out a -"phrase", with an option after the query', async () => {
    // Every story has "climbed"; only one has "Saltmere climbed".
    const result = await readoutCli(['keeper', '-"saltmere climbed"', '--limit', '3']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^3\. .* climbed /m);
    expect(result.stdout).not.toMatch(/^4\. /m);
    expect(result.stdout).not.toMatch(/saltmere/i);
  });

  it('reads a leading -word and --json anywhere', async () => {
    const result = await readoutCli(['-saltmere', 'lighthouse', '--json']);
    expect(result.status).toBe(0);
    const document = JSON.parse(result.stdout) as { query: { terms: string[]; excluded: string[] } };
    expect(document.query.terms).toEqual(['lighthouse']);
    expect(document.query.excluded).toEqual(['saltmere']);
  });

  it('carries a quotation and its speaker in --json, and credits the speaker in text', async () => {
    const result = await readoutCli(['--json', 'who:quill', 'dredge']);
    expect(result.status).toBe(0);
    const document = JSON.parse(result.stdout) as {
      results: Array<{
        excerpt: { text: string };
        quote: { text: string; speaker: string; cue: string; start: number; end: number };
      }>;
    };
    const [first] = document.results;
    expect(first!.quote).toMatchObject({ speaker: 'Petra Quill', cue: 'said' });
    expect(first!.quote.text).toContain('the ferries will be aground by Christmas');
    expect(first!.excerpt.text.slice(first!.quote.start, first!.quote.end)).toBe(first!.quote.text);
    const text = await readoutCli(['who:quill', 'dredge']);
    expect(text.stdout).toMatch(/^ {3}— Petra Quill, in "Dredging plan splits the harbour board"/m);
  });

  it('searches for what follows --, options included', async () => {
    const result = await readoutCli(['--', '--json']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('no passages found for: --json');
  });

  it.each([
    [['--bogus', 'lighthouse'], 'readout: unknown option --bogus'],
    [['lighthouse', '--limit'], 'readout: --limit needs a number'],
    [['lighthouse', '--limit', '99'], 'readout: --limit must be a whole number from 1 to 20'],
  ])('stops with a usage error for %j', async (args, message) => {
    const result = await readoutCli(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(/\n\s+at |TypeError|ERR_PARSE_ARGS/);
  });

  it('shows usage for --help and -h', async () => {
    for (const flag of ['--help', '-h']) {
      const result = await readoutCli([flag]);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('usage: npm run readout');
      expect(result.stdout).toContain('-word and -"a phrase" included; -- ends the options');
    }
  });
});

describe('npm run readout -- compare', () => {
  let meeting: FixtureArchive;

  beforeAll(async () => {
    meeting = await buildArchiveOf(meetingArticles);
  });

  afterAll(() => meeting?.remove());

  const compareCli = (args: string[]) =>
    runScript('scripts/readout.ts', args, cleanEnv({ READOUT_DB: meeting.databaseFile }));

  it('prints the grouping, what each side alone mentions and each side with its quotations', async () => {
    const result = await compareCli(['compare', 'harbour', 'board', 'ferry', 'union', 'talks']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^2 accounts of a meeting on Monday, March 14, 2022 \(2 articles\)/);
    expect(result.stdout).toMatch(/^only the Harbour Board mentions: .*dredging budget/m);
    expect(result.stdout).toMatch(/^== the Ferrymen's Union \(\d+ quotations\)$/m);
    expect(result.stdout).toMatch(
      /^ {2}--offset 1: Harbour board and ferry union sign a pay deal \(1 article\)$/m,
    );
  });

  it('gives the comparison as JSON, and another event with --offset', async () => {
    const result = await compareCli([
      '--json',
      '--offset',
      '1',
      'compare',
      'harbour',
      'board',
      'ferry',
      'union',
      'talks',
    ]);
    expect(result.status).toBe(0);
    const document = JSON.parse(result.stdout) as {
      kind: string;
      offset: number;
      grouping: string;
      events: Array<{ title: string }>;
      event: {
        accounts: Array<{
          name: string;
          mentionsOnly: string[];
          statements: Array<{ quote?: { speaker: string } }>;
        }>;
      };
    };
    expect(document).toMatchObject({ kind: 'comparison', offset: 1 });
    expect(document.events).toHaveLength(2);
    expect(document.grouping).toMatch(/^1 account of one event on Tuesday, July 2, 2019 \(1 article\)/);
    // One side quoted in one article: the article is the account.
    expect(document.grouping).toContain('one account per article');
    expect(document.event.accounts.map((account) => account.name)).toEqual([
      'Harbour board and ferry union sign a pay deal',
    ]);
  });

  it('exits 1 when no event matches', async () => {
    const result = await compareCli(['compare', 'zeppelin']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('no event found for: zeppelin');
  });
});
