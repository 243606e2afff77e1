/**
 * A re-index killed with SIGKILL at random moments, while a real bot process answers /readout
 * over signed HTTP throughout: every answer comes from the previous index, the database stays
 * sound after every kill, and the next re-index completes and is seen without a restart.
 *
 * Moments are drawn from a seeded generator (the seed is in the test name; set
 * READOUT_KILL_SEED to replay one) over two phases measured by a calibration run on a copy of
 * the database: start-up (process start → BEGIN IMMEDIATE) and the write transaction (→ COMMIT).
 * Moments are measured in the CPU time the re-index has used, not in wall-clock time, so that a
 * busy machine (CI shares two cores with other work) moves them to the same point of the work.
 * At the chosen moment the re-index is frozen (SIGSTOP), a probe connection checks whether it
 * holds the write lock (so each kill is known to have hit the transaction or not, without
 * racing it), and it is killed. Nothing here asserts how long anything took.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../../scripts/bench/prng.js';
import { projectRoot } from '../../src/paths.js';
import { type BotProcess, startBot } from '../support/bot-process.js';
import { markdownArticle, tempDir, writeFiles } from '../support/fixtures.js';
import { cleanEnv, nodeCommand, runScript } from '../support/run-script.js';
import { SlackStandIn } from '../support/slack-stand-in/index.js';
import {
  articleTitles,
  ask,
  cpuMs,
  expectNoSecrets,
  freezeAndProbe,
  integrityCheck,
  quotes,
  running,
  type SentMessage,
  sentToSlack,
  untilCpu,
  untilInTransaction,
  writeBulkArticles,
} from './support.js';

const seed = Number(process.env.READOUT_KILL_SEED ?? Date.now() % 100_000);
const startupTrials = 4;
const writingTrials = 8;
const bulkArticles = 300;

let standIn: SlackStandIn;
let bot: BotProcess;
let articlesDir: string;
let databaseFile: string;
let baseline: SentMessage;
let baseTitles: string[];

/** What must not change while the previous index is served: the passages and their attribution. */
function answerShape(message: SentMessage) {
  return { text: message.text, quotes: quotes(message), blocks: message.blocks?.length };
}

function startReindex(dbFile: string, args: string[] = ['--full']): ChildProcess {
  const [command, commandArgs] = nodeCommand('scripts/reindex.ts', [...args, articlesDir]);
  return spawn(command, commandArgs, {
    cwd: projectRoot,
    env: cleanEnv({ READOUT_DB: dbFile }),
    stdio: 'ignore',
  });
}

/** Reads `PRAGMA data_version` of `file` until another connection commits to it, calling `onLook` between looks. */
async function untilCommitted(child: ChildProcess, file: string, onLook: () => void): Promise<void> {
  const reader = new Database(file, { readonly: true });
  try {
    const version = () => reader.pragma('data_version', { simple: true }) as number;
    const before = version();
    while (version() === before) {
      if (!running(child)) return; // committed and exited between two looks
      onLook();
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  } finally {
    reader.close();
  }
}

const exitOf = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });

/** Keeps asking the bot the baseline query until stopped; every answer must equal the baseline. */
function steadyLoad() {
  let running = true;
  let answered = 0;
  const mismatches: string[] = [];
  const loop = (async () => {
    while (running) {
      try {
        const message = await ask(standIn, bot.delivery!, 'lighthouse keeper');
        answered++;
        const shape = answerShape(message);
        if (JSON.stringify(shape) !== JSON.stringify(answerShape(baseline))) {
          mismatches.push(JSON.stringify(shape).slice(0, 500));
        }
      } catch (error) {
        mismatches.push(`no answer: ${(error as Error).message}`);
        if (mismatches.length > 20) break;
      }
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { answered, mismatches };
    },
  };
}

beforeAll(async () => {
  const dir = tempDir('readout-killed-');
  articlesDir = path.join(dir, 'articles');
  databaseFile = path.join(dir, 'readout.sqlite');
  const towns = ['Saltmere', 'Gorran', 'Pellow', 'Trewin', 'Boscarn', 'Kellan', 'Marrow'];
  writeFiles(
    articlesDir,
    Object.fromEntries(
      towns.map((town, i) => [
        `base/${town.toLowerCase()}.md`,
        markdownArticle(
          {
            title: `${town} lighthouse keeper retires`,
            source: 'Coastal Gazette',
            published: `2019-0${i + 1}-02`,
          },
          `The lighthouse keeper at ${town} climbed the tower for the last time.\n\nVillagers in ${town} waved from the quay.`,
        ),
      ]),
    ),
  );
  const first = await runScript('scripts/reindex.ts', [articlesDir], cleanEnv({ READOUT_DB: databaseFile }));
  expect(first.status, first.stderr).toBe(0);
  baseTitles = articleTitles(databaseFile);
  // The articles every killed run tries to add (and, with --full, everything it rewrites).
  writeBulkArticles(articlesDir, 'bulk', bulkArticles, 'zanzibar');

  standIn = await SlackStandIn.start();
  bot = await startBot(standIn, { databaseFile });
  baseline = await ask(standIn, bot.delivery!, 'lighthouse keeper');
  expect(quotes(baseline).length).toBeGreaterThan(0);
});

afterAll(async () => {
  await bot?.stop();
  await standIn?.stop();
});

describe(`a re-index killed with SIGKILL at random moments (seed ${seed})`, () => {
  const kills: Array<{ phase: string; afterMs: number; inTransaction: boolean }> = [];

  it(
    `keeps serving the previous index through ${startupTrials + writingTrials} kills, and the database stays sound`,
    async () => {
      const load = steadyLoad();
      let calibration: { beginCpuMs: number; commitCpuMs: number } | undefined;
      try {
        calibration = await calibrate();
        await killTrials(calibration);
      } finally {
        const { answered, mismatches } = await load.stop();
        console.info(
          `reindex-killed: seed ${seed}; ${kills.length} kills, ${kills.filter((k) => k.inTransaction).length} inside the write transaction ` +
            `(${kills.map((k) => `${k.phase} +${k.afterMs.toFixed(0)} ms${k.inTransaction ? ' in tx' : ''}`).join(', ')}); ` +
            `${answered} answers served meanwhile; calibration BEGIN at ${calibration?.beginCpuMs.toFixed(0)} ms of CPU, COMMIT at ${calibration?.commitCpuMs.toFixed(0)} ms`,
        );
        expect(mismatches, 'answers that differed from the previous index').toEqual([]);
        expect(answered, 'the bot answered while re-indexes were being killed').toBeGreaterThan(kills.length);
      }
      expect(kills.length).toBe(startupTrials + writingTrials);
      expect(kills.filter((kill) => kill.inTransaction).length).toBeGreaterThanOrEqual(writingTrials);
      // Bounded by the number of kills, not by a time budget: on a busy two-core machine each
      // trial may take seconds. The timeout only catches a hang.
    },
    10 * 60_000,
  );

  /** A full run on a copy: the CPU time it has used when it begins its transaction and when it commits. */
  async function calibrate() {
    const copy = path.join(path.dirname(databaseFile), 'calibration.sqlite');
    fs.copyFileSync(databaseFile, copy);
    const child = startReindex(copy);
    await untilInTransaction(child, copy);
    const beginCpuMs = cpuMs(child.pid!) ?? 0;
    let commitCpuMs = beginCpuMs;
    await untilCommitted(child, copy, () => {
      commitCpuMs = cpuMs(child.pid!) ?? commitCpuMs;
    });
    expect((await exitOf(child)).code, 'the calibration re-index failed').toBe(0);
    return { beginCpuMs, commitCpuMs };
  }

  async function killTrials({
    beginCpuMs,
    commitCpuMs,
  }: {
    beginCpuMs: number;
    commitCpuMs: number;
  }): Promise<void> {
    const random = new Random(seed);
    const phases = [
      ...Array.from({ length: startupTrials }, () => 'start-up'),
      ...Array.from({ length: writingTrials }, () => 'transaction'),
    ];
    for (const phase of phases) {
      const trial = kills.length + 1;
      const child = startReindex(databaseFile);
      const spawnedAt = performance.now();
      let targetCpuMs: number;
      if (phase === 'transaction') {
        await untilInTransaction(child, databaseFile);
        targetCpuMs = (cpuMs(child.pid!) ?? 0) + random.next() * 0.5 * (commitCpuMs - beginCpuMs);
      } else {
        targetCpuMs = random.next() * 0.9 * beginCpuMs;
      }
      await untilCpu(child, targetCpuMs);
      expect(
        running(child),
        `trial ${trial} (${phase}, at ${targetCpuMs.toFixed(0)} ms of CPU): the re-index finished before it could be killed (calibration: BEGIN at ${beginCpuMs.toFixed(0)} ms of CPU, COMMIT at ${commitCpuMs.toFixed(0)} ms)`,
      ).toBe(true);
      const inTransaction = await freezeAndProbe(child, databaseFile);
      child.kill('SIGKILL');
      const exit = await exitOf(child);
      expect(exit.signal, `trial ${trial}: the re-index exited with ${exit.code} instead`).toBe('SIGKILL');
      kills.push({ phase, afterMs: performance.now() - spawnedAt, inTransaction });
      if (phase === 'transaction') expect(inTransaction, `trial ${trial} missed the transaction`).toBe(true);

      // After every kill: the file is sound and still holds exactly the previous index.
      expect(integrityCheck(databaseFile), `integrity after kill ${trial}`).toBe('ok');
      expect(articleTitles(databaseFile), `articles after kill ${trial}`).toEqual(baseTitles);
      const bulk = await ask(standIn, bot.delivery!, 'zanzibar');
      expect(quotes(bulk), `kill ${trial}: an uncommitted article is visible`).toEqual([]);
    }
  }

  it('lets the next re-index complete, and the bot sees its articles without a restart', async () => {
    const next = await runScript('scripts/reindex.ts', [articlesDir], cleanEnv({ READOUT_DB: databaseFile }));
    expect(next.status, next.stderr).toBe(0);
    expect(next.stdout).toContain(`the index holds ${baseTitles.length + bulkArticles} articles`);
    expect(integrityCheck(databaseFile)).toBe('ok');
    const bulk = await ask(standIn, bot.delivery!, 'zanzibar');
    expect(quotes(bulk).length).toBeGreaterThan(0);
    expect(bulk.text).toMatch(/zanzibar/);
    expect(bot.child.exitCode, 'the bot process is still running').toBeNull();
  });

  it('logged no failure and printed no token or signing secret', () => {
    expect(bot.printed()).not.toMatch(/unexpected search failure|search failed|ERROR/);
    expectNoSecrets([bot.printed(), ...sentToSlack(standIn)], 'the bot');
  });
});
