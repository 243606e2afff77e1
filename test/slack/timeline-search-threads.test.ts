/**
 * `/readout timeline` in the bot as a newsroom runs it (node dist/src/main.js, over HTTP and
 * Socket Mode): the timeline runs in the search threads like any search, pages with Later, and
 * is given up at the query budget with the same "took too long" when it cannot finish (the alias
 * list it reads is a FIFO nobody writes to, so it blocks whatever the machine's speed).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineActionIds } from '../../src/slack/ui/render-timeline.js';
import { allText, ask } from '../reliability/support.js';
import { type BotProcess, startBot } from '../support/bot-process.js';
import { tempDir } from '../support/fixtures.js';
import { buttonOf, type SentMessage } from '../support/sent-message.js';
import { buttonPress, type Delivery, SlackStandIn, socketDelivery } from '../support/slack-stand-in/index.js';
import { buildTimelineArchive, type TimelineArchive } from '../support/timeline-archive.js';

let archive: TimelineArchive;
let standIn: SlackStandIn;

beforeAll(async () => {
  archive = await buildTimelineArchive();
  standIn = await SlackStandIn.start();
});

afterAll(async () => {
  await standIn?.stop();
});

describe.each(['http', 'socket'] as const)('the bot process over %s', (transport) => {
  let bot: BotProcess;
  let delivery: Delivery;

  beforeAll(async () => {
    bot = await startBot(standIn, { transport, databaseFile: archive.databaseFile });
    delivery = transport === 'http' ? bot.delivery! : socketDelivery(standIn);
  });

  afterAll(async () => {
    await bot?.stop();
  });

  it('answers a timeline from its search threads, and pages it', async () => {
    const first = await ask(standIn, delivery, 'timeline varnok');
    const text = allText(first).join('\n');
    expect(text).toContain('entries 1–8 of 9 for “varnok”, oldest first');
    expect(text).toContain('*5 Mar 2014* · *first mention*');
    const later = buttonOf(first, timelineActionIds.later);
    const responseUrl = standIn.responseUrl();
    await delivery.deliver(buttonPress({ button: later, responseUrl }));
    const second = (await standIn.waitForResponse(responseUrl)).body as SentMessage;
    expect(allText(second).join('\n')).toContain('entry 9 of 9 for “varnok”');
    expect(bot.printed()).not.toMatch(/SqliteError|\n\s+at /);
  });
});

describe('a timeline that cannot finish', () => {
  let bot: BotProcess;
  let aliasesFile: string;

  beforeAll(async () => {
    aliasesFile = path.join(tempDir('readout-fifo-'), 'aliases.txt');
    execFileSync('mkfifo', [aliasesFile]);
    bot = await startBot(standIn, {
      transport: 'http',
      databaseFile: archive.databaseFile,
      env: { READOUT_QUERY_SECONDS: '2', READOUT_ALIASES: aliasesFile },
    });
  });

  afterAll(async () => {
    // Release any reader still blocked on the FIFO, then stop the bot.
    try {
      fs.closeSync(fs.openSync(aliasesFile, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
    } catch {
      // No reader blocked on it.
    }
    await bot?.stop('SIGKILL');
  });

  it('is stopped at the query budget with the search’s notice', async () => {
    const answer = await ask(standIn, bot.delivery!, 'timeline varnok');
    expect(String(answer.text)).toMatch(/That search took too long; narrow it/);
    expect(bot.printed()).toMatch(/search stopped at its time budget/);
  });
});
