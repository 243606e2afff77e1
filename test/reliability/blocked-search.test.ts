/**
 * Searches that cannot finish must not hold up acks, /healthz, or each other. To make every
 * search stall whatever the machine's speed, this test holds an exclusive lock on the index
 * (SQLite's `locking_mode=EXCLUSIVE`), so the bot's reads wait on it. With searches on the main
 * thread, the first one would block the event loop and every later ack would wait for it; with
 * the search threads, all acks come back before any answer, /healthz answers, and each search is
 * stopped at its budget (READOUT_QUERY_SECONDS) with "that search took too long; narrow it".
 * Once the lock is gone, fresh search threads answer normally.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureArchive, type FixtureArchive } from '../slack/fixture-archive.js';
import { type BotProcess, startBot } from '../support/bot-process.js';
import {
  type Delivery,
  SlackStandIn,
  slashCommand,
  socketDelivery,
} from '../support/slack-stand-in/index.js';
import { allText, ask } from './support.js';

let archive: FixtureArchive;
let standIn: SlackStandIn;

beforeAll(async () => {
  archive = await buildFixtureArchive();
  standIn = await SlackStandIn.start();
});

afterAll(async () => {
  await standIn?.stop();
  archive?.remove();
});

/** Holds `file` so that no other connection can read it, until released. */
function holdExclusively(file: string): { release(): void } {
  const holder = new Database(file);
  holder.pragma('locking_mode = EXCLUSIVE');
  holder.exec('BEGIN EXCLUSIVE');
  // The lock is taken only when the database is touched.
  holder.prepare('SELECT count(*) FROM articles').get();
  const probe = new Database(file, { readonly: true, timeout: 0 });
  expect(() => probe.prepare('SELECT count(*) FROM articles').get(), 'the lock keeps readers out').toThrow(
    /locked|busy/i,
  );
  probe.close();
  return {
    release() {
      holder.exec('ROLLBACK');
      holder.close();
    },
  };
}

describe.each(['http', 'socket'] as const)('searches stalled on a locked index, over %s', (transport) => {
  let bot: BotProcess;
  let delivery: Delivery;
  let databaseFile: string;

  beforeAll(async () => {
    databaseFile = path.join(archive.dir, `blocked-${transport}.sqlite`);
    fs.copyFileSync(archive.databaseFile, databaseFile);
    bot = await startBot(standIn, { transport, databaseFile, env: { READOUT_QUERY_SECONDS: '1' } });
    delivery = transport === 'http' ? bot.delivery! : socketDelivery(standIn);
  });

  afterAll(async () => {
    await bot?.stop('SIGKILL');
  });

  it('acks every request before any search answers, and stops each at its budget', async () => {
    const lock = holdExclusively(databaseFile);
    try {
      const urls = Array.from({ length: 6 }, () => standIn.responseUrl());
      const acked = await Promise.all(
        urls.map((responseUrl, n) =>
          delivery.deliver(
            slashCommand({ text: `lighthouse keeper ${n}`, responseUrl, userId: `U0LOCK${n}` }),
          ),
        ),
      );
      for (const { status } of acked) if (status !== undefined) expect(status).toBe(200);
      // Every ack is back, and no search has answered: none waited for another's search.
      expect(urls.map((url) => standIn.responses(url).length)).toEqual(urls.map(() => 0));

      if (transport === 'http') {
        // /healthz answers too, while searches are stuck (it cannot search: 503).
        const healthz = await fetch(`${bot.origin}/healthz`);
        expect(healthz.status).toBe(503);
      }

      const answers = await Promise.all(urls.map((url) => standIn.waitForResponse(url)));
      for (const answer of answers) {
        expect(String(answer.body.text)).toMatch(/That search took too long; narrow it/);
      }
    } finally {
      lock.release();
    }
  });

  it('answers normally once the index is free again, from fresh search threads', async () => {
    const answer = await ask(standIn, delivery, 'lighthouse keeper');
    expect(allText(answer).join('\n')).toMatch(/lighthouse keeper/i);
    expect(bot.printed()).not.toMatch(/SqliteError|\n\s+at /);
  });
});
