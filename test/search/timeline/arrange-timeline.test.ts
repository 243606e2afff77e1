import { describe, expect, it } from 'vitest';
import {
  arrangeTimeline,
  countOutlets,
  firstMention,
  type TimelineItem,
} from '../../../src/search/timeline/arrange-timeline.js';
import { placeDate } from '../../../src/search/timeline/placed-date.js';

let nextId = 1;
function item(
  published: string | null,
  source: string | null = 'Ledger',
  fingerprint?: string,
): TimelineItem {
  const articleId = nextId++;
  return { articleId, fingerprint: fingerprint ?? `f${articleId}`, source, placement: placeDate(published) };
}

const datesOf = (items: ReturnType<typeof arrangeTimeline>) => items.dated.map((entry) => entry.date);

describe('arrangeTimeline', () => {
  it('orders dated entries oldest first, whatever order they come in', () => {
    const arranged = arrangeTimeline([item('2016-04-18'), item('2014-03-05'), item('2019'), item('2015-07')]);
    expect(datesOf(arranged)).toEqual(['2014-03-05', '2015-07', '2016-04-18', '2019']);
  });

  it('lists entries without a year apart: day and month known first, in calendar order, then no date', () => {
    const undated = item(null);
    const november = item('--11-21');
    const june = item('--06-03');
    const arranged = arrangeTimeline([undated, november, item('2016'), june]);
    expect(datesOf(arranged)).toEqual(['2016']);
    expect(arranged.apart).toEqual([june, november, undated]);
  });

  it('groups by year over a long span and counts each year', () => {
    const arranged = arrangeTimeline([item('2014-03-05'), item('2016-04-18'), item('2016-09'), item('2019')]);
    expect(arranged.granularity).toBe('year');
    expect(arranged.periods).toEqual([
      { period: '2014', label: '2014', entries: 1 },
      { period: '2016', label: '2016', entries: 2 },
      { period: '2019', label: '2019', entries: 1 },
    ]);
    expect(arranged.dated.map((entry) => entry.period)).toEqual(['2014', '2016', '2016', '2019']);
  });

  it('groups by month over a short span, a year alone before its months', () => {
    const arranged = arrangeTimeline([
      item('2016-04-18'),
      item('2016'),
      item('2016-04-02'),
      item('2016-09-30'),
    ]);
    expect(arranged.granularity).toBe('month');
    expect(arranged.periods.map((p) => [p.label, p.entries])).toEqual([
      ['2016 (month unknown)', 1],
      ['Apr 2016', 2],
      ['Sep 2016', 1],
    ]);
  });

  it('counts every entry per outlet, those listed apart too', () => {
    const arranged = arrangeTimeline([
      item('2016', 'Wire'),
      item(null, 'wire'),
      item('2017', 'Ledger'),
      item('2018', null),
    ]);
    expect(arranged.outlets).toEqual([
      { source: 'Wire', entries: 2 },
      { source: 'Ledger', entries: 1 },
      { source: null, entries: 1 },
    ]);
  });

  it('keeps a syndicated passage once, at its earliest date', () => {
    const later = item('2017-01-02', 'Wire', 'same');
    const earlier = item('2016-12-30', 'Ledger', 'same');
    const undatedCopy = item(null, 'Post', 'same');
    const arranged = arrangeTimeline([later, undatedCopy, earlier]);
    expect(arranged.dated.map((entry) => entry.item)).toEqual([earlier]);
    expect(arranged.apart).toEqual([]);
  });

  it('marks the first mention, and says when a coarser date leaves it open', () => {
    expect(arrangeTimeline([item('2016-04-18'), item('2014-03-05')]).first).toEqual({
      date: '2014-03-05',
      certain: true,
    });
    expect(arrangeTimeline([item('2016-04-18'), item('2016')]).first).toEqual({
      date: '2016',
      certain: false,
    });
    expect(arrangeTimeline([item(null), item('--11-21')]).first).toBeUndefined();
  });
});

describe('countOutlets', () => {
  it('puts the most entries first, outlet unknown last among equals', () => {
    expect(countOutlets([{ source: null }, { source: 'B' }, { source: 'A' }, { source: ' B ' }])).toEqual([
      { source: 'B', entries: 2 },
      { source: 'A', entries: 1 },
      { source: null, entries: 1 },
    ]);
  });
});

describe('firstMention', () => {
  it.each<[string[], { date: string; certain: boolean } | undefined]>([
    [[], undefined],
    [['2014-03-05'], { date: '2014-03-05', certain: true }],
    [['2014-03-05', '2014-03-05'], { date: '2014-03-05', certain: true }],
    [['2014', '2014-03-05'], { date: '2014', certain: false }],
    [['2014-03', '2014-03-05'], { date: '2014-03', certain: false }],
    [['2014', '2015-01-01'], { date: '2014', certain: true }],
  ])('finds the first of %j', (dates, expected) => {
    expect(firstMention(dates)).toEqual(expected);
  });
});
