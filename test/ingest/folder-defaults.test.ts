import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { IndexReader } from '../../src/index/reader.js';
import { FolderDefaultsReader, parseFolderDefaults } from '../../src/ingest/folder-defaults.js';
import { withFolderDefaults } from '../../src/ingest/prepare-file.js';
import { reindexArchive } from '../../src/ingest/reindex.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { indexIfNeeded } from '../../src/terminal/run-console.js';
import { markdownArticle, tempDatabase, tempDir, writeFiles } from '../support/fixtures.js';

const story = (headline: string) =>
  `${headline}\n\nThe harbour master said the quay would reopen on Friday after the storm had passed.\n`;

describe('parseFolderDefaults', () => {
  it.each([
    ['an outlet', 'source: BBC News', { source: 'BBC News' }],
    [
      'every key',
      'source: Test Post\nurl_prefix: https://example.com/archive/\nlanguage: EN-gb',
      { source: 'Test Post', urlPrefix: 'https://example.com/archive/', language: 'en-GB' },
    ],
    ['an empty file', '', {}],
    ['only a comment', '# nothing yet', {}],
  ])('reads %s', (_case, text, defaults) => {
    expect(parseFolderDefaults(text)).toEqual({ defaults, problems: [] });
  });

  it.each([
    ['invalid YAML', 'source: [unclosed', {}, /invalid YAML/],
    ['a list', '- BBC News', {}, /expected keys/],
    ['an unknown key', 'source: A\nsorce: B', { source: 'A' }, /unknown key "sorce"/],
    ['a number for the outlet', 'source: 42', {}, /"source" should be a line of text/],
    ['a prefix that is no web address', 'url_prefix: archive/', {}, /should start with http/],
    ['a malformed language tag', 'language: english language', {}, /"language" should be a language tag/],
  ])('reports %s and keeps what is good', (_case, text, defaults, problem) => {
    const parsed = parseFolderDefaults(text);
    expect(parsed.defaults).toEqual(defaults);
    expect(parsed.problems.join(' ')).toMatch(problem);
  });
});

describe('FolderDefaultsReader', () => {
  it('lets a nearer file override a farther one, key by key, and builds links from the folder that set the prefix', () => {
    const root = tempDir();
    writeFiles(root, {
      '.readout.yml': 'source: Test Post\nurl_prefix: https://example.com/news\nlanguage: en',
      'sport/.readout.yml': 'source: Test Post Sport',
      'sport/match report.txt': 'x',
    });
    const reader = new FolderDefaultsReader([root]);
    expect(reader.forFile(path.join(root, 'sport', 'match report.txt'))).toEqual({
      source: 'Test Post Sport',
      url: 'https://example.com/news/sport/match%20report.txt',
      language: 'en',
    });
    expect(reader.forFile(path.join(root, 'a.txt')).source).toBe('Test Post');
    expect(reader.problems).toEqual([]);
  });

  it('reads nothing above the configured folder', () => {
    const above = tempDir();
    writeFiles(above, { '.readout.yml': 'source: Not Ours', 'archive/a.txt': 'x' });
    const reader = new FolderDefaultsReader([path.join(above, 'archive')]);
    expect(reader.forFile(path.join(above, 'archive', 'a.txt'))).toEqual({});
    expect(reader.signature(path.join(above, 'archive'))).toBe('');
  });
});

describe('withFolderDefaults', () => {
  const draft = { item: '', title: 'T', body: 'B' };
  it('fills only what the article leaves empty', () => {
    expect(
      withFolderDefaults({ ...draft, source: 'Own' }, { source: 'Folder', url: 'https://e.com/a' }),
    ).toEqual({
      ...draft,
      source: 'Own',
      url: 'https://e.com/a',
    });
  });

  it('gives no file link to the articles of a multi-article export', () => {
    expect(
      withFolderDefaults({ ...draft, item: 'line 1' }, { url: 'https://e.com/x.jsonl' }).url,
    ).toBeUndefined();
  });
});

describe('reindexArchive with folder defaults', () => {
  const sources = (db: ReturnType<typeof tempDatabase>['db']) =>
    Object.fromEntries(
      db
        .prepare('SELECT file_path, source, url FROM articles ORDER BY file_path')
        .all()
        .map((row) => {
          const { file_path, source, url } = row as { file_path: string; source: string; url: string | null };
          return [path.basename(file_path), url ? `${source} ${url}` : source];
        }),
    );

  it('gives plain files their outlet and link, lets article metadata win, and follows edits', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      '.readout.yml': 'source: Test Post\nurl_prefix: https://example.com/a/',
      'plain.txt': story('Storm closes the harbour quay'),
      'own.md': markdownArticle(
        { title: 'Quay reopens after the storm', source: 'Own Outlet' },
        'The quay reopened.',
      ),
      'wire/.readout.yml': 'source: Test Wire',
      'wire/brief.txt': story('Harbour quay shut by the storm'),
    });
    const { db } = tempDatabase();
    const first = await reindexArchive(db, { dirs: [dir] });
    expect(first.skipped).toEqual([]);
    expect(sources(db)).toEqual({
      'brief.txt': 'Test Wire https://example.com/a/wire/brief.txt',
      'own.md': 'Own Outlet https://example.com/a/own.md',
      'plain.txt': 'Test Post https://example.com/a/plain.txt',
    });
    const search = new SearchIndex(new IndexReader(db));
    const inOutlet = search.search(
      {
        kind: 'query',
        text: 'quay source:wire',
        terms: [{ words: ['quay'], quoted: false }],
        excluded: [],
        filters: { sources: ['wire'], speakers: [] },
        notes: [],
      },
      { offset: 0, limit: 5 },
    );
    expect(inOutlet.hits.map((hit) => path.basename(hit.article.file))).toEqual(['brief.txt']);

    fs.writeFileSync(path.join(dir, 'wire', '.readout.yml'), 'source: Renamed Wire');
    const second = await reindexArchive(db, { dirs: [dir] });
    expect(second.files).toMatchObject({ updated: 1, unchanged: 2 });
    expect(sources(db)['brief.txt']).toBe('Renamed Wire https://example.com/a/wire/brief.txt');

    fs.rmSync(path.join(dir, 'wire', '.readout.yml'));
    await reindexArchive(db, { dirs: [dir] });
    expect(sources(db)['brief.txt']).toBe('Test Post https://example.com/a/wire/brief.txt');
  });

  it('names a bad .readout.yml with its reason and indexes the articles under it', async () => {
    const dir = tempDir();
    writeFiles(dir, { '.readout.yml': 'source: [oops', 'plain.txt': story('Storm closes the harbour quay') });
    const { db } = tempDatabase();
    const summary = await reindexArchive(db, { dirs: [dir] });
    expect(summary.articles).toBe(1);
    expect(summary.skipped).toEqual([
      {
        file: path.join(dir, '.readout.yml'),
        reason: expect.stringMatching(/^invalid YAML \(.+\); its defaults are not applied$/),
      },
    ]);
  });
});

describe('reindexArchive over changed folders', () => {
  it('removes, and counts, the articles of folders no longer configured, and records the folders', async () => {
    const samples = tempDir();
    const real = tempDir();
    writeFiles(samples, {
      'a.txt': story('Sample storm story for trying'),
      'b.txt': story('Another sample harbour story'),
    });
    writeFiles(real, { 'c.txt': story('Real storm closes the harbour') });
    const { db } = tempDatabase();
    await reindexArchive(db, { dirs: [samples] });
    const summary = await reindexArchive(db, { dirs: [real] });
    expect(summary.files).toMatchObject({ added: 1, removed: 2 });
    expect(summary.articles).toBe(1);
    expect(new IndexReader(db).indexedFolders()).toEqual([real]);
  });

  const root = process.getuid?.() === 0;
  it.skipIf(root)(
    root
      ? 'keeps the articles of a folder that cannot be read (skipped: as root every folder is readable)'
      : 'keeps the articles of a folder that cannot be read this time',
    async () => {
      const dir = tempDir();
      writeFiles(dir, {
        'locked/a.txt': story('Storm closes the harbour quay'),
        'b.txt': story('Harbour quay reopens'),
      });
      const { db } = tempDatabase();
      await reindexArchive(db, { dirs: [dir] });
      fs.chmodSync(path.join(dir, 'locked'), 0o000);
      try {
        const summary = await reindexArchive(db, { dirs: [dir] });
        expect(summary.skipped.map((entry) => entry.file)).toEqual([path.join(dir, 'locked')]);
        expect(summary.files.removed).toBe(0);
        expect(summary.articles).toBe(2);
      } finally {
        fs.chmodSync(path.join(dir, 'locked'), 0o755);
      }
    },
  );
});

describe('indexIfNeeded (the console at start)', () => {
  it('re-indexes when READOUT_ARTICLES names other folders than the index holds', async () => {
    const samples = tempDir();
    const real = tempDir();
    writeFiles(samples, { 'a.txt': story('Sample storm story for trying') });
    writeFiles(real, {
      'c.txt': story('Real storm closes the harbour'),
      'd.txt': story('Real quay reopens at dawn'),
    });
    const { db, file } = tempDatabase();
    const search = new SearchIndex(new IndexReader(db));
    const printed: string[] = [];
    const print = (text: string) => printed.push(text);
    const config = (dir: string) => loadConfig({ READOUT_DB: file, READOUT_ARTICLES: dir });

    await indexIfNeeded(db, config(samples), print);
    expect(search.stats().articles).toBe(1);
    printed.length = 0;
    await indexIfNeeded(db, config(samples), print);
    expect(printed).toEqual([]);

    await indexIfNeeded(db, config(real), print);
    expect(printed.join('')).toMatch(/READOUT_ARTICLES changed \(the index holds .+\): indexing/);
    expect(printed.join('')).toMatch(/Indexed 2 articles .*; 1 files of other folders removed/);
    expect(search.stats().articles).toBe(2);
  });
});
