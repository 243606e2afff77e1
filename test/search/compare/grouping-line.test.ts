import { describe, expect, it } from 'vitest';
import type { ComparedEvent, EventSummary } from '../../../src/search/compare/comparison.js';
import {
  eventLabel,
  eventWhen,
  groupingLine,
  groupingParts,
} from '../../../src/search/compare/grouping-line.js';

const summary = (extra: Partial<EventSummary> = {}): EventSummary => ({
  index: 0,
  title: 'Talks',
  articles: 2,
  outlets: [],
  when: { basis: 'unknown' },
  ...extra,
});

const account = (name: string) => ({ name, statements: [], mentionsOnly: [], quotations: 0 });

describe('eventWhen', () => {
  it.each([
    [{ day: '2016-04-18', weekday: 'Monday', basis: 'mentioned' as const }, 'on Monday, April 18, 2016'],
    [{ weekday: 'Friday', basis: 'unknown' as const }, 'on a Friday'],
    [{ basis: 'unknown' as const }, ''],
    [
      { basis: 'published' as const, published: { first: '--11-21', last: '--11-21' } },
      'published November 21',
    ],
    [
      { basis: 'published' as const, published: { first: '2016-04', last: '2016-04' } },
      'published April 2016',
    ],
    [{ basis: 'published' as const, published: { first: '2016-04-18', last: '2016-04-20' } }, ''],
  ])('%j → %s', (when, expected) => {
    expect(eventWhen(when)).toBe(expected);
  });
});

describe('eventLabel', () => {
  it.each([
    [
      summary({ kind: 'call', when: { day: '2016-04-18', weekday: 'Monday', basis: 'mentioned' } }),
      'a call on Monday, April 18, 2016',
    ],
    [summary(), 'one event'],
  ])('%#: %s', (event, expected) => {
    expect(eventLabel(event)).toBe(expected);
  });
});

describe('groupingLine', () => {
  it('says how many accounts, of what, and how they were grouped', () => {
    const event: ComparedEvent = {
      summary: summary({ kind: 'call', when: { day: '2016-04-18', weekday: 'Monday', basis: 'mentioned' } }),
      groupedBy: 'speaker',
      groupedOn: 'content',
      accounts: [account('the White House'), account('the Kremlin')],
      alsoQuoted: [],
      articles: [],
    };
    expect(groupingLine(event)).toBe(
      '2 accounts of a call on Monday, April 18, 2016 (2 articles) · sides by who issued the statements · dates unknown: grouped by content, the day read from the articles',
    );
  });

  it('splits into what was compared and how, for a headline and a note under it', () => {
    const event: ComparedEvent = {
      summary: summary({ kind: 'meeting' }),
      groupedBy: 'speaker',
      groupedOn: 'content',
      accounts: [account('A'), account('B')],
      alsoQuoted: [],
      articles: [],
    };
    expect(groupingParts(event)).toEqual({
      what: '2 accounts of a meeting (2 articles)',
      how: 'sides by who issued the statements · dates unknown: grouped by content',
    });
  });

  it('names grouping by outlet, and by date and content', () => {
    const event: ComparedEvent = {
      summary: summary({
        articles: 3,
        when: { basis: 'published', published: { first: '2022-03-15', last: '2022-03-15' } },
      }),
      groupedBy: 'outlet',
      groupedOn: 'date_and_content',
      accounts: [account('Coastal Gazette'), account('Estuary Wire')],
      alsoQuoted: [],
      articles: [],
    };
    expect(groupingLine(event)).toBe(
      '2 accounts of one event published March 15, 2022 (3 articles) · no two speakers to tell apart: one account per outlet · grouped by date and content',
    );
  });

  it('says dates unknown when nothing dates the articles', () => {
    const event: ComparedEvent = {
      summary: summary(),
      groupedBy: 'article',
      groupedOn: 'content',
      accounts: [account('A')],
      alsoQuoted: [],
      articles: [],
    };
    expect(groupingLine(event)).toMatch(/^1 account of one event .* dates unknown: grouped by content$/);
  });
});
