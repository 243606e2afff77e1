/**
 * Which articles a re-index added or changed (the run stamp the writer puts on articles), and
 * readout() scoped to them: what saved searches run after each re-index. Real SQLite, real re-index.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/index/database.js';
import { reindexArchive } from '../../src/ingest/reindex.js';
import type { SearchIndex } from '../../src/search/search-index.js';
import { markdownArticle, tempDatabase, tempDir, writeFiles } from '../support/fixtures.js';
import { ask, searchIndexOn } from '../support/readout.js';

let db: Db;
let index: SearchIndex;
let archive: string;

const story = (title: string, body: string, extra: Record<string, string> = {}) =>
  markdownArticle({ title, source: 'Quay Post', published: '2024-05-01', ...extra }, body);

const files = (answer: ReturnType<typeof ask>) =>
  answer.hits.map((hit) => path.basename(hit.article.file)).sort();

async function reindex(full = false) {
  const summary = await reindexArchive(db, { dirs: [archive], full });
  expect(summary.skipped).toEqual([]);
  return index.stats().reindexRun;
}

beforeAll(() => {
  archive = tempDir();
  ({ db } = tempDatabase());
  index = searchIndexOn(db);
});

describe('re-index runs and readout over the new articles', () => {
  let first: number;

  it('numbers runs and finds every article of the first run new', async () => {
    writeFiles(archive, {
      'ferry.md': story('Ferry strike ends', 'The ferry strike ended on Monday after talks.'),
      'dock.md': story('Dock reopens', 'The dock reopened after the ferry strike.'),
    });
    first = await reindex();
    expect(first).toBe(1);
    expect(files(ask(index, 'ferry strike', { scope: { afterRun: 0 } }))).toEqual(['dock.md', 'ferry.md']);
  });

  it('counts only what a later run added or changed', async () => {
    writeFiles(archive, {
      'harbour.md': story('Harbour strike', 'A second ferry strike closed the harbour.'),
      'dock.md': story('Dock reopens', 'The dock reopened after the ferry strike, and the cranes moved.'),
    });
    const second = await reindex();
    expect(second).toBe(first + 1);
    expect(files(ask(index, 'ferry strike', { scope: { afterRun: first } }))).toEqual([
      'dock.md',
      'harbour.md',
    ]);
    expect(ask(index, 'ferry strike').hits).toHaveLength(3);
  });

  it('finds nothing new after a run that changed nothing', async () => {
    const before = index.stats().reindexRun;
    const after = await reindex();
    expect(after).toBe(before + 1);
    expect(ask(index, 'ferry strike', { scope: { afterRun: before } }).hits).toEqual([]);
  });

  it('keeps the runs of unchanged articles through a --full rebuild', async () => {
    const before = index.stats().reindexRun;
    await reindex(true);
    expect(ask(index, 'ferry strike', { scope: { afterRun: before } }).hits).toEqual([]);
    expect(files(ask(index, 'ferry strike', { scope: { afterRun: first } }))).toEqual([
      'dock.md',
      'harbour.md',
    ]);
  });

  it('stops at throughRun', async () => {
    const before = index.stats().reindexRun;
    writeFiles(archive, { 'later.md': story('Later strike', 'Another ferry strike began.') });
    await reindex();
    expect(files(ask(index, 'ferry strike', { scope: { afterRun: first, throughRun: before } }))).toEqual([
      'dock.md',
      'harbour.md',
    ]);
  });

  it('does not guess: no spelling correction and no partial matches in a scoped search', async () => {
    const before = index.stats().reindexRun;
    writeFiles(archive, { 'cranes.md': story('Cranes idle', 'The cranes stood idle all week.') });
    await reindex();
    const scope = { afterRun: before };
    const misspelt = ask(index, 'crnaes', { scope });
    expect(misspelt.hits).toEqual([]);
    expect(misspelt.query.corrections).toEqual([]);
    const partial = ask(index, 'cranes zeppelin', { scope });
    expect(partial.hits).toEqual([]);
    expect(partial.query.partial).toBeUndefined();
    expect(ask(index, 'cranes', { scope }).hits).toHaveLength(1);
  });

  it('drops a removed article and never returns it', async () => {
    const before = index.stats().reindexRun;
    fs.rmSync(path.join(archive, 'cranes.md'));
    await reindex();
    expect(ask(index, 'cranes', { scope: { afterRun: before - 1 } }).hits).toEqual([]);
  });
});

describe('SearchIndex.outlets and articleAt', () => {
  let outletIndex: SearchIndex;

  beforeAll(async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'a.md': story('One', 'First text here.', {
        source: 'Harbour Gazette',
        url: 'https://news.example.org/one',
      }),
      'b.md': story('Two', 'Second text here.', { source: 'Harbour Gazette' }),
      'c.md': story('Three', 'Lead sentence of three. More of it.', {
        source: 'Coast Wire',
        url: 'http://www.news.example.org/three/',
        author: 'Ann Writer',
      }),
    });
    const { db: outletDb } = tempDatabase();
    await reindexArchive(outletDb, { dirs: [dir] });
    outletIndex = searchIndexOn(outletDb);
  });

  it('lists outlets by article count, filtered by a part of the name in any case', () => {
    expect(outletIndex.outlets('', 10)).toEqual([
      { source: 'Harbour Gazette', articles: 2 },
      { source: 'Coast Wire', articles: 1 },
    ]);
    expect(outletIndex.outlets('WIRE', 10)).toEqual([{ source: 'Coast Wire', articles: 1 }]);
    expect(outletIndex.outlets('', 1)).toHaveLength(1);
  });

  it('finds an article by its link, however the link is spelt, with its lead passage', () => {
    const found = outletIndex.articleAt('https://news.example.org/three?utm_source=slack');
    expect(found).toMatchObject({ title: 'Three', source: 'Coast Wire', author: 'Ann Writer' });
    expect(found?.lead).toContain('Lead sentence of three.');
    expect(outletIndex.articleAt('https://news.example.org/one/')?.title).toBe('One');
  });

  it('finds nothing for a link the archive does not have', () => {
    expect(outletIndex.articleAt('https://news.example.org/four')).toBeUndefined();
    expect(outletIndex.articleAt('not a link')).toBeUndefined();
  });
});
