import { describe, expect, it } from 'vitest';
import { formatPublished, formatTimestamp } from '../../src/text/partial-date.js';

describe('formatPublished', () => {
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
    expect(formatPublished(input)).toBe(expected);
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
