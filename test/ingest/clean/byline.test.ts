import { describe, expect, it } from 'vitest';
import {
  isPublicationDateLine,
  readByline,
  readBylineDate,
  readDateLine,
} from '../../../src/ingest/clean/byline.js';

describe('readByline', () => {
  it.each([
    ['By Jane Roe', 'Jane Roe'],
    ['BY Jane Roe', 'Jane Roe'],
    ['By: Jane Roe', 'Jane Roe'],
    ['By Jane Roe, Reuters', 'Jane Roe'],
    ['By Jane Roe | Example News', 'Jane Roe'],
    ['By Jane Roe - Moscow correspondent', 'Jane Roe'],
    ['By Jane Roe and John Doe', 'Jane Roe and John Doe'],
  ])('reads the author of %j', (line, author) => {
    expect(readByline(line)).toBe(author);
  });

  it.each(['By doing so, they agreed', 'By Monday, the talks had stalled.', 'Bystanders watched the talks'])(
    'finds no byline in %j',
    (line) => {
      expect(readByline(line)).toBeUndefined();
    },
  );
});

describe('readDateLine', () => {
  it.each([
    ['September 5, 2016', '2016-09-05'],
    ['Updated 10:32 AM EDT, Mon September 5, 2016', '2016-09-05'],
    ['2016-09-05 10:32', '2016-09-05'],
    ['Published: 5 Sept 2016', '2016-09-05'],
    ['21 ноября 2017', '2017-11-21'],
  ])('reads the date line %j', (line, date) => {
    expect(readDateLine(line)).toBe(date);
  });

  it.each(['Putin to visit Washington on September 5', 'Monday', 'Resolution 2254'])(
    'finds no date line in %j',
    (line) => {
      expect(readDateLine(line)).toBeUndefined();
    },
  );
});

describe('readBylineDate', () => {
  it.each([
    ['By Felix Dorne — 16 March 2023', '2023-03-16'],
    ['By Jane Roe | September 5, 2016', '2016-09-05'],
    ['By Jane Roe, 5 Sept', '--09-05'],
  ])('reads the date of %j', (line, date) => {
    expect(readBylineDate(line)).toBe(date);
  });

  it.each(['By Jane Roe', 'By Jane Roe | Reuters', 'Published 16 March 2023'])('finds none in %j', (line) => {
    expect(readBylineDate(line)).toBeUndefined();
  });
});

describe('isPublicationDateLine', () => {
  it.each([
    ['September 5, 2016', '2016-09-05', true],
    ['Published: 5 Sept', '--09-05', true],
    ['Updated 5 September', '--09-05', true],
    ['Saturday, 15 January', '--01-15', false],
    ['2000 GMT', '2000', false],
  ])('%j → %s: %s', (line, date, expected) => {
    expect(isPublicationDateLine(line, date)).toBe(expected);
  });
});
