import { describe, expect, it } from 'vitest';
import { chooseGranularity, periodLabel, periodOf } from '../../../src/search/timeline/periods.js';

describe('chooseGranularity', () => {
  it.each<[string[], 'year' | 'month']>([
    [[], 'year'],
    [['2016-04-18'], 'month'],
    [['2016-01-01', '2016-12-31'], 'month'],
    [['2015-03-01', '2016-01'], 'month'],
    [['2015-01-01', '2016-12-31'], 'month'],
    [['2015-01-01', '2017-01-01'], 'year'],
    [['2014', '2019-01-10'], 'year'],
    [['2016', '2016-04'], 'month'],
  ])('groups %j by %s', (dates, expected) => {
    expect(chooseGranularity(dates)).toBe(expected);
  });
});

describe('periodOf', () => {
  it.each([
    ['2016-04-18', 'year', '2016'],
    ['2016-04-18', 'month', '2016-04'],
    ['2016-04', 'month', '2016-04'],
    ['2016', 'month', '2016'],
    ['2016', 'year', '2016'],
  ] as const)('puts %s in its %s: %s', (date, granularity, expected) => {
    expect(periodOf(date, granularity)).toBe(expected);
  });
});

describe('periodLabel', () => {
  it.each([
    ['2016', 'year', '2016'],
    ['2016-04', 'month', 'Apr 2016'],
    ['2016', 'month', '2016 (month unknown)'],
  ] as const)('names %s on a timeline by %s: %s', (period, granularity, expected) => {
    expect(periodLabel(period, granularity)).toBe(expected);
  });
});
