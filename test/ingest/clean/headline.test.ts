import { describe, expect, it } from 'vitest';
import { isHeadlineLike, readHeader, titleFromBody } from '../../../src/ingest/clean/headline.js';

describe('isHeadlineLike', () => {
  it.each([
    "Obama-Putin Hold 'Intense' Talk on Syria",
    'Russian and US presidents discuss Syrian crisis — Kremlin',
    'Putin says ‘some alignment’ with United States on Syria after Obama talks',
    'Will Putin and Obama agree on Syria?',
  ])('accepts %j', (line) => {
    expect(isHeadlineLike(line)).toBe(true);
  });

  it.each([
    ['site chrome', 'Accessibility links'],
    ['two words', 'Breaking News'],
    ['a sentence with a period', 'Obama spoke with Putin on Monday.'],
    ['a line ending in a colon', 'The Kremlin said the following:'],
    ['a dateline', 'WASHINGTON (Reuters) - Obama spoke'],
    ['a date', 'Monday, September 5, 2016'],
    ['a URL', 'https://example.com/a-long-headline-slug'],
    ['a byline', 'By Jane Roe and John Doe'],
    ['a paragraph-length line', `${'word '.repeat(60)}end`],
  ])('rejects %s', (_case, line) => {
    expect(isHeadlineLike(line)).toBe(false);
  });
});

describe('readHeader', () => {
  it('skips chrome before the headline', () => {
    const header = readHeader([
      'Accessibility links',
      'Breaking News',
      'Obama-Putin Hold Talk on Syria',
      'Body text.',
    ]);
    expect(header).toEqual({ title: 'Obama-Putin Hold Talk on Syria', rest: ['Body text.'] });
  });

  it('collects a URL, byline and date printed before the headline', () => {
    const header = readHeader([
      'https://example.com/a',
      'By Jane Roe',
      'September 5, 2016',
      'Obama and Putin talk Syria',
      'Text.',
    ]);
    expect(header).toEqual({
      url: 'https://example.com/a',
      author: 'Jane Roe',
      published: '2016-09-05',
      title: 'Obama and Putin talk Syria',
      rest: ['Text.'],
    });
  });

  it('takes a short first line above the headline and byline for a masthead', () => {
    const header = readHeader([
      'Eastbank Evening Post',
      'Weather',
      'Flood warning issued for the Eastbank river as rain continues',
      'By Imogen Tate',
      '11 February 2020',
      'The regional office issued a warning.',
    ]);
    expect(header).toEqual({
      title: 'Flood warning issued for the Eastbank river as rain continues',
      author: 'Imogen Tate',
      published: '2020-02-11',
      rest: ['The regional office issued a warning.'],
    });
  });

  it('keeps a standfirst under the headline as text', () => {
    const header = readHeader([
      'Russian and US presidents discuss Syrian crisis',
      'Vladimir Putin and Donald Trump have discussed the military operation in Syria',
      'MOSCOW, November 21. /TASS/. Presidents spoke.',
    ]);
    expect(header).toEqual({
      title: 'Russian and US presidents discuss Syrian crisis',
      rest: [
        'Vladimir Putin and Donald Trump have discussed the military operation in Syria',
        'MOSCOW, November 21. /TASS/. Presidents spoke.',
      ],
    });
  });

  it('keeps the first of a headline and standfirst above a byline', () => {
    const header = readHeader([
      'Council approves the harbour budget after debate',
      'Councillors voted nine to four on the plan after a long night',
      'By Jane Roe',
      'Text.',
    ]);
    expect(header.title).toBe('Council approves the harbour budget after debate');
    expect(header.rest).toEqual(['Councillors voted nine to four on the plan after a long night', 'Text.']);
  });

  it('stops at the first body paragraph when there is no headline', () => {
    const header = readHeader([
      'Share',
      'Obama spoke with Putin on Monday.',
      'A later subhead of some words',
    ]);
    expect(header).toEqual({ rest: ['Obama spoke with Putin on Monday.', 'A later subhead of some words'] });
  });
});

describe('titleFromBody', () => {
  it.each([
    ['the first sentence', 'Obama spoke with Putin. Then he left.', 'Obama spoke with Putin.'],
    ['a short paragraph without a period', 'Obama spoke with Putin', 'Obama spoke with Putin'],
    [
      'a long first sentence, cut at a word',
      `Obama spoke with Putin ${'about Syria and other things '.repeat(6)}today.`,
      'Obama spoke with Putin about Syria and other things about Syria and other things about Syria and other things about…',
    ],
  ])('takes %s', (_case, paragraph, title) => {
    expect(titleFromBody(paragraph)).toBe(title);
  });
});
