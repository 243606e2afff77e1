/**
 * SIGTERM (systemd stop, a deploy) while Readout is answering: the answers under way still
 * reach Slack, the database is closed cleanly, and the process exits 0. Over HTTP and over
 * Socket Mode, with `npm start` as a real process.
 *
 * To have an answer certainly under way when the signal arrives, a bare mention in a thread is
 * used: the bot first reads the thread's first message (conversations.replies), and the stand-in
 * holds that call until after SIGTERM; the reply can only be posted once it is released.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureArchive, type FixtureArchive } from '../slack/fixture-archive.js';
import { type BotProcess, startBot } from '../support/bot-process.js';
import { appMention, SlackStandIn, socketDelivery } from '../support/slack-stand-in/index.js';
import { expectNoSecrets, sentToSlack } from './support.js';

let archive: FixtureArchive;
let standIn: SlackStandIn;
const printed: string[] = [];

beforeAll(async () => {
  archive = await buildFixtureArchive();
  standIn = await SlackStandIn.start();
});

afterAll(async () => {
  await standIn?.stop();
  archive?.remove();
});

/** A database of its own (a copy of the fixture index), so its -wal and -shm files are ours to watch. */
function databaseCopy(name: string): string {
  const file = path.join(archive.dir, `${name}.sqlite`);
  fs.copyFileSync(archive.databaseFile, file);
  return file;
}

describe.each(['http', 'socket'] as const)('SIGTERM over %s', (transport) => {
  let bot: BotProcess | undefined;

  afterAll(async () => {
    if (bot) printed.push(bot.printed());
    await bot?.stop('SIGKILL');
  });

  it('finishes the answer under way, closes the database and exits 0', async () => {
    const databaseFile = databaseCopy(`shutdown-${transport}`);
    bot = await startBot(standIn, { transport, databaseFile });
    expect(fs.existsSync(`${databaseFile}-wal`), 'the bot has the database open').toBe(true);
    const delivery = transport === 'http' ? bot.delivery! : socketDelivery(standIn);

    const channel = transport === 'http' ? 'C0SHUTHTTP' : 'C0SHUTSOCK';
    const threadTs = standIn.seedMessage({ channel, text: 'lighthouse keeper' });
    const held = standIn.inject('conversations.replies', { kind: 'hold' });
    await delivery.deliver(appMention({ text: '', channel, threadTs }));
    await standIn.waitForCall('conversations.replies', (args) => args.channel === channel);

    const exit = bot.stop('SIGTERM');
    await bot.waitForOutput(/SIGTERM, stopping/);
    // Only now can the answer be written: the process must still be there to write it.
    held.release();
    const reply = await standIn.waitForCall(
      'chat.postMessage',
      (args) => args.channel === channel && args.thread_ts === threadTs,
    );
    expect(String(reply.args.text)).toMatch(/lighthouse keeper/);

    const { code, signal } = await exit;
    expect({ code, signal }, bot.printed()).toEqual({ code: 0, signal: null });
    // SQLite removes these when the last connection closes cleanly; a process that exits with
    // the database open leaves them behind.
    expect(fs.existsSync(`${databaseFile}-wal`), 'the -wal file is left: the database was not closed').toBe(
      false,
    );
    expect(fs.existsSync(`${databaseFile}-shm`), 'the -shm file is left: the database was not closed').toBe(
      false,
    );
    expect(bot.printed()).not.toMatch(/ERROR|stopped with answers still under way/);
  });
});

describe('SIGTERM with nothing under way', () => {
  it('closes the database and exits 0', async () => {
    const standInCalls = standIn.records.length;
    const databaseFile = databaseCopy('shutdown-idle');
    const bot = await startBot(standIn, { databaseFile });
    const { code } = await bot.stop('SIGTERM');
    printed.push(bot.printed());
    expect(code, bot.printed()).toBe(0);
    expect(fs.existsSync(`${databaseFile}-wal`)).toBe(false);
    expect(standIn.records.length).toBeGreaterThan(standInCalls);
  });

  it('printed and sent no token or signing secret', () => {
    expect(printed.join('')).toContain('stopping');
    expectNoSecrets([...printed, ...sentToSlack(standIn)], 'the bot');
  });
});
