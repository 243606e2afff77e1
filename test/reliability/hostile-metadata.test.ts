/**
 * Smaller ways articles and requests abuse Readout, through the real re-index and the bot as
 * processes: a 5,000-character URL (the attribution line keeps whole links), bidirectional
 * override characters in a headline and an outlet (dropped), a link that names slack.com before
 * an `@` (sent without it, the real host shown), and, at LOG_LEVEL=debug, big payloads that must
 * not grow the log by more than a fraction of what was received.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockKitViolations } from '../../src/slack/ui/limits.js';
import { type BotProcess, startBot } from '../support/bot-process.js';
import { markdownArticle, tempDir, writeFiles } from '../support/fixtures.js';
import { cleanEnv, runScript } from '../support/run-script.js';
import { SlackStandIn, slashCommand, socketDelivery } from '../support/slack-stand-in/index.js';
import { allText, ask } from './support.js';

let standIn: SlackStandIn;
let databaseFile: string;
let bot: BotProcess;
let debugBot: BotProcess | undefined;

const rlo = '\u202e';

beforeAll(async () => {
  const dir = tempDir('readout-metadata-');
  const articles = path.join(dir, 'articles');
  writeFiles(articles, {
    'long-url.md': markdownArticle(
      { title: 'Albatross census', source: 'Seabird News', url: `https://example.org/${'a'.repeat(5000)}` },
      'The albatross census counted more nests than last year.',
    ),
    'bidi.md': markdownArticle(
      { title: `Gannet colony ${rlo}moc.elgoog${'\u202c'} grows`, source: `Cliff ${rlo}Post` },
      'The gannet colony on the cliff grew again.',
    ),
    'disguised.md': markdownArticle(
      { title: 'Puffin burrows', url: 'https://slack.com@evil.example/puffins' },
      'Puffin burrows were counted on the island.',
    ),
  });
  databaseFile = path.join(dir, 'readout.sqlite');
  const indexed = await runScript('scripts/reindex.ts', [articles], cleanEnv({ READOUT_DB: databaseFile }));
  expect(indexed.status, indexed.stderr).toBe(0);
  standIn = await SlackStandIn.start();
  bot = await startBot(standIn, { databaseFile });
});

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await debugBot?.stop('SIGKILL');
  await standIn?.stop();
});

/** Links in mrkdwn text; an unclosed `<` counts as a broken one. */
function links(text: string): { whole: string[]; broken: boolean } {
  return { whole: text.match(/<[^<>]*>/g) ?? [], broken: /<[^>]*$/.test(text.replace(/<[^<>]*>/g, '')) };
}

describe('attribution lines', () => {
  it('keeps a line with a 5,000-character URL whole: the headline without a half link', async () => {
    const answer = await ask(standIn, bot.delivery!, 'albatross');
    expect(blockKitViolations(answer)).toEqual([]);
    for (const text of allText(answer)) expect(links(text).broken, text.slice(0, 200)).toBe(false);
    expect(allText(answer).join('\n')).toContain('Albatross census');
  });

  it('drops bidirectional override characters from headlines and outlets', async () => {
    const text = allText(await ask(standIn, bot.delivery!, 'gannet')).join('\n');
    expect(text).toContain('colony moc.elgoog grows');
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it('links a URL with a disguised host to its real host, and says which it is', async () => {
    const text = allText(await ask(standIn, bot.delivery!, 'puffin')).join('\n');
    expect(text).toContain('<https://evil.example/puffins|Puffin burrows> (evil.example)');
    expect(text).not.toContain('slack.com@');
  });
});

describe('the log at LOG_LEVEL=debug', () => {
  it('grows by a fraction of the bytes received, however big the payloads (Socket Mode)', async () => {
    // The Socket Mode client logs every frame it receives at debug.
    debugBot = await startBot(standIn, { transport: 'socket', databaseFile, env: { LOG_LEVEL: 'debug' } });
    const before = debugBot.printed().length;
    let received = 0;
    for (let n = 0; n < 8; n++) {
      const text = `puffin ${'burrow '.repeat(15_000)}`;
      received += JSON.stringify(slashCommand({ text, responseUrl: standIn.responseUrl() }).body).length;
      await ask(standIn, socketDelivery(standIn), text);
    }
    const logged = debugBot.printed().length - before;
    expect(logged).toBeLessThan(received / 4);
    expect(debugBot.printed()).toMatch(/more characters\)/);
  });
});
