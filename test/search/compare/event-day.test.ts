import { describe, expect, it } from 'vitest';
import { eventDay, eventKind, namedWeekday } from '../../../src/search/compare/event-day.js';

describe('namedWeekday', () => {
  it.each([
    [['They spoke on Monday.', "Monday's call"], 'Monday'],
    [['On Monday and on Tuesday.'], undefined],
    [['no weekday here'], undefined],
    [['monday in lower case is not a day of running text'], undefined],
  ])('%j → %s', (texts, expected) => {
    expect(namedWeekday(texts)).toBe(expected);
  });
});

describe('eventDay', () => {
  it('places the weekday on or before the first publication date', () => {
    expect(eventDay([{ published: '2022-03-15', texts: ['They met on Monday.'] }])).toEqual({
      day: '2022-03-14',
      weekday: 'Monday',
      basis: 'published',
      published: { first: '2022-03-15', last: '2022-03-15' },
    });
  });

  it('places it after the latest date mentioned when no article is dated', () => {
    const day = eventDay([
      { published: null, texts: ['…during a phone call early Monday…', 'Aleppo, Syria, April 16, 2016.'] },
    ]);
    expect(day).toEqual({ day: '2016-04-18', weekday: 'Monday', basis: 'mentioned' });
  });

  it('gives the publication dates alone without a weekday', () => {
    expect(
      eventDay([
        { published: '2019-07-02', texts: ['They signed.'] },
        { published: '2019-07-03', texts: [] },
      ]),
    ).toEqual({
      basis: 'published',
      published: { first: '2019-07-02', last: '2019-07-03' },
    });
  });

  it('keeps a day without its year as the publication date', () => {
    expect(eventDay([{ published: '--11-21', texts: ['MOSCOW, November 21.'] }])).toEqual({
      basis: 'published',
      published: { first: '--11-21', last: '--11-21' },
    });
  });

  it('says the day is unknown when nothing places it', () => {
    expect(eventDay([{ published: null, texts: ['They spoke on Friday.'] }])).toEqual({
      basis: 'unknown',
      weekday: 'Friday',
    });
  });
});

describe('eventKind', () => {
  it.each([
    [['Obama and Putin spoke by phone', 'The call lasted an hour'], 'call'],
    [['Leaders met at the summit', 'The summit ended'], 'summit'],
    [['One call'], undefined],
    [['a phone call', 'a meeting and talks'], undefined],
  ])('%j → %s', (leads, expected) => {
    expect(eventKind(leads)).toBe(expected);
  });
});
