import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/index/database.js';
import { reindexArchive } from '../../src/ingest/reindex.js';
import type { SearchIndex } from '../../src/search/search-index.js';
import { markdownArticle, tempDatabase, tempDir, writeFiles } from '../support/fixtures.js';
import { ask, searchIndexOn } from '../support/readout.js';

// A wire story carried by twelve outlets, under four headlines, over three days.
const paragraphs = [
  'The harbour authority closed the northern terminal after the crane collapse on Monday night.',
  'Engineers from the harbour authority will inspect every crane on the quay before work resumes.',
  'Shipping lines were told to divert to the southern terminal until the inspection ends.',
];
const headlines = [
  'Crane collapse closes terminal',
  'Terminal shut after crane falls',
  'Quay cranes to be inspected',
  'Harbour crane collapse',
];
const outlets = Array.from({ length: 12 }, (_, i) => `Outlet ${String.fromCharCode(65 + i)}`);

let db: Db;
let search: SearchIndex;

beforeAll(async () => {
  const dir = tempDir();
  writeFiles(dir, {
    ...Object.fromEntries(
      outlets.map((source, i) => [
        `wire/${i}.md`,
        markdownArticle(
          {
            title: headlines[i % headlines.length]!,
            source,
            published: `2023-03-0${6 + (i % 3)}`,
            url: `https://outlet-${i}.example/crane`,
          },
          paragraphs.join('\n\n'),
        ),
      ]),
    ),
    'other.md': markdownArticle(
      { title: 'Ferry timetable changes', source: 'Outlet A', published: '2023-03-01' },
      'The ferry to the island will leave the southern terminal an hour earlier from April.',
    ),
  });
  ({ db } = tempDatabase());
  await reindexArchive(db, { dirs: [dir] });
  search = searchIndexOn(db);
});

describe('a story syndicated in twelve outlets', () => {
  it('is indexed once per distinct text: one document per paragraph, and one per headline for the lead', () => {
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();
    expect(count('passages')).toBe(12 * 3 + 1);
    expect(count('documents')).toBe(headlines.length + 2 + 1);
  });

  it('fills a page with its distinct passages, each once, naming the other outlets', () => {
    const answer = ask(search, 'harbour authority terminal crane');
    const bodies = answer.hits.map((hit) => hit.excerpt.text);
    expect(new Set(bodies).size).toBe(bodies.length);
    // One passage has every word; the partial matches that follow it are labelled with what they lack.
    expect(answer.hits.filter((hit) => !hit.missing)).toHaveLength(1);
    const wire = answer.hits.filter((hit) => hit.article.title !== 'Ferry timetable changes');
    expect(wire.length).toBeGreaterThan(0);
    for (const hit of wire) expect(hit.alsoIn).toHaveLength(5);
  });

  it('shows the copy of the outlet a source: filter asks for', () => {
    const answer = ask(search, 'inspect crane source:"outlet j"');
    expect(answer.hits.filter((hit) => !hit.missing).map((hit) => hit.article.source)).toEqual(['Outlet J']);
    expect(new Set(answer.hits.map((hit) => hit.article.source))).toEqual(new Set(['Outlet J']));
    expect(answer.hits[0]!.article.url).toBe('https://outlet-9.example/crane');
  });

  it('shows the newest copy unfiltered, and a copy from the dates asked for with a date filter', () => {
    const newest = ask(search, 'divert shipping');
    expect(newest.hits[0]!.article.published).toBe('2023-03-08');
    const early = ask(search, 'divert shipping before:2023-03-07');
    expect(early.hits.map((hit) => hit.article.published)).toEqual(['2023-03-06']);
  });
});

// Four wire stories, each carried by twenty outlets under twenty headlines (twenty documents a
// story), all ranked above forty local stories with the same word: more headlines at the top
// than the first ranking leaves room for (src/search/candidates.ts), so it is asked again.
describe('several stories syndicated under many headlines at the top of a ranking', () => {
  let many: SearchIndex;

  beforeAll(async () => {
    const dir = tempDir();
    const files: Record<string, string> = {};
    for (let story = 0; story < 4; story++) {
      for (let copy = 0; copy < 20; copy++) {
        files[`wire/${story}-${copy}.md`] = markdownArticle(
          {
            title: `Report ${story} as told by paper ${copy}`,
            source: `Paper ${copy}`,
            published: '2024-05-02',
          },
          `Wire story ${story}: the quarry collapse, the quarry workers and the quarry owners.`,
        );
      }
    }
    for (let local = 0; local < 40; local++) {
      files[`local/${local}.md`] = markdownArticle(
        { title: `Council minutes ${local}`, source: 'Town Paper', published: '2024-05-01' },
        `Meeting ${local}: the committee discussed the budget, the roads, the parks, the library opening hours and, briefly, the quarry.`,
      );
    }
    writeFiles(dir, files);
    const { db } = tempDatabase();
    await reindexArchive(db, { dirs: [dir] });
    many = searchIndexOn(db);
  });

  it('fills the page: each story once, then the best local story, and a next page', () => {
    const answer = ask(many, 'quarry', { limit: 5 });
    const texts = answer.hits.map((hit) => hit.excerpt.text);
    expect(texts).toHaveLength(5);
    expect(new Set(texts).size).toBe(5);
    expect(texts.slice(0, 4).every((text) => text.startsWith('Wire story'))).toBe(true);
    expect(texts[4]).toMatch(/^Meeting \d+:/);
    expect(answer.nextOffset).toBe(5);
    const next = ask(many, 'quarry', { limit: 5, offset: 5 });
    expect(next.hits.map((hit) => hit.excerpt.text).every((text) => text.startsWith('Meeting'))).toBe(true);
    expect(next.hits).toHaveLength(5);
  });
});

// Texts that differ only in their quote marks share a fingerprint (src/ingest/prepare-file.ts)
// but are two documents: each copy must join the one it is word for word.
describe('copies of two texts that differ only in their quote marks', () => {
  const straight = 'The mayor said "the quay will reopen on Friday" after the inspection.';
  const curly = 'The mayor said “the quay will reopen on Friday” after the inspection.';
  const article = (source: string, quote: string) =>
    markdownArticle({ title: 'Quay to reopen', source, published: '2023-03-09' }, quote);
  const first = { 'a.md': article('Outlet A', straight), 'b.md': article('Outlet B', curly) };
  const copies = {
    'c.md': article('Outlet C', curly),
    'd.md': article('Outlet D', straight),
    'e.md': article('Outlet E', curly),
  };

  it.each([
    ['in the run that fills an empty index', [{ ...first, ...copies }]],
    ['in a later run', [first, { ...first, ...copies }]],
  ])('join the document of their own text %s', async (_when, runs) => {
    const dir = tempDir();
    const { db } = tempDatabase();
    for (const files of runs) {
      writeFiles(dir, files);
      await reindexArchive(db, { dirs: [dir] });
    }
    const documentOf = (text: string) =>
      db
        .prepare<[string], { document: number; copies: number }>(
          `SELECT passages.document_id AS document, documents.copies FROM passages
           JOIN documents ON documents.id = passages.document_id WHERE passages.body = ? GROUP BY passages.document_id`,
        )
        .all(text);
    expect(documentOf(straight)).toEqual([{ document: expect.any(Number), copies: 2 }]);
    expect(documentOf(curly)).toEqual([{ document: expect.any(Number), copies: 3 }]);
    expect(documentOf(straight)[0]!.document).not.toBe(documentOf(curly)[0]!.document);
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(2);
  });
});
