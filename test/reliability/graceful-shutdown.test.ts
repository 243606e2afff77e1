/**
 * SIGTERM (systemd stop, a deploy) while Readout is answering: the answers under way still
 * reach Slack, the process stops cleanly and exits 0 — also when the signal comes again during
 * the drain (systemd signals every process of the unit, npm forwards it: it often arrives twice),
 * and for SIGHUP. Over HTTP and over Socket Mode, with `npm start` as a real process. A bot whose
 * parent (npm) is killed stops too, rather than answering on as an orphan.
 *
 * To have an answer certainly under way when the signal arrives, a bare mention in a thread is
 * used: the bot first reads the thread's first message (conversations.replies), and the stand-in
 * holds that call until after SIGTERM; the reply can only be posted once it is released.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { buildFixtureArchive, type FixtureArchive } from '../slack/fixture-archive.js';
import { type BotProcess, botEnv, startBot } from '../support/bot-process.js';
import { appMention, SlackStandIn, socketDelivery } from '../support/slack-stand-in/index.js';
import { expectNoSecrets, fileBytes, sentToSlack } from './support.js';

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
    const before = fileBytes(databaseFile);
    bot = await startBot(standIn, { transport, databaseFile });
    const delivery = transport === 'http' ? bot.delivery! : socketDelivery(standIn);

    const channel = transport === 'http' ? 'C0SHUTHTTP' : 'C0SHUTSOCK';
    const threadTs = standIn.seedMessage({ channel, text: 'lighthouse keeper' });
    const held = standIn.inject('conversations.replies', { kind: 'hold' });
    await delivery.deliver(appMention({ text: '', channel, threadTs }));
    await standIn.waitForCall('conversations.replies', (args) => args.channel === channel);

    const exit = bot.stop('SIGTERM');
    await bot.waitForOutput(/SIGTERM, stopping/);
    // The same signal again, and again (and a hang-up): none of them may cut the drain short.
    for (const signal of ['SIGTERM', 'SIGTERM', 'SIGHUP', 'SIGINT'] as const) bot.child.kill(signal);
    await bot.waitForOutput(/SIGINT again; still finishing/);
    // Only now can the answer be written: the process must still be there to write it.
    held.release();
    const reply = await standIn.waitForCall(
      'chat.postMessage',
      (args) => args.channel === channel && args.thread_ts === threadTs,
    );
    expect(String(reply.args.text)).toMatch(/lighthouse keeper/);

    const { code, signal } = await exit;
    expect({ code, signal }, bot.printed()).toEqual({ code: 0, signal: null });
    expect(bot.printed()).toMatch(/readout: stopped/);
    // The bot only ever reads the index.
    expect(fileBytes(databaseFile) === before, 'the bot changed the index file').toBe(true);
    expect(bot.printed()).not.toMatch(/ERROR|stopped with answers still under way/);
  });
});

describe('SIGTERM with nothing under way', () => {
  it.each(['SIGTERM', 'SIGHUP'] as const)('stops cleanly on %s and exits 0', async (signal) => {
    const standInCalls = standIn.records.length;
    const databaseFile = databaseCopy(`shutdown-idle-${signal}`);
    const bot = await startBot(standIn, { databaseFile });
    const { code } = await bot.stop(signal);
    printed.push(bot.printed());
    expect(code, bot.printed()).toBe(0);
    expect(bot.printed()).toMatch(new RegExp(`${signal}, stopping[^]*readout: stopped`));
    expect(standIn.records.length).toBeGreaterThan(standInCalls);
  });
});

describe('npm start whose npm is killed', () => {
  it('stops the bot too, leaving no orphan', async () => {
    const databaseFile = databaseCopy('shutdown-orphan');
    const npm = spawn('npm', ['start'], {
      cwd: projectRoot,
      env: botEnv(standIn, { databaseFile }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout!.on('data', (chunk) => {
      output += chunk;
    });
    const listening = new Promise<number>((resolve, reject) => {
      npm.stderr!.on('data', (chunk) => {
        output += chunk;
        const pid = /listening for Slack on port \d+.*"pid":(\d+)/.exec(output)?.[1];
        if (pid) resolve(Number(pid));
      });
      npm.on('exit', () => reject(new Error(`npm start exited before the bot listened:\n${output}`)));
    });
    const pid = await listening;
    npm.kill('SIGKILL');
    // Wait for the bot process to go (a hang guard bounds this if it never does).
    while (processExists(pid)) await new Promise((resolve) => setTimeout(resolve, 100));
    printed.push(output);
    expect(processExists(pid)).toBe(false);
  });

  it('printed and sent no token or signing secret', () => {
    expect(printed.join('')).toContain('stopping');
    expectNoSecrets([...printed, ...sentToSlack(standIn)], 'the bot');
  });
});

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A zombie (exited, not yet reaped by its new parent) is gone for our purposes.
    return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}
