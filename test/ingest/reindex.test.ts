import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ReadoutError } from '../../src/errors.js';
import { openDatabase } from '../../src/index/database.js';
import { ftsPendingBytes, IndexWriter } from '../../src/index/writer.js';
import { reindexArchive } from '../../src/ingest/reindex.js';
import { markdownArticle, tempDatabase, tempDir, writeFiles } from '../support/fixtures.js';
import { cleanEnv, runScript, startScript } from '../support/run-script.js';

const paragraph = (topic: string, n = 1) =>
  Array.from(
    { length: n },
    (_, i) => `The ${topic} talks went on for hours in the ${i + 1}th session, officials said on Monday.`,
  ).join(' ');

const oneOfEachFormat: Record<string, string> = {
  'plain.txt': `Breaking News\n\nCouncil approves harbour budget after long debate\n\n${paragraph('budget')}\n\n${paragraph('harbour')}\n`,
  'front.md': markdownArticle(
    {
      title: 'Museum reopens its maritime hall',
      source: 'Test Ledger',
      author: 'A. Writer',
      published: '2021-05-04',
      url: 'https://example.com/museum',
    },
    `# Museum reopens its maritime hall\n\n${paragraph('museum')}\n\n*${paragraph('exhibition')}*`,
  ),
  'page.html': `<!doctype html><html><head><title>Flood warning for the east bank | Test Post</title>
    <meta property="og:site_name" content="Test Post"><meta property="article:published_time" content="2020-02-11T08:00:00Z">
    <link rel="canonical" href="https://example.com/flood"></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport menu item</a></nav>
    <article><h1>Flood warning for the east bank</h1><p>${paragraph('flood', 3)}</p><p>${paragraph('river', 3)}</p></article>
    <aside class="ad">Advertisement: buy the navigation special offer now</aside><footer>Copyright footer text</footer></body></html>`,
  'export.json': JSON.stringify([
    {
      id: 'j1',
      title: 'Port strike enters second week',
      body: paragraph('strike', 2),
      source: 'Test Wire',
      published: '2023-03-09',
    },
    {
      id: 'j2',
      title: 'Mediator named in port dispute',
      text: paragraph('mediator', 2),
      source: 'Test Wire',
    },
  ]),
  'lines.jsonl': [
    JSON.stringify({
      title: 'Cafes feel the pinch of the strike',
      body: paragraph('cafe', 2),
      source: 'Test Courier',
    }),
    JSON.stringify({
      title: 'Deal ends the port strike',
      body: paragraph('deal', 2),
      url: 'https://example.org/deal',
    }),
  ].join('\n'),
};

function titles(db: Database.Database): string[] {
  return db.prepare('SELECT title FROM articles ORDER BY title').pluck().all() as string[];
}

describe('reindexArchive', () => {
  it('indexes every format with its attribution', async () => {
    const dir = tempDir();
    writeFiles(dir, oneOfEachFormat);
    const { db } = tempDatabase();
    const summary = await reindexArchive(db, { dirs: [dir] });
    expect(summary.skipped).toEqual([]);
    expect(summary.files).toMatchObject({ added: 5, updated: 0, unchanged: 0, removed: 0, skipped: 0 });
    expect(titles(db)).toEqual([
      'Cafes feel the pinch of the strike',
      'Council approves harbour budget after long debate',
      'Deal ends the port strike',
      'Flood warning for the east bank',
      'Mediator named in port dispute',
      'Museum reopens its maritime hall',
      'Port strike enters second week',
    ]);
    const museum = db.prepare("SELECT * FROM articles WHERE title LIKE 'Museum%'").get() as Record<
      string,
      string
    >;
    expect(museum).toMatchObject({
      source: 'Test Ledger',
      author: 'A. Writer',
      published: '2021-05-04',
      url: 'https://example.com/museum',
      file_path: path.join(dir, 'front.md'),
    });
    const flood = db.prepare("SELECT * FROM articles WHERE title LIKE 'Flood%'").get() as Record<
      string,
      string
    >;
    expect(flood).toMatchObject({
      source: 'Test Post',
      published: '2020-02-11',
      url: 'https://example.com/flood',
    });
    const bodies = (db.prepare('SELECT body FROM passages').pluck().all() as string[]).join('\n');
    expect(bodies).not.toMatch(/Sport menu item|Advertisement|Copyright footer|Breaking News/);
    expect(summary.passages).toBe(db.prepare('SELECT count(*) FROM passages').pluck().get());
    expect(
      db.prepare("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'strike'").pluck().get(),
    ).toBeGreaterThan(0);
    // Built at the end of a first run, the passages' indexes are all back, as the migration made them.
    const indexes = db.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'passages' ORDER BY name",
    );
    expect(indexes.pluck().all()).toEqual(['passages_article', 'passages_document']);
    expect(
      db.prepare('EXPLAIN QUERY PLAN SELECT 1 FROM passages WHERE document_id = ? AND outlet = ?').all(1, 1),
    ).toEqual([
      expect.objectContaining({ detail: expect.stringMatching(/USING COVERING INDEX passages_document/) }),
    ]);
  });

  it('names each bad file with its reason, skips it and indexes the rest', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'good.md': markdownArticle({ title: 'A perfectly good article here' }, paragraph('good')),
      'empty.txt': '',
      'blank.md': '  \n\n \n',
      'binary.txt': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0, 5]),
      'broken.json': '{\n  "title": "x",\n  "body": \n',
      'mixed.jsonl': `${JSON.stringify({ title: 'Valid line one here', body: paragraph('line') })}\n{"title": oops}\n${JSON.stringify({ title: 'Valid line three here', body: paragraph('three') })}\n`,
      'photo.png': Uint8Array.from([0x89, 0x50]),
    });
    fs.symlinkSync(path.join(dir, 'no-such-target.txt'), path.join(dir, 'dangling.txt'));
    const { db } = tempDatabase();
    const summary = await reindexArchive(db, { dirs: [dir] });
    const reasons = Object.fromEntries(summary.skipped.map((s) => [path.basename(s.file), s.reason]));
    expect(reasons['empty.txt']).toMatch(/empty/);
    expect(reasons['blank.md']).toMatch(/empty|no article/);
    expect(reasons['binary.txt']).toMatch(/binary/);
    expect(reasons['broken.json']).toMatch(/line [34].*JSON|JSON.*line [34]/i);
    expect(reasons['mixed.jsonl']).toMatch(/line 2/);
    expect(reasons['dangling.txt']).toMatch(/cannot read/);
    expect(summary.ignored.map((f) => path.basename(f))).toEqual(['photo.png']);
    expect(titles(db)).toEqual([
      'A perfectly good article here',
      'Valid line one here',
      'Valid line three here',
    ]);
    for (const entry of summary.skipped) expect(entry.reason).not.toMatch(/\n\s+at /); // no stack traces
  });

  it('re-indexes incrementally: adds, replaces changed files, drops vanished ones, skips the rest', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'a.md': markdownArticle({ title: 'Alpha article about harbours' }, paragraph('alpha')),
      'b.md': markdownArticle({ title: 'Bravo article about rivers' }, paragraph('bravo')),
      'c.md': markdownArticle({ title: 'Charlie article about ports' }, paragraph('charlie')),
    });
    const { db } = tempDatabase();
    await reindexArchive(db, { dirs: [dir] });

    writeFiles(dir, {
      'b.md': markdownArticle({ title: 'Bravo article rewritten entirely' }, paragraph('zulu')),
      'd.md': markdownArticle({ title: 'Delta article about canals' }, paragraph('delta')),
    });
    fs.rmSync(path.join(dir, 'c.md'));
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(dir, 'a.md'), later, later); // touched, same content
    const summary = await reindexArchive(db, { dirs: [dir] });
    expect(summary.files).toMatchObject({ added: 1, updated: 1, unchanged: 1, removed: 1, skipped: 0 });
    expect(titles(db)).toEqual([
      'Alpha article about harbours',
      'Bravo article rewritten entirely',
      'Delta article about canals',
    ]);
    const match = (q: string) =>
      db.prepare('SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?').pluck().get(q);
    expect(match('rivers')).toBe(0); // old text gone from the full-text index, not only the table
    expect(match('charlie')).toBe(0);
    expect(match('zulu')).toBe(1);
    const vocabulary = (word: string) =>
      db.prepare('SELECT documents FROM vocabulary WHERE word = ?').pluck().get(word);
    expect(vocabulary('charlie')).toBeUndefined();
    expect(vocabulary('zulu')).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.exec("INSERT INTO passages_fts (passages_fts) VALUES ('integrity-check')");

    const again = await reindexArchive(db, { dirs: [dir] });
    expect(again.files).toMatchObject({ added: 0, updated: 0, unchanged: 3, removed: 0 });
    expect(again.passagesWritten).toBe(0);
  });

  it('rewrites only the changed articles of a multi-article export', async () => {
    const dir = tempDir();
    const lines = (changed: string) =>
      ['one', 'two', 'three']
        .map((name) =>
          JSON.stringify({
            id: name,
            title: `Article ${name} of the export`,
            body: paragraph(name === 'two' ? changed : name, 3),
          }),
        )
        .join('\n');
    writeFiles(dir, { 'export.jsonl': lines('two') });
    const { db } = tempDatabase();
    await reindexArchive(db, { dirs: [dir] });
    const idsBefore = db.prepare('SELECT item, id FROM articles ORDER BY item').all();
    writeFiles(dir, { 'export.jsonl': lines('rewritten') });
    const summary = await reindexArchive(db, { dirs: [dir] });
    expect(summary.files.updated).toBe(1);
    expect(summary.passagesWritten).toBe(1);
    expect(summary.passagesRemoved).toBe(1);
    const idsAfter = db.prepare('SELECT item, id FROM articles ORDER BY item').all() as Array<{
      item: string;
      id: number;
    }>;
    expect(idsAfter.filter((row) => row.item !== 'two')).toEqual(
      (idsBefore as Array<{ item: string; id: number }>).filter((row) => row.item !== 'two'),
    );
    const match = (q: string) =>
      db.prepare('SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?').pluck().get(q);
    expect(match('rewritten')).toBe(1);
    expect(match('"two talks"')).toBe(0);
    db.exec("INSERT INTO passages_fts (passages_fts) VALUES ('integrity-check')");

    writeFiles(dir, { 'export.jsonl': lines('rewritten').split('\n').slice(0, 2).join('\n') });
    const shorter = await reindexArchive(db, { dirs: [dir] });
    expect(shorter.passagesRemoved).toBe(1);
    expect(titles(db)).toEqual(['Article one of the export', 'Article two of the export']);
  });

  it("knows an export's articles by any item name, `__proto__` and `constructor` included", async () => {
    const dir = tempDir();
    const items = ['__proto__', 'constructor', 'toString'];
    writeFiles(dir, {
      'export.jsonl': items
        .map((id) => JSON.stringify({ id, title: `Article ${id}`, body: paragraph(id.replaceAll('_', '')) }))
        .join('\n'),
    });
    const { db } = tempDatabase();
    await reindexArchive(db, { dirs: [dir] });
    const writer = IndexWriter.begin(db);
    try {
      const hashes = writer.articleHashes(path.join(dir, 'export.jsonl'));
      expect(Object.keys(hashes).sort()).toEqual([...items].sort());
      for (const item of items) expect(hashes[item]).toMatch(/^[0-9a-f]{40}$/);
    } finally {
      writer.rollback(new Error('only read'));
    }
  });

  it('keeps the previous version of a file that turned bad', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'a.json': JSON.stringify({ title: 'Stable headline text', body: paragraph('stable') }),
    });
    const { db } = tempDatabase();
    await reindexArchive(db, { dirs: [dir] });
    writeFiles(dir, { 'a.json': '{"title": "half written' });
    const summary = await reindexArchive(db, { dirs: [dir] });
    expect(summary.skipped[0]?.reason).toMatch(/previous version stays/);
    expect(titles(db)).toEqual(['Stable headline text']);
  });

  it('rebuilds everything with full', async () => {
    const dir = tempDir();
    writeFiles(dir, oneOfEachFormat);
    const { db } = tempDatabase();
    await reindexArchive(db, { dirs: [dir] });
    const summary = await reindexArchive(db, { dirs: [dir], full: true });
    expect(summary.files.added).toBe(5);
    expect(summary.articles).toBe(7);
    db.exec("INSERT INTO passages_fts (passages_fts) VALUES ('integrity-check')");
  });

  it("keeps FTS5's new terms in memory in large pieces, and the index whole", async () => {
    const dir = tempDir();
    writeFiles(dir, oneOfEachFormat);
    const { db } = tempDatabase();
    await reindexArchive(db, { dirs: [dir] });
    const setting = db.prepare(`SELECT v FROM passages_fts_config WHERE k = 'hashsize'`).pluck().get();
    expect(setting).toBe(ftsPendingBytes);
    db.exec("INSERT INTO passages_fts (passages_fts) VALUES ('integrity-check')");
  });

  it("never gives a removed document's number to a new one (champion lists name documents by number)", async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'a.md': markdownArticle({ title: 'The first article title' }, paragraph('first', 2)),
      'b.md': markdownArticle({ title: 'The second article title' }, paragraph('second', 2)),
    });
    const { db } = tempDatabase();
    await reindexArchive(db, { dirs: [dir] });
    const highest = () => db.prepare('SELECT max(id) FROM documents').pluck().get() as number;
    const before = highest();
    // The article holding the highest numbers is edited: its documents are removed, new ones added.
    writeFiles(dir, {
      'b.md': markdownArticle({ title: 'The second article title' }, paragraph('edited', 2)),
    });
    await reindexArchive(db, { dirs: [dir] });
    const lowestNew = db
      .prepare(
        `SELECT min(documents.id) FROM documents JOIN passages ON passages.id = documents.passage_id
         JOIN articles ON articles.id = passages.article_id WHERE articles.file_path LIKE '%b.md'`,
      )
      .pluck()
      .get() as number;
    expect(lowestNew).toBeGreaterThan(before);
    expect(Number(db.prepare("SELECT value FROM meta WHERE key = 'document_high_water'").pluck().get())).toBe(
      highest(),
    );
  });

  it('names a missing folder and changes nothing', async () => {
    const { db } = tempDatabase();
    await expect(reindexArchive(db, { dirs: [path.join(tempDir(), 'nope')] })).rejects.toThrow(
      /does not exist/,
    );
  });

  it('reports a second re-index while one holds the lock', async () => {
    const dir = tempDir();
    writeFiles(dir, oneOfEachFormat);
    const { db, file } = tempDatabase();
    const other = openDatabase(file, { busyTimeoutMs: 0 });
    other.exec('BEGIN IMMEDIATE');
    db.pragma('busy_timeout = 0');
    const error = await reindexArchive(db, { dirs: [dir] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadoutError);
    expect((error as ReadoutError).code).toBe('reindex_busy');
    other.exec('ROLLBACK');
    other.close();
  });

  it('lets a reader see the old index until the run commits', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'a.md': markdownArticle({ title: 'The first article title' }, paragraph('first')) });
    const { db, file } = tempDatabase();
    await reindexArchive(db, { dirs: [dir] });
    writeFiles(dir, { 'b.md': markdownArticle({ title: 'The second article title' }, paragraph('second')) });
    const reader = openDatabase(file);
    const count = () => reader.prepare('SELECT count(*) FROM articles').pluck().get();
    const seenDuringRun: unknown[] = [];
    await reindexArchive(db, { dirs: [dir], onProgress: () => seenDuringRun.push(count()) });
    expect(seenDuringRun.length).toBeGreaterThan(0);
    expect(seenDuringRun.every((n) => n === 1)).toBe(true);
    expect(count()).toBe(2);
    reader.close();
  });
});

describe('reindexArchive with a helper process preparing files', () => {
  const vocabulary = (db: Database.Database) =>
    db.prepare('SELECT word, documents FROM vocabulary ORDER BY word').all();
  const passages = (db: Database.Database) =>
    db
      .prepare(
        `SELECT articles.title, passages.position, passages.body, documents.fingerprint FROM passages
         JOIN articles ON articles.id = passages.article_id JOIN documents ON documents.id = passages.document_id
         ORDER BY articles.title, passages.position`,
      )
      .all();

  it('builds the same index as preparing in-process, bad files included', async () => {
    const dir = tempDir();
    writeFiles(dir, { ...oneOfEachFormat, 'empty.txt': '', 'broken.json': '{"title": ' });
    const inProcess = tempDatabase().db;
    const helped = tempDatabase().db;
    const a = await reindexArchive(inProcess, { dirs: [dir], helperProcess: 'never' });
    const b = await reindexArchive(helped, { dirs: [dir], helperProcess: 'always' });
    expect(b.files).toEqual(a.files);
    expect(b.skipped).toEqual(a.skipped);
    expect(passages(helped)).toEqual(passages(inProcess));
    expect(vocabulary(helped)).toEqual(vocabulary(inProcess));
    expect(vocabulary(helped).length).toBeGreaterThan(30);
  });

  it('keeps the vocabulary right through changes and removals', async () => {
    const dir = tempDir();
    writeFiles(dir, oneOfEachFormat);
    const helped = tempDatabase().db;
    const inProcess = tempDatabase().db;
    for (const db of [helped, inProcess]) {
      await reindexArchive(db, { dirs: [dir], helperProcess: db === helped ? 'always' : 'never' });
    }
    writeFiles(dir, {
      'front.md': markdownArticle({ title: 'Museum closes its maritime hall' }, paragraph('closure')),
    });
    fs.rmSync(path.join(dir, 'lines.jsonl'));
    for (const db of [helped, inProcess]) {
      const summary = await reindexArchive(db, {
        dirs: [dir],
        helperProcess: db === helped ? 'always' : 'never',
      });
      expect(summary.files).toMatchObject({ updated: 1, removed: 1, unchanged: 3 });
    }
    expect(vocabulary(helped)).toEqual(vocabulary(inProcess));
    const fresh = tempDatabase().db;
    await reindexArchive(fresh, { dirs: [dir] });
    expect(vocabulary(helped)).toEqual(vocabulary(fresh));
  });
});

describe('npm run reindex (scripts/reindex.ts)', () => {
  it('exits 0 with a summary when every file was indexed', async () => {
    const dir = tempDir();
    writeFiles(dir, oneOfEachFormat);
    const db = path.join(tempDir(), 'r.sqlite');
    const result = await runScript('scripts/reindex.ts', [dir], cleanEnv({ READOUT_DB: db }));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/files: 5 added, 0 updated, 0 unchanged, 0 removed, 0 skipped/);
    expect(result.stdout).toMatch(/the index holds 7 articles/);
  });

  it('exits 1 and lists skipped files, 2 for a missing folder, 3 when another run holds the lock', async () => {
    const dir = tempDir();
    writeFiles(dir, { ...oneOfEachFormat, 'empty.txt': '' });
    const file = path.join(tempDir(), 'r.sqlite');
    const env = cleanEnv({ READOUT_DB: file });
    const skipped = await runScript('scripts/reindex.ts', [dir], env);
    expect(skipped.status).toBe(1);
    expect(skipped.stdout).toMatch(/empty\.txt: empty file/);

    const missing = await runScript('scripts/reindex.ts', [path.join(dir, 'nope')], env);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^reindex: folder .*nope does not exist/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);

    const holder = new Database(file);
    holder.exec('BEGIN IMMEDIATE');
    const busy = await runScript('scripts/reindex.ts', [dir], env);
    holder.exec('ROLLBACK');
    holder.close();
    expect(busy.status).toBe(3);
    expect(busy.stderr).toMatch(/another re-index is running/);
  });

  it('leaves the whole old index or the whole new one when killed, and the next run completes', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'first.md': markdownArticle({ title: 'The article before the crash' }, paragraph('before')),
    });
    const file = path.join(tempDir(), 'r.sqlite');
    const env = cleanEnv({ READOUT_DB: file });
    expect((await runScript('scripts/reindex.ts', [dir], env)).status).toBe(0);

    // Enough text that the run is still writing when it is killed.
    const many: Record<string, string> = {};
    for (let i = 0; i < 400; i++) {
      many[`bulk/${i}.md`] = markdownArticle(
        { title: `Bulk article number ${i} of many` },
        paragraph(`topic${i}`, 60),
      );
    }
    writeFiles(dir, many);
    const child = startScript('scripts/reindex.ts', [dir], env);
    // Kill once it is writing: its first file read shows as WAL or as the helper's progress;
    // wherever the kill lands, the index must be the whole old one or the whole new one.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const walBytes = fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0;
        if (walBytes > 64 * 1024 || child.exitCode !== null) finish();
      }, 2);
      const finish = () => {
        clearInterval(timer);
        child.kill('SIGKILL');
        resolve();
      };
      setTimeout(finish, 900 + Math.random() * 600);
    });
    await new Promise((resolve) => child.on('close', resolve));

    const reader = new Database(file);
    const seen = reader.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    expect([1, 401]).toContain(seen);
    if (seen === 1) {
      expect(reader.prepare('SELECT title FROM articles').pluck().all()).toEqual([
        'The article before the crash',
      ]);
    }
    expect(reader.pragma('integrity_check', { simple: true })).toBe('ok');
    reader.exec("INSERT INTO passages_fts (passages_fts) VALUES ('integrity-check')");
    reader.close();

    const next = await runScript('scripts/reindex.ts', [dir], env);
    expect(next.status).toBe(0);
    expect(next.stdout).toMatch(/the index holds 401 articles/);
  });
});
