/**
 * timeline() over a real index of the invented timeline archive (test/support/timeline-archive.ts):
 * order, grouping, what is listed apart, the filters and paging.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/index/database.js';
import { openDatabase } from '../../../src/index/database.js';
import { type TimelineResult, timeline } from '../../../src/readout.js';
import type { SearchIndex } from '../../../src/search/search-index.js';
import type { TimelineAnswer } from '../../../src/search/timeline/timeline-answer.js';
import { searchIndexOn } from '../../support/readout.js';
import { buildTimelineArchive } from '../../support/timeline-archive.js';

let db: Db;
let search: SearchIndex;

beforeAll(async () => {
  const archive = await buildTimelineArchive();
  db = openDatabase(archive.databaseFile, { create: false });
  search = searchIndexOn(db);
});

afterAll(() => db?.close());

function ran(result: TimelineResult): TimelineAnswer {
  if (result.kind === 'failed') throw new Error(`timeline failed: ${result.detail}`);
  return result;
}

const ask = (text: string, options: { offset?: number; limit?: number } = {}) =>
  ran(timeline(text, options, { search }));
const titles = (answer: TimelineAnswer) => answer.entries.map((entry) => entry.hit.article.title);
const dates = (answer: TimelineAnswer) => answer.entries.map((entry) => entry.date);

describe('timeline', () => {
  it('lists every article oldest first, those without a known year last', () => {
    const answer = ask('varnok', { limit: 20 });
    expect(answer.kind).toBe('timeline');
    expect(dates(answer)).toEqual([
      '2014-03-05',
      '2015-07',
      '2016-04-18',
      '2016-09-02',
      '2017-11-21',
      '2018',
      '2019-01-10',
      '--06-03',
      null,
    ]);
    expect(answer.total).toBe(9);
    expect(answer.apart).toBe(2);
    expect(answer.entries.map((entry) => entry.placement).slice(-2)).toEqual(['year_unknown', 'undated']);
    expect(answer.entries.map((entry) => entry.period).slice(-2)).toEqual([null, null]);
  });

  it('places a day without a year by the date its article gives, and says so', () => {
    const entry = ask('chamber').entries[0]!;
    // One entry spans one month: the timeline is by month.
    expect(entry).toMatchObject({
      date: '2017-11-21',
      placement: 'dated',
      yearFromArticle: true,
      period: '2017-11',
    });
    // The stored date stays what the article said.
    expect(entry.hit.article.published).toBe('--11-21');
  });

  it('counts per year and per outlet over the whole timeline, and marks the first mention', () => {
    const answer = ask('varnok', { limit: 2 });
    expect(answer.granularity).toBe('year');
    expect(answer.periods.map((p) => [p.period, p.entries])).toEqual([
      ['2014', 1],
      ['2015', 1],
      ['2016', 2],
      ['2017', 1],
      ['2018', 1],
      ['2019', 1],
    ]);
    expect(answer.outlets).toEqual([
      { source: 'Estuary Wire', entries: 5 },
      { source: 'Harbour Ledger', entries: 4 },
    ]);
    expect(answer.first).toEqual({ date: '2014-03-05', certain: true });
    expect(answer.entries.map((entry) => entry.firstMention)).toEqual([true, false]);
  });

  it('pages forward and back through the same order', () => {
    const first = ask('varnok', { limit: 4 });
    expect(first.previousOffset).toBeUndefined();
    expect(first.nextOffset).toBe(4);
    const second = ask('varnok', { offset: 4, limit: 4 });
    expect(second.previousOffset).toBe(0);
    expect(second.nextOffset).toBe(8);
    expect(dates(second)).toEqual(['2017-11-21', '2018', '2019-01-10', '--06-03']);
    expect(second.entries.map((entry) => entry.hit.rank)).toEqual([5, 6, 7, 8]);
    const last = ask('varnok', { offset: 8, limit: 4 });
    expect(last.nextOffset).toBeUndefined();
    expect(dates(last)).toEqual([null]);
    expect(ask('varnok', { offset: 500 }).entries).toEqual([]);
  });

  it('keeps to one speaker’s quotations with who:, each excerpt the quotation', () => {
    const answer = ask('who:varnok sanctions');
    expect(dates(answer)).toEqual(['2014-03-05', '2016-04-18', '2017-11-21']);
    for (const entry of answer.entries) {
      expect(entry.hit.quote?.speaker).toMatch(/Varnok/);
      expect(entry.hit.quote?.text).toMatch(/sanctions/i);
    }
  });

  it('takes source:, and after:/before: by the placed date (a year read from the article passes)', () => {
    expect(ask('varnok source:ledger').outlets).toEqual([{ source: 'Harbour Ledger', entries: 4 }]);
    const after = ask('varnok after:2017 before:2019');
    expect(dates(after)).toEqual(['2017-11-21', '2018']);
    expect(after.apart).toBe(0);
  });

  it('says when filters leave out every match, and when a speaker is never quoted', () => {
    expect(ask('varnok after:2030').query.notes.join(' ')).toMatch(/none published from 2030-01-01/);
    const quoted = ask('who:varnok source:nowhere').query.notes.join(' ');
    expect(quoted).toMatch(/but none from nowhere;/);
    expect(quoted).not.toMatch(/none quoting/);
    const nobody = ask('who:nobody sanctions');
    expect(nobody.entries).toEqual([]);
    expect(nobody.query.notes).toContain('the archive has no quotation by nobody');
  });

  it('answers help and a query with nothing to look for without searching', () => {
    expect(ask('').kind).toBe('help');
    const nothing = ask('source:ledger');
    expect(nothing.kind).toBe('nothing_to_search');
    expect(nothing.query.notes.join(' ')).toMatch(/add at least one word/);
  });

  it('shows the matched words in each excerpt', () => {
    for (const entry of ask('cannery').entries) {
      const { text, marks } = entry.hit.excerpt;
      expect(marks.length).toBeGreaterThan(0);
      expect(text.slice(...marks[0]!).toLowerCase()).toMatch(/cannery|canneries/);
    }
    // Stemmed: cannery finds canneries too; dated first, the year-less one apart.
    expect(titles(ask('cannery'))).toEqual(['Varnok tours the ports', 'Varnok visits the canneries']);
  });

  it('fails a damaged index as a classified failure, never a throw', () => {
    const closed = openDatabase(db.name, { create: false });
    const other = searchIndexOn(closed);
    closed.close();
    const result = timeline('varnok', {}, { search: other });
    expect(result.kind).toBe('failed');
  });
});
