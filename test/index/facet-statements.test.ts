import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/index/database.js';
import { prepareFiltered } from '../../src/index/facet-statements.js';
import { type FacetFilter, IndexReader } from '../../src/index/reader.js';
import { reindexArchive } from '../../src/ingest/reindex.js';
import { markdownArticle, tempDatabase, tempDir, writeFiles } from '../support/fixtures.js';

// Forty articles that say "ferry" often (they outrank the rest), then one quoting Ann Falk that
// says it once, added by a later re-index run.
const loud = Array.from({ length: 40 }, (_, i) => [
  `loud-${i}.md`,
  markdownArticle(
    { title: `Ferry notes ${i}`, source: 'Harbour Ledger', published: '2020-01-01' },
    `Ferry ferry ferry timetable number ${i}.`,
  ),
]);
const quoted = markdownArticle(
  { title: 'Strike vote', source: 'Harbour Ledger', published: '2021-05-01' },
  '"We will not take the ferry back to work until the vote is counted and the terms are fair," said Ann Falk, speaking outside the depot after a long night of talks with the operators.',
);

let db: Db;
let reader: IndexReader;

beforeAll(async () => {
  const dir = tempDir();
  writeFiles(dir, Object.fromEntries(loud));
  ({ db } = tempDatabase());
  await reindexArchive(db, { dirs: [dir] });
  writeFiles(dir, { 'quoted.md': quoted });
  await reindexArchive(db, { dirs: [dir] });
  reader = new IndexReader(db);
});

const titleOf = (documentIds: number[], filter: FacetFilter) =>
  reader.chooseCopies(documentIds, filter).map((copy) => reader.attributions([copy.articleId])[0]!.title);

describe('IndexReader.rankDocuments with facets', () => {
  it('ranks the loud articles first without a filter', () => {
    const [best] = reader.rankDocuments('"ferry"', 1);
    expect(titleOf([best!.documentId], {})[0]).toMatch(/^Ferry notes/);
  });

  it.each<[string, FacetFilter]>([
    ['a speaker (who:)', { speakers: ['falk'] }],
    ['the re-index runs of a saved search', { afterRun: 1 }],
    ['a speaker and a run and a date together', { speakers: ['falk'], afterRun: 1, fromDay: 20210101 }],
  ])('filters by %s inside the ranking: the one passing match is the top 1', (_case, filter) => {
    const ranked = reader.rankDocuments('"ferry"', 1, filter);
    expect(ranked).toHaveLength(1);
    expect(titleOf([ranked[0]!.documentId], filter)).toEqual(['Strike vote']);
  });

  it.each<[string, FacetFilter]>([
    ['a speaker, probing each match', { speakers: ['falk'] }],
    ['a speaker, from their quotations', { speakers: ['falk'], speakersFirst: true }],
    [
      'a speaker and a date, from their quotations',
      { speakers: ['falk'], speakersFirst: true, fromDay: 20210101 },
    ],
  ])('ranks the same documents for %s as for the quotations alone', (_case, filter) => {
    const quoted = reader.newestFirst({ speakers: ['falk'] }, 10).map((copy) => copy.documentId);
    expect(reader.rankDocuments('"ferry" OR "vote"', 10, filter).map((doc) => doc.documentId)).toEqual(
      quoted,
    );
  });

  it.each<[string, FacetFilter]>([
    ['a speaker nobody quotes', { speakers: ['putin'] }],
    ['a speaker nobody quotes, from their quotations', { speakers: ['putin'], speakersFirst: true }],
    [
      'a speaker, from their quotations, before the date they spoke',
      { speakers: ['falk'], speakersFirst: true, beforeDay: 20210101 },
    ],
    ['runs after the last one', { afterRun: 2 }],
    ['runs up to the first only, with a speaker only the second has', { throughRun: 1, speakers: ['falk'] }],
  ])('finds nothing for %s', (_case, filter) => {
    expect(reader.rankDocuments('"ferry"', 10, filter)).toEqual([]);
  });

  // What the two-word fallback relies on (search-index.ts, partialMatches): one word's matches
  // less those that have the other are the matches of the one NOT the other, ranked the same.
  it.each<[string, FacetFilter]>([
    ['no filter', {}],
    ['a date', { fromDay: 20200101, beforeDay: 20210101 }],
    ['a speaker', { speakers: ['falk'] }],
  ])(
    'ranks one word leaving out the matches of both as it ranks the word NOT the other (%s)',
    (_case, filter) => {
      const both = reader.rankDocuments('"ferry" AND "timetable"', 100, filter).map((doc) => doc.documentId);
      const byExclusion = reader.rankDocuments('"ferry" NOT "timetable"', 100, filter);
      const leavingOut = reader.rankDocuments('"ferry"', 100, filter, both);
      const sorted = (docs: typeof byExclusion) => [...docs].sort((a, b) => a.documentId - b.documentId);
      expect(sorted(leavingOut)).toEqual(sorted(byExclusion));
      expect(leavingOut.some((doc) => both.includes(doc.documentId))).toBe(false);
      // Nothing left out: every match of the word.
      expect(reader.rankDocuments('"ferry"', 100, filter, []).length).toBe(byExclusion.length + both.length);
    },
  );
});

describe('IndexReader.newestFirst', () => {
  it("lists a speaker's quoted passages (who: without words), none matching an exclusion", () => {
    expect(reader.newestFirst({ speakers: ['falk'] }, 5).map((c) => c.passageId)).toHaveLength(1);
    expect(reader.newestFirst({ speakers: ['falk'] }, 5, '"depot"')).toEqual([]);
  });
});

describe('prepareFiltered with who:', () => {
  const filter: FacetFilter = { speakers: ['falk'] };
  const parameters = { match: '"ferry"', k: 5, ids: '[1, 2]', speakers: '["falk"]' };
  const plan = (sql: string) =>
    db
      .prepare<Record<string, unknown>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(parameters)
      .map((row) => row.detail)
      .join('\n');

  // A politician has tens of thousands of quotations: reading them all for every search, or
  // looping over them to test a handful of documents, made `who:` searches slow at scale.
  it.each(['ranked', 'chosen', 'passing'] as const)(
    '%s tests each copy with one look-up of its speaker and passage',
    (name) => {
      const statement = prepareFiltered(db, filter)[name];
      const steps = plan(statement.source);
      expect(steps).toMatch(
        /SEARCH quotations .*INDEX quotations_speaker \(speaker_key=\? AND passage_id=\?\)/,
      );
      expect(steps).not.toMatch(/SEARCH copy USING INTEGER PRIMARY KEY/);
    },
  );

  it("ranked with speakersFirst lists the speaker's documents once and tests each match against them", () => {
    const steps = plan(prepareFiltered(db, { ...filter, speakersFirst: true }).ranked.source);
    expect(steps).toMatch(/SEARCH quotations USING COVERING INDEX quotations_speaker \(speaker_key=\?\)/);
    expect(steps).toMatch(/LIST SUBQUERY/);
    // The matches are scanned and filtered, not looked up one rowid at a time.
    expect(steps).toMatch(/SCAN passages_fts VIRTUAL TABLE INDEX 0:M/);
  });

  it("newestFirst (who: without words) starts from the speaker's quotations", () => {
    const steps = plan(prepareFiltered(db, filter).newestFirst.source);
    expect(steps).toMatch(/SEARCH quotations USING COVERING INDEX quotations_speaker \(speaker_key=\?\)/);
  });
});
