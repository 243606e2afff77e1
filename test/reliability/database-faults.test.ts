/**
 * A database Readout cannot use: missing, unreadable, corrupt or truncated when the bot starts;
 * read-only or on a full disk when a re-index runs. Each time: one clear line naming the file
 * and the fix, a non-zero exit, and the previous index byte for byte as it was.
 *
 * Unreadable and read-only need a process that permissions apply to: when the tests run as root
 * the processes under test run as `nobody`. A full disk is simulated two ways: a real re-index
 * process under a file-size limit (bash `ulimit -f`, with SIGXFSZ ignored, so writes past the
 * limit fail with EFBIG as they would with ENOSPC), and SQLite's own `PRAGMA max_page_count`
 * on a connection in this process (SQLITE_FULL).
 */
import { type SpawnOptions, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadoutError } from '../../src/errors.js';
import { openDatabase } from '../../src/index/database.js';
import { reindexArchive } from '../../src/ingest/reindex.js';
import { projectRoot } from '../../src/paths.js';
import { botSecrets } from '../support/bot-process.js';
import { markdownArticle, tempDir, writeFiles } from '../support/fixtures.js';
import { cleanEnv, nodeCommand, runScript, type ScriptResult } from '../support/run-script.js';
import { SlackStandIn } from '../support/slack-stand-in/index.js';
import { articleTitles, expectNoSecrets, fileBytes, integrityCheck, writeBulkArticles } from './support.js';

const isRoot = process.getuid?.() === 0;
const nobody = { uid: 65534, gid: 65534 };

let standIn: SlackStandIn;
let articlesDir: string;
let moreArticlesDir: string;
/** A good index of `articlesDir`, copied for each case that needs one. */
let goodDatabase: string;
let goodTitles: string[];
const printed: string[] = [];

/** Runs a project script as a real process, as `nobody` when we are root; optional file-size limit in KiB. */
function run(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { unprivileged?: boolean; fileSizeLimitKiB?: number } = {},
): Promise<ScriptResult> {
  const [execPath, nodeArgs] = nodeCommand(script, args);
  const node = [execPath, ...nodeArgs];
  const command = options.fileSizeLimitKiB
    ? ['bash', '-c', `trap '' XFSZ; ulimit -f ${options.fileSizeLimitKiB}; exec "$0" "$@"`, ...node]
    : node;
  const spawnOptions: SpawnOptions = {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.unprivileged && isRoot ? nobody : {}),
  };
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), spawnOptions);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr!.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status, signal) => {
      printed.push(stdout, stderr);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

/** A temp folder the unprivileged process may enter (and write in, when `writable`). */
function folderFor(writable: boolean): string {
  const dir = tempDir('readout-dbfault-');
  if (isRoot && writable) fs.chownSync(dir, nobody.uid, nobody.gid);
  fs.chmodSync(dir, 0o755);
  return dir;
}

function copyOfGoodIndex(dir: string): string {
  const file = path.join(dir, 'readout.sqlite');
  fs.copyFileSync(goodDatabase, file);
  if (isRoot) fs.chownSync(file, nobody.uid, nobody.gid);
  return file;
}

beforeAll(async () => {
  const dir = folderFor(false);
  articlesDir = path.join(dir, 'articles');
  writeFiles(articlesDir, {
    'one.md': markdownArticle({ title: 'Harbour board meets' }, 'The harbour board met on Tuesday.'),
    'two.md': markdownArticle({ title: 'Ferry timetable changes' }, 'The ferry leaves earlier from May.'),
  });
  moreArticlesDir = path.join(dir, 'more');
  writeBulkArticles(moreArticlesDir, 'bulk', 200, 'puffin');
  for (const folder of [dir, articlesDir, moreArticlesDir, path.join(moreArticlesDir, 'bulk')]) {
    fs.chmodSync(folder, 0o755);
  }
  goodDatabase = path.join(dir, 'good.sqlite');
  const first = await runScript('scripts/reindex.ts', [articlesDir], cleanEnv({ READOUT_DB: goodDatabase }));
  expect(first.status, first.stderr).toBe(0);
  goodTitles = articleTitles(goodDatabase);
  standIn = await SlackStandIn.start();
});

afterAll(async () => {
  await standIn?.stop();
});

describe('npm start with a database it cannot use', () => {
  function startEnv(databaseFile: string) {
    return cleanEnv({
      SLACK_BOT_TOKEN: botSecrets.botToken,
      SLACK_SIGNING_SECRET: botSecrets.signingSecret,
      SLACK_API_URL: standIn.apiUrl,
      READOUT_DB: databaseFile,
      PORT: '0',
    });
  }

  it.each<{ name: string; make: (dir: string) => string; says: string[]; unprivileged?: boolean }>([
    {
      name: 'missing',
      make: (dir) => path.join(dir, 'never-built.sqlite'),
      says: ['does not exist', 'npm run reindex'],
    },
    {
      name: 'unreadable',
      make: (dir) => {
        const file = copyOfGoodIndex(dir);
        fs.chmodSync(file, 0o000);
        return file;
      },
      says: ['cannot be opened', 'permissions'],
      unprivileged: true,
    },
    {
      name: 'not a database',
      make: (dir) => {
        const file = path.join(dir, 'readout.sqlite');
        fs.writeFileSync(file, 'These are meeting notes, not an index. '.repeat(200));
        return file;
      },
      says: ['is not a Readout database or is damaged', 'npm run reindex -- --full'],
    },
    {
      name: 'truncated (half of a real index)',
      make: (dir) => {
        const file = copyOfGoodIndex(dir);
        fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
        return file;
      },
      says: ['is not a Readout database or is damaged', 'npm run reindex -- --full'],
    },
  ])(
    'exits 1 naming the file and the fix when the database is $name',
    async ({ make, says, unprivileged }) => {
      const dir = folderFor(true);
      const file = make(dir);
      const before = fs.existsSync(file) ? fileBytes(file) : undefined;
      const result = await run('src/main.ts', [], startEnv(file), { unprivileged });
      expect(result.status, result.stderr).toBe(1);
      const line = result.stderr.trim().split('\n').at(-1)!;
      expect(line).toContain(file);
      for (const words of says) expect(line).toContain(words);
      expect(result.stderr).not.toMatch(/\n\s+at |SqliteError/);
      if (before === undefined) expect(fs.existsSync(file), 'a missing database is not created').toBe(false);
      else expect(fileBytes(file) === before, 'the database file was changed').toBe(true);
    },
  );
});

describe('npm run reindex when the database cannot be written', () => {
  it.each<{ name: string; make: () => string; says: string[] }>([
    {
      name: 'the file is read-only',
      make: () => {
        const file = copyOfGoodIndex(folderFor(true));
        fs.chmodSync(file, 0o444);
        return file;
      },
      says: ['cannot be', 'permissions'],
    },
    {
      name: 'its folder is read-only',
      make: () => {
        const dir = folderFor(true);
        const file = copyOfGoodIndex(dir);
        fs.chmodSync(dir, 0o555);
        return file;
      },
      says: ['cannot be', 'permissions'],
    },
  ])(
    'exits 2 naming the file and the fix, and leaves the index untouched, when $name',
    async ({ make, says }) => {
      const file = make();
      const before = fileBytes(file);
      const result = await run('scripts/reindex.ts', [moreArticlesDir], cleanEnv({ READOUT_DB: file }), {
        unprivileged: true,
      });
      fs.chmodSync(path.dirname(file), 0o755);
      expect(result.status, result.stderr).toBe(2);
      const line = result.stderr.trim().split('\n').at(-1)!;
      expect(line).toContain(file);
      for (const words of says) expect(line).toContain(words);
      expect(line).not.toMatch(/unexpected error|SqliteError/);
      expect(fileBytes(file) === before, 'the index file was changed').toBe(true);
      expect(articleTitles(file)).toEqual(goodTitles);
    },
  );

  it('exits 2 saying the disk is full, and leaves the index untouched, when writes fail part-way (ulimit -f)', async () => {
    const file = copyOfGoodIndex(folderFor(true));
    const before = fileBytes(file);
    // The index may grow by a little (the WAL), not by the 200 articles' megabytes.
    const limitKiB = Math.ceil(fs.statSync(file).size / 1024) + 256;
    const result = await run('scripts/reindex.ts', [moreArticlesDir], cleanEnv({ READOUT_DB: file }), {
      fileSizeLimitKiB: limitKiB,
    });
    expect(result.status, result.stderr).toBe(2);
    const line = result.stderr.trim().split('\n').at(-1)!;
    expect(line).toContain(file);
    expect(line).toMatch(/disk is full|cannot be written/);
    expect(line).toMatch(/free (disk )?space|disk is full/);
    expect(line).toContain('nothing was changed');
    expect(fileBytes(file) === before, 'the index file was changed').toBe(true);
    expect(integrityCheck(file)).toBe('ok');
    expect(articleTitles(file)).toEqual(goodTitles);

    const next = await run('scripts/reindex.ts', [articlesDir], cleanEnv({ READOUT_DB: file }));
    expect(next.status, 'a re-index with room to write works again').toBe(0);
  });

  it('gives back the WAL a failed run filled, while the bot keeps the database open', async () => {
    const file = copyOfGoodIndex(folderFor(true));
    // The bot's connection: with it open, the re-index's is not the last to close, so closing
    // does not clean up the WAL; the failed run must do it.
    const bot = new Database(file, { readonly: true });
    try {
      bot.prepare('SELECT count(*) FROM articles').get();
      const result = await run('scripts/reindex.ts', [moreArticlesDir], cleanEnv({ READOUT_DB: file }), {
        fileSizeLimitKiB: Math.ceil(fs.statSync(file).size / 1024) + 1024,
      });
      expect(result.status, result.stderr).toBe(2);
      expect(fs.statSync(`${file}-wal`).size).toBe(0);
      expect(bot.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: goodTitles.length });
    } finally {
      bot.close();
    }
  });

  it('reports SQLITE_FULL (PRAGMA max_page_count) as a full disk naming the file, and changes nothing', async () => {
    const file = copyOfGoodIndex(folderFor(true));
    const db = openDatabase(file);
    try {
      const pages = db.pragma('page_count', { simple: true }) as number;
      db.pragma(`max_page_count = ${pages + 8}`);
      const error = await reindexArchive(db, { dirs: [moreArticlesDir] }).then(
        () => undefined,
        (failure: unknown) => failure,
      );
      expect(error).toBeInstanceOf(ReadoutError);
      expect((error as ReadoutError).code).toBe('database_unwritable');
      expect((error as ReadoutError).message).toBe(`database ${file}: the disk is full; nothing was changed`);
      expect(db.inTransaction).toBe(false);
    } finally {
      db.close();
    }
    expect(integrityCheck(file)).toBe('ok');
    expect(articleTitles(file)).toEqual(goodTitles);
  });

  it('printed no token or signing secret', () => {
    expect(printed.length).toBeGreaterThan(0);
    expectNoSecrets(printed, 'the processes');
  });
});
