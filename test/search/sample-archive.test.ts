/**
 * The bundled sample archive (db/sample-articles), indexed and searched as `npm start` does: the
 * queries its guide suggests (db/SAMPLE-ARTICLES.md) keep their answers, plain files carry their
 * outlet and date, and a real word the archive lacks is not rewritten into another.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reindexArchive } from '../../src/ingest/reindex.js';
import { defaultAliasesFile, sampleArticlesDir } from '../../src/paths.js';
import type { SearchIndex } from '../../src/search/search-index.js';
import { tempDatabase } from '../support/fixtures.js';
import { ask, searchIndexOn } from '../support/readout.js';

let search: SearchIndex;
const files = (query: string) =>
  ask(search, query, { limit: 10 }).hits.map((hit) => path.relative(sampleArticlesDir, hit.article.file));

beforeAll(async () => {
  const { db } = tempDatabase();
  const summary = await reindexArchive(db, { dirs: [sampleArticlesDir] });
  expect(summary.skipped).toEqual([]);
  search = searchIndexOn(db, { aliasesFile: defaultAliasesFile });
});

describe('the sample archive', () => {
  it('reads outlet and date from the masthead and byline of a plain .txt file', () => {
    const hit = ask(search, 'cafés pinch').hits[0]!;
    expect(hit.article).toMatchObject({
      title: 'Quillhaven cafés feel the pinch as the terminal stays shut',
      source: 'Quillhaven Courier (sample)',
      author: 'Felix Dorne',
      published: '2023-03-16',
    });
    expect(ask(search, 'flood warning source:eastbank').hits[0]!.article).toMatchObject({
      source: 'Eastbank Evening Post (sample)',
      published: '2020-02-11',
    });
  });

  it.each([
    ['dockworkers strike', 'ledger/2023-03-02-dockworkers-vote-to-strike.md'],
    ['"emergency agreement"', 'courier/2023-03-05-quillhaven-terminal-falls-silent.md'],
    ['Quilhaven terminal', 'courier/2023-03-05-quillhaven-terminal-falls-silent.md'],
    ['HCPA', 'wire/2023-03-04-dock-strike-shuts-terminals.txt'],
    ['забастовка', 'wire/ru/2023-03-10-zabastovka-posrednik-volkov.md'],
    ['café', 'courier/2023-03-16-quillhaven-cafes-feel-the-pinch.txt'],
    ['strike source:courier', 'courier/2023-03-05-quillhaven-terminal-falls-silent.md'],
  ])('answers %j with %s on the first page', (query, file) => {
    expect(files(query)).toContain(file);
  });

  it('does not rewrite "fire" into "five": a real word the archive lacks is absent', () => {
    const answer = ask(search, 'fire');
    expect(answer.query.corrections).toEqual([]);
    expect(answer.hits).toEqual([]);
  });
});
