/**
 * Ending the console as people do, on the real process (node dist/src/main.js, no Slack
 * variables): Ctrl-C at a terminal, SIGINT (Ctrl-C with the input on a pipe) and SIGTERM (a
 * service manager) finish the app, close the database (the WAL checkpointed, no -wal or -shm
 * left beside it) and exit 0. At a pseudo-terminal, also line editing: up-arrow recalls a line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureArchive, type FixtureArchive } from '../slack/fixture-archive.js';
import {
  canStartAtTerminal,
  collect,
  type Finished,
  startMain,
  startMainAtTerminal,
} from './main-process.js';

let archive: FixtureArchive;

beforeAll(async () => {
  archive = await buildFixtureArchive();
});

afterAll(() => archive?.remove());

const answer = 'passages 1–5 for “lighthouse keeper”';

function expectClosedCleanly(result: Finished, db: string): void {
  expect(result.code, result.stderr).toBe(0);
  expect(fs.existsSync(db)).toBe(true);
  expect(fs.existsSync(`${db}-wal`), 'the -wal file is gone').toBe(false);
  expect(fs.existsSync(`${db}-shm`), 'the -shm file is gone').toBe(false);
  expect(result.stderr).not.toMatch(/ ERROR |\n\s+at /);
}

describe('ending the console', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('exits 0 on %s, closing the database', async (signal) => {
    const db = path.join(archive.dir, `${signal}.sqlite`);
    const child = startMain({ READOUT_DB: db, READOUT_ARTICLES: archive.articlesDir });
    const { exited, waitFor } = collect(child);
    // The input stays open: the console is waiting for the next line when the signal comes.
    child.stdin!.write('lighthouse keeper\n');
    await waitFor(answer);
    expect(fs.existsSync(`${db}-wal`), 'the database is open, in WAL mode').toBe(true);
    child.kill(signal);
    expectClosedCleanly(await exited, db);
  });

  // util-linux `script` gives the process a pseudo-terminal; Debian has it in every install.
  it.skipIf(!canStartAtTerminal())(
    'at a terminal: recalls a line with up-arrow, wraps at its width, exits 0 on Ctrl-C',
    async () => {
      const db = path.join(archive.dir, 'terminal.sqlite');
      const child = startMainAtTerminal({ READOUT_DB: db, READOUT_ARTICLES: archive.articlesDir }, 70);
      const { exited, waitFor } = collect(child);
      await waitFor('readout> ');
      child.stdin!.write('lighthouse keeper\r');
      await waitFor(answer);
      child.stdin!.write('\u001b[A');
      child.stdin!.write('\r');
      await waitFor(answer, 2);
      await waitFor('readout> ', 3);
      child.stdin!.write('\u0003'); // Ctrl-C, a key at a terminal in raw mode
      const result = await exited;
      expectClosedCleanly(result, db);
      expect(result.stdout).not.toContain('^[[A');
      const quoteLines = result.stdout.split(/\r?\n/).filter((line) => line.startsWith('  │ '));
      expect(quoteLines.length).toBeGreaterThan(8);
      for (const line of quoteLines) expect(line.length, line).toBeLessThanOrEqual(70);
    },
  );
});
