import { describe, expect, it } from 'vitest';
import {
  type ArticleEvidence,
  placeDate,
  yearFromArticle,
} from '../../../src/search/timeline/placed-date.js';

const article = (texts: string[], url: string | null = null): ArticleEvidence => ({ url, texts });

describe('placeDate', () => {
  it.each([
    ['2016-04-18', { kind: 'dated', date: '2016-04-18', yearFromArticle: false }],
    ['2016-04', { kind: 'dated', date: '2016-04', yearFromArticle: false }],
    ['2016', { kind: 'dated', date: '2016', yearFromArticle: false }],
    [null, { kind: 'undated' }],
    ['', { kind: 'undated' }],
    ['yesterday', { kind: 'undated' }],
    ['0999-01-01', { kind: 'undated' }],
  ])('places the stored date %j as it is', (published, expected) => {
    expect(placeDate(published)).toEqual(expected);
  });

  it('keeps a day without a year apart when nothing is known of the article', () => {
    expect(placeDate('--11-21')).toEqual({ kind: 'year_unknown', date: '--11-21' });
  });

  it('keeps a day without a year apart when the article names no year for it', () => {
    expect(
      placeDate('--11-21', article(['Talks resumed on Monday.', 'In May 2014 he was elected.'])),
    ).toEqual({
      kind: 'year_unknown',
      date: '--11-21',
    });
  });

  it('places a day without a year in the year the article gives it', () => {
    expect(placeDate('--11-21', article(['The vote on November 21, 2017 was close.']))).toEqual({
      kind: 'dated',
      date: '2017-11-21',
      yearFromArticle: true,
    });
  });
});

describe('yearFromArticle', () => {
  it.each<[string, number, number, ArticleEvidence, number | undefined]>([
    ['the same day written with its year', 11, 21, article(['Moscow, 21 November 2017.']), 2017],
    [
      'an event the day before (reported the next day)',
      4,
      19,
      article(['on Monday, April 18, 2016, Obama']),
      2016,
    ],
    ['an event a week before', 4, 25, article(['April 18, 2016']), 2016],
    ['an event more than a week before: no year', 5, 30, article(['April 18, 2016']), undefined],
    ['an event after the day of publication: no year', 4, 17, article(['April 18, 2016']), undefined],
    ['December news reported in January', 1, 2, article(['On December 30, 2016 the ceasefire began.']), 2017],
    ['an ISO date in the text', 3, 5, article(['Filed 2015-03-05 by the desk.']), 2015],
    [
      'the same day in two years: no year',
      11,
      21,
      article(['21 November 2016', 'November 21, 2017']),
      undefined,
    ],
    [
      'the same day mentioned twice in one year',
      11,
      21,
      article(['21 November 2017', 'on Nov. 21, 2017']),
      2017,
    ],
    ['a month and year only: no year', 11, 21, article(['in November 2017']), undefined],
    ['a link with the day', 11, 21, article([], 'https://news.example/2017/11/21/story'), 2017],
    ['a link with the month', 11, 21, article([], 'https://news.example/2017/11/story'), 2017],
    [
      'a link with another day: no year',
      11,
      21,
      article([], 'https://news.example/2017/11/20/story'),
      undefined,
    ],
    [
      'a link and a text that agree',
      11,
      21,
      article(['November 21, 2017'], 'https://x.example/2017-11-21-a'),
      2017,
    ],
    [
      'a link and a text that disagree: no year',
      11,
      21,
      article(['November 21, 2016'], 'https://x.example/2017/11/21/a'),
      undefined,
    ],
    ['29 February only in a leap year', 2, 29, article(['February 28, 2016']), 2016],
    ['29 February never in a common year', 2, 29, article(['February 28, 2017']), undefined],
  ])('reads %s', (_case, month, day, evidence, expected) => {
    expect(yearFromArticle(month, day, evidence)).toBe(expected);
  });
});
