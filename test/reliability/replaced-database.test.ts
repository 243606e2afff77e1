/**
 * The index file replaced, deleted or restored under the running bot (a real process): the
 * README's restore (`mv new.sqlite readout.sqlite`), a delete and a fresh re-index, a file of
 * another schema put in its place. The bot notices each (device and inode), answers from the file
 * now at the path, and `/healthz` — GET and HEAD — reports what a real search found, or 503 when
 * the index cannot be searched. The bot never writes to the index, and refuses a 0-byte file.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/index/database.js';
import { reindexArchive } from '../../src/ingest/reindex.js';
import { type BotProcess, botEnv, startBot } from '../support/bot-process.js';
import { markdownArticle, tempDir, writeFiles } from '../support/fixtures.js';
import { runScript } from '../support/run-script.js';
import { SlackStandIn } from '../support/slack-stand-in/index.js';
import { allText, ask, fileBytes } from './support.js';

let dir: string;
let databaseFile: string;
let lighthouseIndex: string;
let ferryIndex: string;
let standIn: SlackStandIn;
let bot: BotProcess;

async function buildIndex(file: string, articles: Record<string, string>): Promise<void> {
  const folder = path.join(dir, path.basename(file, '.sqlite'));
  writeFiles(folder, articles);
  const db = openDatabase(file, { create: true });
  try {
    await reindexArchive(db, { dirs: [folder], helperProcess: 'never' });
  } finally {
    db.close();
  }
}

const lighthouse = {
  'a.md': markdownArticle({ title: 'Lighthouse keeper retires' }, 'The lighthouse keeper climbed the tower.'),
};
const ferry = {
  'a.md': markdownArticle({ title: 'Ferry timetable changes' }, 'The ferry leaves earlier from May.'),
  'b.md': markdownArticle({ title: 'Ferry fares rise' }, 'Ferry fares rise by a tenth in June.'),
};

beforeAll(async () => {
  dir = tempDir('readout-replaced-');
  lighthouseIndex = path.join(dir, 'lighthouse.sqlite');
  ferryIndex = path.join(dir, 'ferry.sqlite');
  await buildIndex(lighthouseIndex, lighthouse);
  await buildIndex(ferryIndex, ferry);
  databaseFile = path.join(dir, 'live', 'readout.sqlite');
  fs.mkdirSync(path.dirname(databaseFile));
  fs.copyFileSync(lighthouseIndex, databaseFile);
  standIn = await SlackStandIn.start();
  bot = await startBot(standIn, { databaseFile });
});

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await standIn?.stop();
});

async function health(method: 'GET' | 'HEAD' = 'GET') {
  const response = await fetch(`${bot.origin}/healthz`, { method });
  const text = await response.text();
  return { status: response.status, text, body: text ? JSON.parse(text) : undefined };
}

const answerText = async (query: string) => allText(await ask(standIn, bot.delivery!, query)).join('\n');

describe('/healthz', () => {
  it('answers GET with what a real search of the index found', async () => {
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', articles: 1, passages: 1, probe: { found: true } });
    expect(body.probe.word).toMatch(/\w/);
  });

  it('answers HEAD with the status and no body', async () => {
    const { status, text } = await health('HEAD');
    expect(status).toBe(200);
    expect(text).toBe('');
  });
});

describe('an index replaced under the running bot', () => {
  it('is noticed after `mv new.sqlite readout.sqlite`: answers and /healthz come from the new file', async () => {
    expect(await answerText('lighthouse')).toMatch(/lighthouse keeper/i);
    const incoming = path.join(path.dirname(databaseFile), 'new.sqlite');
    fs.copyFileSync(ferryIndex, incoming);
    fs.renameSync(incoming, databaseFile);
    expect(await answerText('ferry fares')).toMatch(/Ferry fares rise/);
    expect(await answerText('lighthouse')).toMatch(/No passages found/);
    expect((await health()).body).toMatchObject({ status: 'ok', articles: 2 });
  });

  it('was only read: the file is byte for byte what was moved in', () => {
    expect(fileBytes(databaseFile) === fileBytes(ferryIndex)).toBe(true);
  });

  it('is noticed when deleted: /healthz 503 and the reporter told the index is unavailable', async () => {
    fs.rmSync(databaseFile);
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body).toEqual({ status: 'index_unavailable' });
    expect((await health('HEAD')).status).toBe(503);
    expect(await answerText('ferry')).toMatch(/index is unavailable right now/);
  });

  it('is found again when a re-index builds a new one at the path', async () => {
    const rebuilt = await runScript(
      'scripts/reindex.ts',
      [path.join(dir, 'lighthouse')],
      botEnv(standIn, { databaseFile }),
    );
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(await answerText('lighthouse')).toMatch(/lighthouse keeper/i);
    expect((await health()).body).toMatchObject({ status: 'ok', articles: 1 });
  });

  it('answers 503 when a database of another schema is put in its place', async () => {
    const stranger = path.join(dir, 'stranger.sqlite');
    const db = new Database(stranger);
    db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('not an index')");
    db.close();
    fs.renameSync(stranger, databaseFile);
    expect((await health()).status).toBe(503);
    expect(await answerText('lighthouse')).toMatch(/index is unavailable right now/);
    expect(bot.printed()).not.toMatch(/SqliteError|\n\s+at /);
  });
});

describe('a 0-byte database file', () => {
  it('is refused at start-up, naming the file and the fix, and left as it was', async () => {
    const empty = path.join(dir, 'empty.sqlite');
    fs.writeFileSync(empty, '');
    const started = startBot(standIn, { databaseFile: empty });
    await expect(started).rejects.toThrow(/empty \(0 bytes\)[^\n]*npm run reindex/);
    expect(fs.statSync(empty).size).toBe(0);
  });
});
