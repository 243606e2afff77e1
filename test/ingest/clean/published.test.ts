import { describe, expect, it } from 'vitest';
import { normalizePublished, readWrittenDate } from '../../../src/ingest/clean/published.js';

describe('normalizePublished', () => {
  it.each([
    ['an ISO date', '2016-09-05', '2016-09-05'],
    ['an ISO date-time in UTC', '2016-09-05T10:00:00Z', '2016-09-05'],
    ['an ISO date-time with an offset, as written', '2016-09-05T23:30:00-04:00', '2016-09-05'],
    ['a date and time with a space', '2016-09-05 10:00', '2016-09-05'],
    ['a year and month', '2016-09', '2016-09'],
    ['a year', '2016', '2016'],
    ['slashes in ISO order', '2016/9/5', '2016-09-05'],
    ['a compact date', '20160905', '2016-09-05'],
    ['a day without a year', '--11-21', '--11-21'],
    ['month, day and year in words', 'September 5, 2016', '2016-09-05'],
    ['an abbreviated month with a period', 'Sept. 5, 2016', '2016-09-05'],
    ['day first in words', '5 Sept 2016', '2016-09-05'],
    ['day first with an ordinal', '5th of September 2016', '2016-09-05'],
    ['an RFC 2822 date', 'Mon, 05 Sep 2016 10:00:00 GMT', '2016-09-05'],
    ['a weekday before the date', 'Monday, September 5, 2016', '2016-09-05'],
    ['a month and year in words', 'September 2016', '2016-09'],
    ['a month and day without a year', 'Nov. 21', '--11-21'],
    ['a Russian date', '21 ноября 2017', '2017-11-21'],
    ['a European dotted date', '05.09.2016', '2016-09-05'],
    ['a slashed date whose day is over 12', '21/11/2017', '2017-11-21'],
    ['a US slashed date whose day is over 12', '11/21/2017', '2017-11-21'],
    ['surrounding spaces', '  2016-09-05  ', '2016-09-05'],
  ])('reads %s', (_case, input, expected) => {
    expect(normalizePublished(input)).toBe(expected);
  });

  it.each([
    ['garbage', 'soon'],
    ['an empty string', ''],
    ['an impossible month', '2016-13-01'],
    ['an impossible day', '2016-02-30'],
    ['29 February of a common year', '2017-02-29'],
    ['an ambiguous slashed date', '05/09/2016'],
    ['a bare small number', '12'],
    ['a month name alone', 'September'],
    ['a year out of range', '0999'],
  ])('drops %s', (_case, input) => {
    expect(normalizePublished(input)).toBeUndefined();
  });

  it.each([
    ['a Date at UTC midnight (as YAML gives it)', new Date(Date.UTC(2016, 8, 5)), '2016-09-05'],
    ['a Date by its UTC day', new Date('2016-09-05T23:59:59Z'), '2016-09-05'],
    ['a year as a number', 2016, '2016'],
    ['Unix seconds', 1473069600, '2016-09-05'],
    ['Unix milliseconds', 1473069600000, '2016-09-05'],
  ])('reads %s', (_case, input, expected) => {
    expect(normalizePublished(input)).toBe(expected);
  });

  it.each([
    ['an invalid Date', new Date('nonsense')],
    ['a small number', 42],
    ['NaN', Number.NaN],
    ['null', null],
    ['undefined', undefined],
    ['an object', { year: 2016 }],
    ['a boolean', true],
  ])('drops %s', (_case, input) => {
    expect(normalizePublished(input)).toBeUndefined();
  });

  it('accepts 29 February in a leap year', () => {
    expect(normalizePublished('2016-02-29')).toBe('2016-02-29');
  });
});

describe('readWrittenDate', () => {
  it.each([
    ['Published: 5 Sept 2016 10:32 BST', '2016-09-05'],
    ['MOSCOW, November 21.', '--11-21'],
    ['BEIJING, Nov. 21, 2017', '2017-11-21'],
    ['МОСКВА, 21 ноября.', '--11-21'],
    ['no date here', undefined],
  ])('reads a date inside %j', (text, expected) => {
    expect(readWrittenDate(text)).toBe(expected);
  });
});
