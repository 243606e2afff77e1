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

  it('takes a short first line above the headline and byline for a masthead, naming the outlet', () => {
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
      source: 'Eastbank Evening Post',
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

describe('readHeader on short headlines and fixture lines', () => {
  it.each([
    ['a three-word headline', 'Harbour sack manager'],
    ['a score line', 'Harbour 2-1 Rovers'],
    ['a profile', 'Profile: Ada Quinlan'],
    ['a fixture', 'Harbour v Rovers'],
    ['a quoted word', "Harbour return 'unlikely'"],
    ['a headline ending in an ellipsis', "'My years at the harbour...'"],
  ])('keeps %s as the headline', (_case, title) => {
    const header = readHeader([
      title,
      'The club said on Monday that it had parted company with its manager.',
    ]);
    expect(header.title).toBe(title);
  });

  it('takes a chrome line before a short headline for chrome, not the headline', () => {
    expect(readHeader(['Skip to content', 'Harbour sack manager', 'Text of it.']).title).toBe(
      'Harbour sack manager',
    );
  });

  it('does not take the date of a fixture under the headline for the publication date', () => {
    const header = readHeader([
      'Harbour v Rovers (Sat)',
      'Quay Park, Port Ellis',
      'Saturday, 15 January',
      '1500 GMT',
      'Radio Quill and this website',
      'Rovers arrive unbeaten in six games and with a full squad to choose from.',
    ]);
    expect(header.title).toBe('Harbour v Rovers (Sat)');
    expect(header.published).toBeUndefined();
  });

  it('does not read a kick-off time as a year', () => {
    expect(readHeader(['Harbour v Rovers', '2000 GMT', 'Text of it.']).published).toBeUndefined();
  });

  it('reads a labelled day without a year, and a dated line, as the publication date', () => {
    expect(readHeader(['Harbour sack manager', 'Published: 15 January', 'Text.']).published).toBe('--01-15');
    expect(readHeader(['Harbour sack manager', '15 January 2005', 'Text.']).published).toBe('2005-01-15');
  });

  it('reads the outlet from a masthead and the date from the byline', () => {
    const header = readHeader([
      'Quillhaven Courier (sample)',
      'Quillhaven cafés feel the pinch as the terminal stays shut',
      'By Felix Dorne — 16 March 2023',
      'Text.',
    ]);
    expect(header).toMatchObject({
      source: 'Quillhaven Courier (sample)',
      title: 'Quillhaven cafés feel the pinch as the terminal stays shut',
      author: 'Felix Dorne',
      published: '2023-03-16',
    });
  });

  it('keeps a short title-case headline over a standfirst and byline, without inventing an outlet', () => {
    const header = readHeader([
      'Harbour sack manager',
      'The club acted after a run of seven defeats in a row at home',
      'By Ada Quinlan',
      'Text.',
    ]);
    expect(header.title).toBe('Harbour sack manager');
    expect(header.source).toBeUndefined();
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
