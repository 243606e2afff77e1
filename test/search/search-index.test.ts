import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../src/index/database.js';
import { reindexArchive } from '../../src/ingest/reindex.js';
import { defaultAliasesFile, projectRoot } from '../../src/paths.js';
import type { ReadoutAnswer } from '../../src/search/answer.js';
import type { SearchIndex } from '../../src/search/search-index.js';
import { tempDatabase, tempDir, writeFiles } from '../support/fixtures.js';
import { ask as askIndex, searchIndexOn } from '../support/readout.js';

interface Fixture {
  id: string;
  title: string;
  body: string;
  source?: string;
  published?: string;
  url?: string;
  author?: string;
}

const articles: Fixture[] = [
  {
    id: 'talks',
    title: 'Leaders hold phone call on the ceasefire',
    body: 'The two presidents discussed the ceasefire in Aleppo for an hour.\n\nNegotiations between the ministers will continue next week in Geneva, officials said.',
    source: 'Wire One',
    published: '2016-09-05',
    url: 'https://example.com/talks',
    author: 'Ann Reporter',
  },
  {
    id: 'summit',
    title: 'Summit in Hangzhou ends without a deal',
    body: 'Leaders met in Hangzhou for the summit.\n\nThe cessation of hostilities was discussed but no agreement was reached on the border town of Jerablus.',
    source: 'Daily Two',
    published: '2016-09-06',
  },
  {
    id: 'phrase-apart',
    title: 'Hostilities resume near the border',
    body: 'Hostilities broke out again after a brief cessation, and the opposition said the shelling of hostilities would not stop the talks about the cessation.',
    source: 'Wire One',
    published: '2017-02-01',
  },
  {
    id: 'isil',
    title: 'Coalition strikes Islamic State positions',
    body: 'Aircraft struck Islamic State positions east of the river on Tuesday, the coalition said.',
    source: 'TASS',
    published: '2015-11-21',
  },
  {
    id: 'cafe',
    title: 'Café owners count the cost',
    body: 'Owners of the café on the square said custom had halved since the port closed.',
    source: 'Town Courier',
  },
  {
    id: 'cyrillic',
    title: 'Переговоры о перемирии продолжаются',
    body: 'Министры иностранных дел провели переговоры в Женеве о перемирии в Сирии.',
    source: 'ТАСС',
    published: '2016-09-10',
  },
  {
    id: 'syndicated-a',
    title: 'Port reopens after the strike',
    body: 'The harbour master said the port would reopen at dawn on Friday after the strike ended.\n\nDockworkers returned to the cranes on Friday morning, and the first ships were unloaded by noon.',
    source: 'Harbour Gazette',
    published: '2023-03-28',
  },
  {
    id: 'syndicated-b',
    title: 'Strike over, port to reopen',
    body: 'The harbour master said the port would reopen at dawn on Friday after the strike ended.\n\nShipping agents welcomed the news and said the backlog of containers would take weeks to clear.',
    source: 'Coast Wire',
    published: '2023-03-28',
  },
  {
    id: 'old-equal',
    title: 'Lighthouse keeper retires',
    body: 'The lighthouse keeper retired after forty years of service on the island.',
    source: 'Island News',
    published: '2001-01-01',
  },
  {
    id: 'new-equal',
    title: 'Lighthouse keeper retires',
    body: 'The lighthouse keeper retired after thirty years of service on the island.',
    source: 'Bay Herald',
    published: '2019-01-01',
  },
  {
    id: 'long',
    title: 'A long report on the river',
    body: Array.from(
      { length: 6 },
      (_, i) =>
        `Paragraph ${i} about the river: the water rose again overnight and the river authority warned residents near the embankment to move valuables upstairs before the next tide.`,
    ).join('\n\n'),
    source: 'River Post',
    published: '2020-02-11',
  },
  {
    id: 'captioned',
    title: 'Mayor opens the harbour museum',
    body: 'Visitors queue outside the harbour museum in Quillport on the day it reopened to the public, May 4, 2021.\n\nThe mayor cut the ribbon on Tuesday after a three-year restoration of the old customs house.',
    source: 'Town Courier',
    published: '2021-05-04',
  },
  {
    id: 'hostile',
    title: 'A headline with <!channel> & <@U12345> inside',
    body: 'Text with <!here> and a forged <https://evil.example|link> that must stay plain text & safe.',
    source: 'Prank Weekly',
  },
];

let db: Db;
let index: SearchIndex;
let archive: string;
const ask = (text: string, options = {}): ReadoutAnswer => askIndex(index, text, options);
const ids = (answer: ReadoutAnswer) => answer.hits.map((hit) => path.basename(hit.article.file, '.json'));

beforeAll(async () => {
  archive = tempDir();
  writeFiles(archive, Object.fromEntries(articles.map((a) => [`${a.id}.json`, JSON.stringify(a)])));
  ({ db } = tempDatabase());
  const summary = await reindexArchive(db, { dirs: [archive], helperProcess: 'never' });
  expect(summary.skipped).toEqual([]);
  index = searchIndexOn(db, { aliasesFile: defaultAliasesFile });
});

describe('readout on a fixture archive', () => {
  it('requires every word', () => {
    expect(ids(ask('hangzhou summit'))).toEqual(['summit']);
    expect(ask('hangzhou summit').query.partial).toBeUndefined();
  });

  it('finds stems: negotiate finds negotiations', () => {
    expect(ids(ask('negotiate'))).toContain('talks');
  });

  it('folds case and diacritics', () => {
    expect(ids(ask('CAFE owners'))).toEqual(['cafe']);
    expect(ids(ask('café'))).toEqual(['cafe']);
  });

  it('searches Cyrillic in Cyrillic', () => {
    expect(ids(ask('переговоры Женеве'))).toEqual(['cyrillic']);
  });

  it('matches a quoted phrase only where its words stand together', () => {
    expect(ids(ask('"cessation of hostilities"'))).toEqual(['summit']);
    expect(ids(ask('cessation hostilities')).sort()).toEqual(['phrase-apart', 'summit']);
  });

  it('excludes words and phrases', () => {
    expect(ids(ask('cessation -jerablus'))).toEqual(['phrase-apart']);
    expect(ids(ask('cessation -"border town"'))).toEqual(['phrase-apart']);
  });

  it('filters by outlet and by date', () => {
    expect(ids(ask('cessation source:wire'))).toEqual(['phrase-apart']);
    expect(ids(ask('hostilities after:2017'))).toEqual(['phrase-apart']);
    expect(ids(ask('hostilities before:2017'))).toEqual(['summit']);
    expect(ids(ask('ceasefire after:2016-09-05 before:2016-09-06'))).toEqual(['talks']);
    const none = ask('ceasefire source:nobody');
    expect(none.hits).toEqual([]);
    expect(none.query.notes.join(' ')).toMatch(/passages match these words, but none from nobody/);
    expect(ask('café after:2000').query.notes.join(' ')).toMatch(/without a known year never pass/);
    expect(ask('zyxwvut source:tass').query.notes).toEqual([]);
  });

  it('corrects a word the archive does not know, and says so', () => {
    const answer = ask('Hangzou summit');
    expect(ids(answer)).toEqual(['summit']);
    expect(answer.query.corrections).toEqual([{ from: 'hangzou', to: 'hangzhou' }]);
    expect(answer.query.terms).toEqual(['hangzhou', 'summit']);
    expect(ask('Jarablus').query.corrections).toEqual([{ from: 'jarablus', to: 'jerablus' }]);
  });

  it('does not correct a word the archive knows', () => {
    expect(ask('summit').query.corrections).toEqual([]);
  });

  it('expands aliases from the alias list', () => {
    const answer = ask('ISIL');
    expect(ids(answer)).toEqual(['isil']);
    expect(answer.query.aliases[0]).toMatchObject({ term: 'isil' });
    expect(answer.query.aliases[0]!.alternatives).toContain('islamic state');
  });

  it('falls back to partial matches and says which terms nothing has', () => {
    const answer = ask('hangzhou zyxwvut');
    expect(ids(answer)).toEqual(['summit']);
    expect(answer.query.partial).toEqual({
      allOf: ['hangzhou', 'zyxwvut'],
      unmatched: ['zyxwvut'],
      complete: 0,
      quoted: [],
    });
    expect(answer.hits.map((hit) => hit.missing)).toEqual([['zyxwvut']]);
  });

  it.each([
    [
      'follows the full match with the other passage that has the quoted phrase',
      '"lighthouse keeper" forty',
      ['old-equal', 'new-equal'],
      undefined,
    ],
    [
      'says when no other passage within the filters has it',
      '"lighthouse keeper" forty source:island',
      ['old-equal'],
      'no other passage within the filters has "lighthouse keeper"',
    ],
  ])('%s', (_case, text, expected, note) => {
    const answer = ask(text);
    expect(ids(answer)).toEqual(expected);
    expect(answer.query.notes.find((n) => n.startsWith('no other passage'))).toBe(note);
  });

  it('ranks a headline match above a body-only match', () => {
    expect(ids(ask('hostilities'))[0]).toBe('phrase-apart');
  });

  it('breaks ties by recency', () => {
    expect(ids(ask('lighthouse keeper'))).toEqual(['new-equal', 'old-equal']);
  });

  it('shows a syndicated passage once, naming the other outlet', () => {
    const answer = ask('harbour master dawn');
    // Partial matches (with some of the words) follow the one passage that has them all.
    expect(answer.hits.filter((hit) => hit.missing === undefined)).toHaveLength(1);
    expect(answer.hits[0]!.missing).toBeUndefined();
    expect(answer.hits[0]!.alsoIn).toHaveLength(1);
    expect([answer.hits[0]!.article.source, ...answer.hits[0]!.alsoIn].sort()).toEqual([
      'Coast Wire',
      'Harbour Gazette',
    ]);
  });

  it('puts at most two passages of one article on a page and pages on without repeats', () => {
    const first = ask('embankment', { limit: 5 });
    expect(ids(first)).toEqual(['long', 'long']);
    expect(first.nextOffset).toBe(2);
    const seen = new Set(first.hits.map((h) => h.passageId));
    let offset = first.nextOffset;
    while (offset !== undefined) {
      const page = ask('embankment', { limit: 5, offset });
      for (const hit of page.hits) {
        expect(seen.has(hit.passageId)).toBe(false);
        seen.add(hit.passageId);
      }
      offset = page.nextOffset;
    }
    expect(seen.size).toBe(6);
  });

  it('quotes verbatim with the matched words marked, and full attribution', () => {
    const hit = ask('negotiations geneva').hits[0]!;
    const body = articles.find((a) => a.id === 'talks')!.body.replace(/\s+/g, ' ');
    expect(body).toContain(hit.excerpt.text.replace(/\s+/g, ' '));
    expect(hit.excerpt.marks.map(([s, e]) => hit.excerpt.text.slice(s, e))).toEqual([
      'Negotiations',
      'Geneva',
    ]);
    expect(hit.article).toEqual({
      title: 'Leaders hold phone call on the ceasefire',
      source: 'Wire One',
      author: 'Ann Reporter',
      published: '2016-09-05',
      url: 'https://example.com/talks',
      file: path.join(archive, 'talks.json'),
    });
    expect(hit.rank).toBe(1);
    expect(hit.score).toBeGreaterThan(0);
  });

  it('puts the headline with the first real paragraph, not with a photo caption', () => {
    const answer = ask('opens restoration');
    expect(answer.query.partial).toBeUndefined();
    expect(answer.hits[0]!.excerpt.text).toMatch(/^The mayor cut the ribbon/);
    expect(answer.hits[0]!.titleMarks.map(([s, e]) => answer.hits[0]!.article.title.slice(s, e))).toEqual([
      'opens',
    ]);
  });

  it('marks matched words of the headline', () => {
    const hit = ask('lighthouse').hits[0]!;
    expect(hit.titleMarks.map(([s, e]) => hit.article.title.slice(s, e))).toEqual(['Lighthouse']);
  });

  it('answers help and input with nothing to search without searching', () => {
    expect(ask('').kind).toBe('help');
    expect(ask('help').kind).toBe('help');
    expect(ask('🙂 *** ^^^').kind).toBe('nothing_to_search');
    expect(ask('-ceasefire').kind).toBe('nothing_to_search');
    expect(ask('source:tass').query.notes.join(' ')).toMatch(/add at least one word/);
  });

  it('keeps article text as it is: escaping is for the renderer', () => {
    const hit = ask('forged link').hits[0]!;
    expect(hit.excerpt.text).toContain('<https://evil.example|link>');
  });

  it('never throws, whatever the input', () => {
    const operators = fc.constantFrom(
      '"',
      '*',
      'NEAR(',
      'AND',
      'OR',
      'NOT',
      '(',
      ')',
      '^',
      ':',
      '-',
      '+',
      '{',
      '}',
      "'",
      ';',
      '--',
      '\u0000',
      '🙂',
      'source:',
      'after:',
      'before:',
      'DROP TABLE passages',
    );
    const token = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      operators,
      fc.constantFrom('river', 'cessation', 'Hangzou'),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), fc.nat(40), (tokens, offset) => {
        const answer = ask(tokens.join(' '), { offset, limit: 5 });
        expect(answer.hits.length).toBeLessThanOrEqual(5);
      }),
      { numRuns: 400 },
    );
  });

  it('answers a 5,000-character query', () => {
    const answer = ask(`river ${'x'.repeat(5000)}`);
    expect(answer.query.notes.join(' ')).toMatch(/shortened/);
  });
});

describe('readout while the archive changes', () => {
  it('sees a re-index made on its own connection', async () => {
    const dir = tempDir();
    const { db: own } = tempDatabase();
    const live = searchIndexOn(own);
    expect(live.stats().articles).toBe(0);
    writeFiles(dir, {
      'a.json': JSON.stringify({ title: 'Zeppelin over the bay', body: 'A zeppelin flew over.' }),
    });
    await reindexArchive(own, { dirs: [dir], helperProcess: 'never' });
    expect(live.stats().articles).toBe(1);
    expect(askIndex(live, 'zepelin').query.corrections).toEqual([{ from: 'zepelin', to: 'zeppelin' }]);
  });

  it('sees articles added by a re-index on another connection, without a restart', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'a.json': JSON.stringify({
        title: 'Original archive article',
        body: 'Nothing about boats here at all.',
      }),
    });
    const { db: writer, file } = tempDatabase();
    await reindexArchive(writer, { dirs: [dir], helperProcess: 'never' });
    const reader = openDatabase(file);
    const live = searchIndexOn(reader);
    expect(askIndex(live, 'zeppelin').hits).toEqual([]);
    expect(askIndex(live, 'zepelin').query.corrections).toEqual([]);
    writeFiles(dir, {
      'b.json': JSON.stringify({ title: 'Zeppelin lands at the airfield', body: 'A zeppelin landed.' }),
    });
    await reindexArchive(writer, { dirs: [dir], helperProcess: 'never' });
    expect(askIndex(live, 'zeppelin').hits).toHaveLength(1);
    expect(askIndex(live, 'zepelin').query.corrections).toEqual([{ from: 'zepelin', to: 'zeppelin' }]);
    expect(live.stats()).toMatchObject({ articles: 2 });
    reader.close();
  });
});

const seeds = path.resolve(projectRoot, '../shared/corpus/seeds');
const haveSeeds = fs.existsSync(seeds);

describe.skipIf(!haveSeeds)('readout on the seed articles (../shared/corpus/seeds)', () => {
  let seedIndex: SearchIndex;
  const seedAsk = (text: string) => askIndex(seedIndex, text);

  beforeAll(async () => {
    const { db: seedDb } = tempDatabase();
    await reindexArchive(seedDb, { dirs: [seeds], helperProcess: 'never' });
    seedIndex = searchIndexOn(seedDb, { aliasesFile: defaultAliasesFile });
  });

  it('answers obama putin syria from at least three different articles on the first page', () => {
    const answer = seedAsk('obama putin syria');
    expect(answer.query.partial).toBeUndefined();
    expect(new Set(answer.hits.map((hit) => hit.articleId)).size).toBeGreaterThanOrEqual(3);
  });

  it('matches a quoted phrase only as that phrase', () => {
    const answer = seedAsk('"cessation of hostilities"');
    expect(answer.hits.length).toBeGreaterThan(0);
    for (const hit of answer.hits)
      expect(hit.excerpt.text.toLowerCase()).toContain('cessation of hostilities');
  });

  it('finds a typo and a transliteration variant and reports the corrections', () => {
    expect(seedAsk('Hangzou').query.corrections).toEqual([{ from: 'hangzou', to: 'hangzhou' }]);
    expect(seedAsk('Hangzou').hits.length).toBeGreaterThan(0);
    expect(seedAsk('Jarablus').query.corrections).toEqual([{ from: 'jarablus', to: 'jerablus' }]);
    expect(seedAsk('Jarablus').hits.length).toBeGreaterThan(0);
  });

  it('finds Dzhabhat and Jabhat as one through the alias list', () => {
    const files = (q: string) => new Set(seedAsk(q).hits.map((hit) => path.basename(hit.article.file)));
    expect(files('Jabhat')).toEqual(files('Dzhabhat'));
    expect(files('Jabhat').size).toBeGreaterThanOrEqual(2);
  });
});

if (!haveSeeds) {
  describe('seed articles', () => {
    it.skip(`skipped: the seed corpus is not at ${seeds} (it ships beside the project as ../shared)`, () => {});
  });
}
