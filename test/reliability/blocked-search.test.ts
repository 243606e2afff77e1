/**
 * Searches that cannot finish must not hold up acks, /healthz, or each other. To make every
 * search stall whatever the machine's speed, the alias list the search reads (READOUT_ALIASES)
 * is a FIFO nobody writes to: reading it blocks until it is released. With searches on the main
 * thread, the first one would block the event loop and every later ack would wait for it; with
 * the search threads, all acks come back before any answer, /healthz answers, and each search is
 * given up at its budget (READOUT_QUERY_SECONDS) with "that search took too long; narrow it".
 * Once the alias list is a file again, fresh search threads answer normally.
 */

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
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

/** An alias list whose reading blocks until `release` (then it is an ordinary, empty file). */
function stallingAliases(file: string): { release(): void } {
  execFileSync('mkfifo', [file]);
  return {
    release() {
      let writer: number | undefined;
      try {
        // Readers blocked on the FIFO see its end once this is closed.
        writer = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
      } catch {
        // No reader blocked on it.
      }
      fs.writeFileSync(`${file}.new`, '');
      fs.renameSync(`${file}.new`, file);
      if (writer !== undefined) fs.closeSync(writer);
    },
  };
}

describe.each(['http', 'socket'] as const)('searches stalled on a locked index, over %s', (transport) => {
  let bot: BotProcess;
  let delivery: Delivery;
  let aliases: { release(): void };

  beforeAll(async () => {
    const aliasesFile = path.join(archive.dir, `aliases-${transport}.txt`);
    aliases = stallingAliases(aliasesFile);
    bot = await startBot(standIn, {
      transport,
      databaseFile: archive.databaseFile,
      // A budget no ordinary search comes near, even on a busy machine; the stalled ones never end.
      env: { READOUT_QUERY_SECONDS: '4', READOUT_ALIASES: aliasesFile },
    });
    delivery = transport === 'http' ? bot.delivery! : socketDelivery(standIn);
  });

  afterAll(async () => {
    aliases?.release();
    await bot?.stop('SIGKILL');
  });

  it('acks every request before any search answers, and stops each at its budget', async () => {
    {
      const urls = Array.from({ length: 4 }, () => standIn.responseUrl());
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
        // /healthz answers too, with a real search of the index, while the searches are stuck.
        const healthz = await fetch(`${bot.origin}/healthz`);
        expect(healthz.status).toBe(200);
      }

      const answers = await Promise.all(urls.map((url) => standIn.waitForResponse(url)));
      for (const answer of answers) {
        expect(String(answer.body.text)).toMatch(/That search took too long; narrow it/);
      }
    }
    aliases.release();
  });

  it('answers normally once the index is free again, from fresh search threads', async () => {
    const answer = await ask(standIn, delivery, 'lighthouse keeper');
    expect(allText(answer).join('\n')).toMatch(/lighthouse keeper/i);
    expect(bot.printed()).not.toMatch(/SqliteError|\n\s+at /);
  });
});
