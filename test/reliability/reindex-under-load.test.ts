/**
 * A re-index while a real bot process serves waves of concurrent /readout requests over signed
 * HTTP: not one request fails or comes back empty, and the new articles are found afterwards by
 * the same process, without a restart.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, startBot } from '../support/bot-process.js';
import { markdownArticle, tempDir, writeFiles } from '../support/fixtures.js';
import { cleanEnv, runScript, startScript } from '../support/run-script.js';
import { SlackStandIn } from '../support/slack-stand-in/index.js';
import {
  ask,
  expectNoSecrets,
  integrityCheck,
  quotes,
  running,
  type SentMessage,
  sentToSlack,
  untilInTransaction,
  writeBulkArticles,
} from './support.js';

const concurrency = 30;
const newArticles = 300;

let standIn: SlackStandIn;
let bot: BotProcess;
let articlesDir: string;
let databaseFile: string;

beforeAll(async () => {
  const dir = tempDir('readout-load-');
  articlesDir = path.join(dir, 'articles');
  databaseFile = path.join(dir, 'readout.sqlite');
  writeFiles(
    articlesDir,
    Object.fromEntries(
      ['Saltmere', 'Gorran', 'Pellow', 'Trewin', 'Boscarn', 'Kellan'].map((town) => [
        `base/${town}.md`,
        markdownArticle(
          { title: `${town} lighthouse keeper retires`, source: 'Coastal Gazette', published: '2019-04-02' },
          `The lighthouse keeper at ${town} climbed the tower for the last time.`,
        ),
      ]),
    ),
  );
  const first = await runScript('scripts/reindex.ts', [articlesDir], cleanEnv({ READOUT_DB: databaseFile }));
  expect(first.status, first.stderr).toBe(0);
  writeBulkArticles(articlesDir, 'new', newArticles, 'quillfeather');
  standIn = await SlackStandIn.start();
  bot = await startBot(standIn, { databaseFile });
});

afterAll(async () => {
  await bot?.stop();
  await standIn?.stop();
});

/** What makes an answer a failure: no passages, an apology, or no answer at all. */
function failureOf(message: SentMessage): string | undefined {
  if (quotes(message).length === 0) return `empty: ${message.text}`;
  if (/Sorry|unavailable|went wrong/.test(message.text ?? '')) return `apology: ${message.text}`;
  return undefined;
}

describe(`a re-index while ${concurrency} requests at a time are answered`, () => {
  let waves = 0;
  let answered = 0;

  it('answers every request with passages while the re-index runs', async () => {
    const child = startScript('scripts/reindex.ts', [articlesDir], cleanEnv({ READOUT_DB: databaseFile }));
    child.stdin?.end();
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // The first wave starts inside the write transaction, and waves go on until it has ended.
    await untilInTransaction(child, databaseFile);
    const failures: string[] = [];
    while (running(child) || waves < 2) {
      const wave = await Promise.all(
        Array.from({ length: concurrency }, (_, i) =>
          ask(standIn, bot.delivery!, i % 2 ? 'lighthouse keeper' : 'lighthouse', {
            userId: `U0LOAD${i}`,
          }).then(failureOf, (error: Error) => `no answer: ${error.message}`),
        ),
      );
      waves++;
      answered += wave.length;
      failures.push(...wave.filter((failure): failure is string => failure !== undefined));
    }
    expect(failures, `failed or empty answers in ${waves} waves`).toEqual([]);
    expect(await exited, output).toBe(0);
    expect(output).toContain(`${newArticles} added`);
    console.info(
      `reindex-under-load: ${waves} waves of ${concurrency} (${answered} answers) during one re-index`,
    );
  });

  it('finds the new articles afterwards in the same bot process', async () => {
    expect(integrityCheck(databaseFile)).toBe('ok');
    const message = await ask(standIn, bot.delivery!, 'quillfeather');
    expect(quotes(message).length).toBeGreaterThan(0);
    expect(message.text).toMatch(/quillfeather/);
    expect(running(bot.child), 'the bot was not restarted').toBe(true);
  });

  it('logged no failure and printed no token or signing secret', () => {
    expect(bot.printed()).not.toMatch(/ERROR/);
    expectNoSecrets([bot.printed(), ...sentToSlack(standIn)], 'the bot');
  });
});
