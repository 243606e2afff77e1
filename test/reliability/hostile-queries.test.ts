/**
 * Property-based: whatever a person types after `/readout` or `@Readout` — arbitrary Unicode,
 * FTS5 syntax, SQL, Slack markup, very long text — goes through the whole app (signed HTTP in,
 * the real index, the Slack stand-in out) and comes back as a normal answer: results, no
 * results or help, never an apology for an internal error, within Block Kit's limits, and with
 * no markup of the query's making (mentions, links) in what Readout sends.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockKitViolations } from '../../src/slack/ui/limits.js';
import { buildFixtureArchive, type FixtureArchive } from '../slack/fixture-archive.js';
import { type RunningReadout, startReadout } from '../slack/harness.js';
import { appMention, nextTs, SlackStandIn } from '../support/slack-stand-in/index.js';
import { allText, ask, expectNoSecrets, type SentMessage, sentToSlack } from './support.js';

const runs = Number(process.env.READOUT_FC_RUNS ?? 400);

let archive: FixtureArchive;
let standIn: SlackStandIn;
let readout: RunningReadout;

beforeAll(async () => {
  archive = await buildFixtureArchive();
  standIn = await SlackStandIn.start();
  readout = await startReadout('http', standIn, { databaseFile: archive.databaseFile });
});

afterAll(async () => {
  await readout?.stop();
  await standIn?.stop();
  archive?.remove();
});

const ftsSyntax = [
  'AND',
  'OR',
  'NOT',
  'NEAR',
  'NEAR(',
  'NEAR(lighthouse keeper, 2)',
  'near/3',
  '"',
  '""',
  '"lighthouse',
  '*',
  'light*',
  '^',
  '^lighthouse',
  '-',
  '-keeper',
  '+',
  ':',
  'title:',
  'body:lighthouse',
  '{title body}:x',
  '(',
  ')',
  '((',
  '))',
  'source:',
  'source:gazette',
  'after:',
  'after:2019',
  'before:1800-13-45',
  'after:-1',
  'rank',
  'bm25(',
  'highlight(',
  'passages_fts',
  'MATCH',
];
const sqlFragments = [
  "'",
  "''",
  "'; DROP TABLE articles; --",
  "' OR '1'='1",
  '1=1',
  'UNION SELECT * FROM meta',
  '/*',
  '*/',
  '--',
  ';',
  '\\',
  '%',
  '_',
  'char(0)',
  'NULL',
  'x\u0000y',
  '\u0000',
];
const slackMarkup = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U0BOSS>',
  '<#C0GENERAL>',
  '<https://evil.example|click>',
  '<mailto:a@b.c|mail>',
  '&amp;',
  '&lt;',
  '&gt;',
  '<',
  '>',
  '&',
  '*bold*',
  '_it_',
  '~s~',
  '`code`',
  '```',
];
const words = [
  'lighthouse',
  'keeper',
  'tide',
  'tables',
  'cormorant',
  'marmalade',
  'ferry',
  'Saltmere',
  'лодка',
  '灯台',
];

const token = fc.oneof(
  fc.constantFrom(...ftsSyntax, ...sqlFragments, ...slackMarkup, ...words),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
);
const separator = fc.constantFrom(' ', '  ', '\t', '\n', '', '\u00a0', '\u200b', ',');

/** What a person might type: tokens and separators, now and then very long. */
const typed = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.array(fc.tuple(token, separator), { maxLength: 24 }).map((parts) => parts.flat().join('')),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(token, fc.integer({ min: 200, max: 1500 }))
      .map(([text, times]) => text.repeat(times).slice(0, 6000)),
  },
);

/** Why `message` is not a normal answer, or undefined when it is. */
function problemsWith(message: SentMessage): string[] {
  const problems = blockKitViolations(message);
  if (/went wrong|unavailable|Sorry/.test(message.text ?? '')) problems.push(`an apology: ${message.text}`);
  for (const text of allText(message)) {
    // The only markup Readout writes itself here: links to the archive's own articles.
    for (const markup of text.match(/<[^<>]*>/g) ?? []) {
      if (!/^<https:\/\/example\.org\/[^|<>\s]*\|[^<>]*>$/.test(markup))
        problems.push(`markup ${markup} in ${text.slice(0, 200)}`);
    }
  }
  return problems;
}

describe(`${runs} generated queries through the whole app`, () => {
  let asked = 0;

  it('/readout always answers normally, within Block Kit limits, with no markup of the query’s making', async () => {
    await fc.assert(
      fc.asyncProperty(typed, async (text) => {
        asked++;
        const message = await ask(standIn, readout.delivery, text, { userId: 'U0FUZZ' });
        expect(message.response_type).toBe('ephemeral');
        expect(problemsWith(message)).toEqual([]);
      }),
      { numRuns: runs },
    );
  });

  it('@Readout always replies normally in the thread, within Block Kit limits', async () => {
    await fc.assert(
      fc.asyncProperty(typed, async (text) => {
        asked++;
        const ts = nextTs();
        const before = standIn.lastSeq;
        await readout.delivery.deliver(appMention({ text, ts, channel: 'C0FUZZ', userId: 'U0FUZZ' }));
        const reply = await standIn.waitForCall('chat.postMessage', (args) => args.thread_ts === ts, before);
        expect(problemsWith(reply.args as SentMessage)).toEqual([]);
      }),
      { numRuns: Math.ceil(runs / 3) },
    );
  });

  it('logged no search failure and no secret', () => {
    expect(asked).toBeGreaterThanOrEqual(runs);
    expect(readout.logs.filter((line) => / ERROR /.test(line))).toEqual([]);
    expectNoSecrets([...readout.logs, ...sentToSlack(standIn)], 'the app');
  });
});
