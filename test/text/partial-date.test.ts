import { describe, expect, it } from 'vitest';
import {
  displayPartialDate,
  formatTimestamp,
  partialDateFromParts,
  partialDateStart,
} from '../../src/text/partial-date.js';

describe('displayPartialDate', () => {
  it.each([
    ['2016-09-01', '1 Sep 2016'],
    ['2017-12-31', '31 Dec 2017'],
    ['2016-09', 'Sep 2016'],
    ['2016', '2016'],
    ['--11-21', '21 Nov'],
    ['--01-05', '5 Jan'],
    ['2016-13-01', null],
    ['--00-10', null],
    ['yesterday', null],
    ['', null],
    [null, null],
  ])('shows %j as %j', (input, expected) => {
    expect(displayPartialDate(input)).toBe(expected);
  });
});

describe('formatTimestamp', () => {
  it('shows an ISO timestamp as day and UTC time', () => {
    expect(formatTimestamp('2025-11-21T15:02:09.000Z')).toBe('21 Nov 2025, 15:02 UTC');
  });

  it('shows text that is not a timestamp as it is', () => {
    expect(formatTimestamp('soon')).toBe('soon');
  });
});

describe('partialDateFromParts', () => {
  it.each([
    [{ year: 2017, month: 11, day: 21 }, '2017-11-21'],
    [{ year: 2017, month: 11 }, '2017-11'],
    [{ year: 2017 }, '2017'],
    [{ month: 11, day: 21 }, '--11-21'],
    [{ month: 2, day: 29 }, '--02-29'],
  ])('formats %o as %s', (parts, expected) => {
    expect(partialDateFromParts(parts)).toBe(expected);
  });

  it.each([[{ month: 11 }], [{ day: 21 }], [{}], [{ year: 2017, day: 21 }], [{ month: 4, day: 31 }]])(
    'refuses the incomplete or impossible %o',
    (parts) => {
      expect(partialDateFromParts(parts)).toBeUndefined();
    },
  );
});

describe('partialDateStart', () => {
  it.each([
    ['2016-09-05', '2016-09-05'],
    ['2016-09', '2016-09-01'],
    ['2016', '2016-01-01'],
    ['--09-05', undefined],
    [null, undefined],
    ['', undefined],
  ])('%s starts on %s', (published, start) => {
    expect(partialDateStart(published)).toBe(start);
  });
});
