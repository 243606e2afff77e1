import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeArchive } from '../../scripts/bench/archive-writers.js';
import { SyntheticArchive } from '../../scripts/bench/synthetic-archive.js';
import { championStamp, entryFields, outletSignature } from '../../src/index/champion-entries.js';
import { ChampionLists, lookUpAdded } from '../../src/index/champions.js';
import type { Db } from '../../src/index/database.js';
import { metaKeys } from '../../src/index/meta.js';
import { type Candidate, type FacetFilter, IndexReader } from '../../src/index/reader.js';
import { WordRanking } from '../../src/index/word-ranking.js';
import { reindexArchive } from '../../src/ingest/reindex.js';
import { arrangePages, pageAt } from '../../src/search/arrange.js';
import { findCandidates } from '../../src/search/candidates.js';
import { type OutletTest, outletTest, severalCopiesVerdict } from '../../src/search/common-words.js';
import { IndexView } from '../../src/search/index-view.js';
import { tempDatabase, tempDir } from '../support/fixtures.js';

// Small lists, so that a small archive has them and its pages reach past them.
const sizing = { entries: 40, minimum: 50, share: 0.2, workerThreshold: Number.POSITIVE_INFINITY };
const archive = new SyntheticArchive({ seed: 5 });
const common = archive.vocabulary.slice(0, 6);

let db: Db;
let dir: string;

async function rebuildSmallLists(): Promise<void> {
  const version = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(metaKeys.indexVersion);
  await new ChampionLists(db, sizing).rebuild(version as string);
}

/** The champion path's page beside FTS5's, for one word, filter and page. */
function bothWays(word: string, facets: FacetFilter, offset: number, limit: number) {
  const reader = new IndexReader(db);
  const view = new IndexView(reader);
  const request = { match: `"${word}"`, facets, offset, limit };
  // The page a reporter sees: the candidates arranged (two per article), the one at `offset`.
  const shown = (candidates: Candidate[]) => {
    const page = pageAt(arrangePages(candidates, limit), offset);
    return {
      start: page.start,
      next: page.nextOffset,
      items: page.items.map((c) => [c.documentId, c.passageId, c.rank.toPrecision(12)]),
    };
  };
  let ranked = 0;
  const rankDocuments = reader.rankDocuments.bind(reader);
  reader.rankDocuments = (...args) => {
    ranked++;
    return rankDocuments(...args);
  };
  const champion = shown(findCandidates(reader, view, { ...request, singleWord: word }).candidates);
  // Answered from the list alone: FTS5 was not asked to rank.
  const answeredFromList = ranked === 0;
  return { answeredFromList, champion, fts: shown(findCandidates(reader, view, request).candidates) };
}

function facetsToTry(): FacetFilter[] {
  const outlets = db.prepare('SELECT id FROM outlets ORDER BY id').pluck().all() as number[];
  const speaker = db
    .prepare('SELECT speaker_key FROM quotations GROUP BY speaker_key ORDER BY count(*) DESC LIMIT 1')
    .pluck()
    .get() as string;
  return [
    {},
    { outlets: [outlets[0]!] },
    { outlets: outlets.slice(-3) },
    { fromDay: 20150101 },
    { beforeDay: 20100101 },
    { outlets: outlets.slice(0, 5), fromDay: 20120101, beforeDay: 20180101 },
    { speakers: [speaker] },
    { speakers: [speaker], outlets: outlets.slice(0, 10), beforeDay: 20160101 },
  ];
}

/** Compares both ways for every word, filter and page; returns how many the lists answered alone. */
function expectSameEverywhere(): number {
  let fromList = 0;
  for (const word of common) {
    for (const facets of facetsToTry()) {
      for (const [offset, limit] of [
        [0, 5],
        [5, 5],
        [30, 20],
      ] as const) {
        const { champion, fts, answeredFromList } = bothWays(word, facets, offset, limit);
        expect(champion, `${word} ${JSON.stringify(facets)} at ${offset}`).toEqual(fts);
        if (answeredFromList) fromList++;
      }
    }
  }
  return fromList;
}

beforeAll(async () => {
  dir = tempDir();
  writeArchive(archive, dir, 3000, 'jsonl', 40);
  db = tempDatabase().db;
  await reindexArchive(db, { dirs: [dir], helperProcess: 'never' });
  await rebuildSmallLists();
});

describe('champion lists', () => {
  it('are made for the very common words only', () => {
    const words = db.prepare('SELECT word FROM champions').pluck().all() as string[];
    expect(words.length).toBeGreaterThanOrEqual(4);
    for (const word of words) expect(archive.vocabulary.indexOf(word)).toBeLessThan(60);
  });

  it('answer one very common word as FTS5 ranks it: same passages, same order, same scores', () => {
    expect(expectSameEverywhere()).toBeGreaterThan(0);
  });

  it('stay exact through incremental re-indexes that add, change and remove articles', async () => {
    const files = fs.readdirSync(dir).sort();
    const edit = path.join(dir, files[2]!);
    const lines = fs.readFileSync(edit, 'utf8').trimEnd().split('\n');
    // The commonest words, over and over: these passages must enter the lists at the top.
    for (const at of [0, 10, 20]) {
      const article = JSON.parse(lines[at]!);
      article.body = `${common.slice(0, 3).join(' ')} ${common[0]}.\n\n${article.body}`;
      lines[at] = JSON.stringify(article);
    }
    // …and three articles gone (a small change: the lists are updated, not rebuilt).
    fs.writeFileSync(edit, `${lines.slice(0, -3).join('\n')}\n`);
    const before = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(metaKeys.indexVersion);
    await reindexArchive(db, { dirs: [dir], helperProcess: 'never' });
    const meta = (key: string) => db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key);
    expect(meta(metaKeys.indexVersion)).toBe(String(Number(before) + 1));
    expect(meta(metaKeys.championsVersion)).toBe(championStamp(meta(metaKeys.indexVersion) as string));
    expect(expectSameEverywhere()).toBeGreaterThan(0);
    db.exec("INSERT INTO passages_fts (passages_fts) VALUES ('integrity-check')");
  });

  /** The documents a list holds, best first. */
  const listedIn = (blob: Buffer) => {
    const entries = new Int32Array(new Uint8Array(blob).slice().buffer);
    return Array.from({ length: entries.length / entryFields }, (_, n) => entries[n * entryFields]!);
  };
  /** The first listed document (of any list) of which `query` finds a row, with the list's word. */
  const firstListed = <Row>(query: string): { word: string; id: number; row: Row } => {
    const lists = db.prepare('SELECT word, entries FROM champions').raw().all() as Array<[string, Buffer]>;
    const rowOf = db.prepare(query);
    for (const [word, blob] of lists) {
      for (const id of listedIn(blob)) {
        const row = rowOf.get(id) as Row | undefined;
        if (row) return { word, id, row };
      }
    }
    throw new Error(`no listed document has a row for ${query}`);
  };
  const entriesOf = (word: string) =>
    listedIn(db.prepare('SELECT entries FROM champions WHERE word = ?').pluck().get(word) as Buffer);

  it("stay exact when a run changes no list's entries but takes a listed document's only article away", async () => {
    const { word, id, row } = firstListed<{ file: string; url: string }>(
      `SELECT a.file_path AS file, a.url FROM passages p JOIN documents d ON d.id = p.document_id
         JOIN articles a ON a.id = p.article_id WHERE d.id = ? AND d.copies = 1`,
    );
    const lines = fs.readFileSync(row.file, 'utf8').trimEnd().split('\n');
    const kept = lines.filter((line) => (JSON.parse(line) as { url: string }).url !== row.url);
    expect(kept).toHaveLength(lines.length - 1);
    fs.writeFileSync(row.file, `${kept.join('\n')}\n`);
    await reindexArchive(db, { dirs: [dir], helperProcess: 'never' });
    expect(entriesOf(word)).not.toContain(id);
    expect(expectSameEverywhere()).toBeGreaterThan(0);
  });

  it("stay exact when a run changes no list's entries but brings a listed document a copy in another outlet", async () => {
    // The article of a listed passage, carried again (the same words) by an outlet it was not in.
    const { word, id, row } = firstListed<{ article: number; title: string; outlet: number }>(
      `SELECT a.id AS article, a.title, p.outlet FROM passages p JOIN documents d ON d.passage_id = p.id
         JOIN articles a ON a.id = p.article_id WHERE d.id = ? AND d.copies = 1`,
    );
    const paragraphs = db
      .prepare('SELECT body FROM passages WHERE article_id = ? ORDER BY position')
      .pluck()
      .all(row.article) as string[];
    const other = db
      .prepare("SELECT id, source, host FROM outlets WHERE id != ? AND host != '' ORDER BY id LIMIT 1")
      .get(row.outlet) as { id: number; source: string; host: string };
    const copy = {
      id: 'copy-of-a-listed-article',
      title: row.title,
      body: paragraphs.join('\n\n'),
      source: other.source,
      published: '2019-05-04',
      url: `https://${other.host}/2019/05/carried-again`,
      author: 'Wire',
    };
    const file = path.join(dir, fs.readdirSync(dir).sort()[0]!);
    fs.appendFileSync(file, `${JSON.stringify(copy)}\n`);
    await reindexArchive(db, { dirs: [dir], helperProcess: 'never' });
    expect(db.prepare('SELECT copies FROM documents WHERE id = ?').pluck().get(id)).toBe(2);
    expect(entriesOf(word)).toContain(id);
    // Only the new copy is in that outlet: a list that kept the old facets would pass it over.
    const { champion, fts } = bothWays(word, { outlets: [other.id] }, 0, 5);
    expect(fts.items.map(([document]) => document)).toContain(id);
    expect(champion).toEqual(fts);
    expect(expectSameEverywhere()).toBeGreaterThan(0);
  });

  it("find a run's new documents with a word alike by look-up and by reading the word's postings", () => {
    const lists = new ChampionLists(db);
    const fresh = db.prepare('SELECT id FROM documents ORDER BY id DESC LIMIT 60').pluck().all() as number[];
    fresh.reverse();
    let found = 0;
    for (const word of common) {
      // Infinitely many documents of the word: looked up; none: read.
      const lookedUp = lists.documentsAdded(`"${word}"`, Number.POSITIVE_INFINITY, fresh);
      expect(lookedUp).toEqual(lists.documentsAdded(`"${word}"`, 0, fresh));
      found += lookedUp.length;
    }
    expect(found).toBeGreaterThan(0);
  });

  it.each([
    [1, 1000, true],
    [10, 1000, false],
    [100, 200_000, true],
    [2000, 200_000, false],
    [0, 0, false],
  ])('look up %i new documents of a word in %i: %s', (added, documents, lookUp) => {
    expect(lookUpAdded(added, documents)).toBe(lookUp);
  });

  it('are the same ranked in worker threads as on the re-index connection', async () => {
    const lists = () => db.prepare('SELECT * FROM champions ORDER BY word').all();
    await rebuildSmallLists();
    const here = lists();
    const version = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(metaKeys.indexVersion);
    await new ChampionLists(db, { ...sizing, workerThreshold: 0 }).rebuild(version as string);
    expect(lists()).toEqual(here);
    expect(here.length).toBeGreaterThan(0);
  });

  it('are the same whether each document is read when ranked or every document first', () => {
    const totals = new ChampionLists(db).totals();
    const count = db.prepare('SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?').pluck();
    const rankAll = (ranking: WordRanking) =>
      common.map((word) => ranking.rank(word, count.get(`"${word}"`) as number, totals, sizing.entries));
    const oneByOne = rankAll(new WordRanking(db));
    const everyFirst = new WordRanking(db);
    everyFirst.readEveryDocument();
    expect(rankAll(everyFirst)).toEqual(oneByOne);
    expect(oneByOne.filter((list) => list !== undefined).length).toBeGreaterThanOrEqual(4);
  });

  it('are not used when they do not match the index version', async () => {
    db.prepare('UPDATE meta SET value = value || ? WHERE key = ?').run('-stale', metaKeys.championsVersion);
    const view = new IndexView(new IndexReader(db));
    expect(view.championList(common[0]!)).toBeUndefined();
    await rebuildSmallLists();
    expect(new IndexView(new IndexReader(db)).championList(common[0]!)).toBeDefined();
  });

  it('are rebuilt by a re-index that changes nothing when they were written in another layout', async () => {
    const meta = (key: string) =>
      db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string;
    // What an earlier Readout stamped: the index version alone.
    db.prepare('UPDATE meta SET value = ? WHERE key = ?').run(
      meta(metaKeys.indexVersion),
      metaKeys.championsVersion,
    );
    expect(new IndexView(new IndexReader(db)).championList(common[0]!)).toBeUndefined();
    const summary = await reindexArchive(db, { dirs: [dir], helperProcess: 'never' });
    expect(summary.files.added + summary.files.updated + summary.files.removed).toBe(0);
    // Stamped as this code writes them (at the default sizes this small archive has no list).
    expect(meta(metaKeys.championsVersion)).toBe(championStamp(meta(metaKeys.indexVersion)));
    await rebuildSmallLists();
    expect(new IndexView(new IndexReader(db)).championList(common[0]!)).toBeDefined();
  });
});

describe('severalCopiesVerdict', () => {
  // Copies in outlets 3 and 40 (bit 3 of the first half, bit 8 of the second), 2012-05-01 to 05-03.
  const copies = { day: 20120501, lastDay: 20120503, outlets: outletSignature([3, 40]) };
  // An archive of 60 outlets has a bit for each; one of 100 shares bits (outlet 67 has 3's).
  const exact = (ids: number[]) => outletTest(ids, 60);
  const inexact = (ids: number[]) => outletTest(ids, 100);
  it.each<[string, typeof copies, FacetFilter, OutletTest | undefined, string]>([
    ['no copy in the outlets', copies, { outlets: [5] }, exact([5]), 'fails'],
    ['no copy in the outlets, inexact signatures', copies, { outlets: [35] }, inexact([35]), 'fails'],
    ['a copy in the outlet, exact signatures', copies, { outlets: [3] }, exact([3]), 'passes'],
    [
      'a copy in one of the outlets, exact signatures',
      copies,
      { outlets: [9, 40] },
      exact([9, 40]),
      'passes',
    ],
    [
      'a copy in the outlet, inexact signatures: the index decides',
      copies,
      { outlets: [3] },
      inexact([3]),
      'ask',
    ],
    [
      'an outlet sharing a bit with a copy: the index decides',
      copies,
      { outlets: [67] },
      inexact([67]),
      'ask',
    ],
    ['every copy before the range', copies, { fromDay: 20120601 }, undefined, 'fails'],
    ['every copy after the range', copies, { beforeDay: 20120501 }, undefined, 'fails'],
    ['every copy inside the range', copies, { fromDay: 20120101, beforeDay: 20130101 }, undefined, 'passes'],
    ['the range splitting the copies', copies, { fromDay: 20120502 }, undefined, 'ask'],
    [
      'a copy of unknown date, the others inside',
      { ...copies, day: 0 },
      { fromDay: 20120101 },
      undefined,
      'ask',
    ],
    [
      'a copy of unknown date, the others after',
      { ...copies, day: 0 },
      { beforeDay: 20120101 },
      undefined,
      'ask',
    ],
    ['no copy dated', { ...copies, day: 0, lastDay: 0 }, { beforeDay: 20300101 }, undefined, 'fails'],
    [
      'in the outlet, every copy inside the range, exact signatures',
      copies,
      { outlets: [3], fromDay: 20120101 },
      exact([3]),
      'passes',
    ],
    [
      'in the outlet, the range splitting the copies: which copy is where, the index knows',
      copies,
      { outlets: [3], fromDay: 20120502 },
      exact([3]),
      'ask',
    ],
    [
      'in the outlet and inside the range, inexact signatures',
      copies,
      { outlets: [3], fromDay: 20120101 },
      inexact([3]),
      'ask',
    ],
  ])('%s', (_case, entry, facets, outlets, verdict) => {
    expect(severalCopiesVerdict(entry, facets, outlets)).toBe(verdict);
  });
});
