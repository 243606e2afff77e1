/**
 * Who said what, through readout(): quotations found at re-index time, `who:` searches (with
 * aliases and other filters), quote-first excerpts and the quotation each hit carries.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reindexArchive } from '../../src/ingest/reindex.js';
import type { SearchIndex } from '../../src/search/search-index.js';
import { markdownArticle, tempDatabase, tempDir, writeFiles } from '../support/fixtures.js';
import { ask, searchIndexOn } from '../support/readout.js';

let search: SearchIndex;

beforeAll(async () => {
  const dir = tempDir();
  writeFiles(dir, {
    'ferry.md': markdownArticle(
      { title: 'Ferry fares to rise in spring', source: 'Bay Courier', published: '2021-03-02' },
      [
        'Ferry Minister Anna Berg announced on Tuesday that fares on the island routes would rise by a tenth in April.',
        'Fares have not changed since 2015, and the operator has lost money on the winter timetable for six years.',
        '“We cannot keep the winter boats running on goodwill,” Berg said. “The fares must rise or the boats must stop.”',
        'Opposition leader Jonas Falk called the rise “a tax on islanders”.',
      ].join('\n\n'),
    ),
    'bridge.md': markdownArticle(
      { title: 'Bridge study revived', source: 'Island Post', published: '2023-05-10' },
      [
        'The bridge study shelved in 2019 is back on the table, the transport ministry said on Friday.',
        'Jonas Falk, who has campaigned for a bridge for a decade, welcomed it. “A bridge ends the fares argument for good,” he said.',
        'Mr. Falk said islanders had paid enough.',
      ].join('\n\n'),
    ),
    'putin.md': markdownArticle(
      { title: 'Путин о переговорах', source: 'Wire', published: '2016-04-18' },
      'Russian President Vladimir Putin spoke to reporters. “The talks were useful,” Putin said.',
    ),
  });
  const { db } = tempDatabase();
  await reindexArchive(db, { dirs: [dir] });
  search = searchIndexOn(db, { aliasesFile: path.resolve('db/aliases.txt') });
});

describe('who: searches', () => {
  it('keeps only passages quoting the speaker, and shows that quotation', () => {
    const answer = ask(search, 'who:berg boats');
    expect(answer.hits).toHaveLength(1);
    const [hit] = answer.hits;
    expect(hit!.quote).toMatchObject({ speaker: 'Anna Berg', cue: 'said' });
    expect(hit!.excerpt.text).toContain('We cannot keep the winter boats running on goodwill');
    expect(hit!.excerpt.text.slice(hit!.quote!.start, hit!.quote!.end)).toContain('winter boats');
  });

  it('finds a speaker named by surname, full name or title and surname', () => {
    for (const who of ['who:falk', 'who:"jonas falk"', 'who:Falk']) {
      const speakers = ask(search, `${who} fares`).hits.map((hit) => hit.quote?.speaker);
      expect(speakers.length, who).toBeGreaterThan(0);
      for (const speaker of speakers) expect(speaker).toBe('Jonas Falk');
    }
  });

  it("with no words, lists the speaker's quotations, newest article first", () => {
    const answer = ask(search, 'who:falk');
    expect(answer.hits.map((hit) => hit.article.title)).toEqual([
      'Bridge study revived',
      'Ferry fares to rise in spring',
    ]);
    expect(answer.hits[0]!.excerpt.text).toContain('A bridge ends the fares argument for good');
    expect(answer.hits[0]!.quote!.speaker).toBe('Jonas Falk');
  });

  it('combines with the other filters', () => {
    expect(ask(search, 'who:falk source:"island post"').hits.map((hit) => hit.article.source)).toEqual([
      'Island Post',
    ]);
    expect(ask(search, 'who:falk before:2022').hits.map((hit) => hit.article.title)).toEqual([
      'Ferry fares to rise in spring',
    ]);
    expect(ask(search, 'who:berg -goodwill').hits).toEqual([]);
  });

  it('applies the alias list to speakers (Путин | Putin)', () => {
    const hits = ask(search, 'who:путин').hits;
    expect(hits).toHaveLength(1);
    expect(hits[0]!.quote!.speaker).toBe('Vladimir Putin');
  });

  it('says so when nobody of that name is quoted in the archive', () => {
    const answer = ask(search, 'who:nobodyknown fares');
    expect(answer.hits).toEqual([]);
    expect(answer.query.notes).toContain('the archive has no quotation by nobodyknown');
    expect(answer.query.filters.speakers).toEqual(['nobodyknown']);
  });
});

describe('quote-first excerpts', () => {
  it('prefers a quotation that holds the matched words, and credits its speaker', () => {
    const hit = ask(search, 'winter boats').hits[0]!;
    expect(hit.quote?.speaker).toBe('Anna Berg');
    expect(hit.excerpt.text).toMatch(/^“We cannot keep the winter boats/);
  });

  it('keeps the plain excerpt when the matched words are not quoted', () => {
    const hit = ask(search, 'operator timetable').hits[0]!;
    expect(hit.quote).toBeUndefined();
    expect(hit.excerpt.text).toContain('the operator has lost money on the winter timetable');
  });

  it('never credits a quotation whose speaker the article does not name', () => {
    for (const hit of ask(search, 'fares').hits) {
      if (hit.quote) expect(hit.quote.speaker).toMatch(/^(Anna Berg|Jonas Falk)$/);
    }
  });
});

const seeds = path.resolve('../shared/corpus/seeds');
describe.skipIf(!fs.existsSync(seeds))('who said what in the seed articles (../shared/corpus/seeds)', () => {
  let seedSearch: SearchIndex;
  beforeAll(async () => {
    const { db } = tempDatabase();
    await reindexArchive(db, { dirs: [seeds] });
    seedSearch = searchIndexOn(db, { aliasesFile: path.resolve('db/aliases.txt') });
  });

  it('who:obama sanctions returns Obama\'s "…will not lift sanctions"', () => {
    const [hit] = ask(seedSearch, 'who:obama sanctions').hits;
    expect(hit!.quote!.speaker).toBe('Barack Obama');
    expect(hit!.quote!.text).toContain('the US will not lift sanctions');
  });

  it('who:putin returns only Putin\'s quotations, including the one credited to "the Russian leader"', () => {
    const hits = ask(seedSearch, 'who:putin', { limit: 20 }).hits;
    expect(hits.length).toBeGreaterThan(1);
    for (const hit of hits) expect(hit.quote?.speaker).toBe('Vladimir Putin');
    expect(hits.map((hit) => hit.excerpt.text).join('\n')).toContain('The current state is abnormal');
  });

  it('Minsk sanctions excerpts the quotation', () => {
    const [hit] = ask(seedSearch, 'Minsk sanctions').hits;
    expect(hit!.quote?.speaker).toBe('Barack Obama');
    expect(hit!.excerpt.text).toContain('until they are done the US will not lift');
  });
});
if (!fs.existsSync(seeds)) {
  describe('who said what in the seed articles', () => {
    it.skip(`skipped: the seed corpus is not at ${seeds} (it ships beside the project as ../shared)`, () => {});
  });
}
