import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanParagraphs,
  composeDraft,
  isHeadlineLike,
  isPhotoCaption,
  isSiteChrome,
  normalizeWhitespace,
  readByline,
  readDateLine,
  readHeader,
  splitTextParagraphs,
  titleFromBody,
} from '../../src/ingest/clean.js';

describe('normalizeWhitespace', () => {
  it.each([
    ['runs of spaces', 'Obama   and  Putin', 'Obama and Putin'],
    ['tabs and line breaks', 'Obama\tand\nPutin', 'Obama and Putin'],
    ['no-break and thin spaces', 'Obama\u00a0and\u202fPutin', 'Obama and Putin'],
    ['leading and trailing space', '  Obama  ', 'Obama'],
    ['zero-width spaces and soft hyphens', 'Pu\u200btin Kreml\u00adin', 'Putin Kremlin'],
    ['stray control codes', 'Putin\u0007 spoke', 'Putin spoke'],
    [
      'curly and straight quotes, kept as written',
      '“Yes,” he said. "No," she said. It’s',
      '“Yes,” he said. "No," she said. It’s',
    ],
  ])('handles %s', (_case, input, expected) => {
    expect(normalizeWhitespace(input)).toBe(expected);
  });
});

describe('isSiteChrome', () => {
  it.each([
    'Accessibility links',
    'Breaking News',
    'All news',
    'Share',
    'Advertisement',
    'ADVERTISEMENT',
    'Skip to main content',
    'Read more »',
    'Continue reading the main story',
    'Home | World | Business | Sport | Opinion',
    'https://example.com/news/obama-putin',
    'By Jane Roe',
    'September 5, 2016',
    'Published: 5 Sept 2016 10:32 BST',
    '© 2016 Example News',
    'Other topics',
    'Not only Syria',
    '1/12',
  ])('treats %j as chrome', (line) => {
    expect(isSiteChrome(line)).toBe(true);
  });

  it.each([
    'ISIS is an acronym for the Islamic State.',
    '“No.”',
    'Why Obama shouldn’t expect much from the G20',
    'Trump says he had "great call" with Putin',
    'By doing so they can begin to relieve some of the isolation.',
    'Putin to visit Washington on September 5',
    "Obama-Putin Hold 'Intense' Talk on Syria",
  ])('keeps %j as text', (line) => {
    expect(isSiteChrome(line)).toBe(false);
  });
});

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

describe('splitTextParagraphs', () => {
  it('makes each line of a scraped block its own paragraph', () => {
    const text =
      'FILE - A caption of the photograph that is long enough to be over a hundred characters in all, really.\nSecond line.';
    expect(splitTextParagraphs(text)).toEqual([
      'FILE - A caption of the photograph that is long enough to be over a hundred characters in all, really.',
      'Second line.',
    ]);
  });

  it('splits blocks at blank lines, even lines holding only spaces', () => {
    expect(splitTextParagraphs('One paragraph.\n  \t\nAnother paragraph.\n\n\n')).toEqual([
      'One paragraph.',
      'Another paragraph.',
    ]);
  });

  it('joins prose hard-wrapped at a fixed width', () => {
    const text = [
      'President Obama spoke today by phone with President Vladimir',
      'Putin to express their concern over the status of ceasefire in',
      'Syria, the White House said.',
    ].join('\n');
    expect(splitTextParagraphs(text)).toEqual([
      'President Obama spoke today by phone with President Vladimir Putin to express their concern over the status of ceasefire in Syria, the White House said.',
    ]);
  });

  it('joins a word broken at a hyphen without a space', () => {
    const text =
      'Obama and Putin also discussed the conflict in Ukraine, where Russian-\nbacked separatists have been fighting.';
    expect(splitTextParagraphs(text)).toEqual([
      'Obama and Putin also discussed the conflict in Ukraine, where Russian-backed separatists have been fighting.',
    ]);
  });

  it('does not join a short headline to the line after it', () => {
    expect(
      splitTextParagraphs(
        'Obama and Putin talk Syria\nThe two leaders spoke on Monday about the war in Syria.',
      ),
    ).toEqual(['Obama and Putin talk Syria', 'The two leaders spoke on Monday about the war in Syria.']);
  });

  it('keeps short sentences on separate lines apart', () => {
    expect(
      splitTextParagraphs('Putin spoke first at the long meeting.\nObama answered him after that.'),
    ).toEqual(['Putin spoke first at the long meeting.', 'Obama answered him after that.']);
  });
});

describe('cleanParagraphs', () => {
  it('keeps a caption repeated consecutively once', () => {
    const caption = 'FILE - Residents inspect damages after an airstrike in Aleppo, Syria, April 11, 2016.';
    expect(cleanParagraphs(['Text before.', caption, caption, 'Text after.'])).toEqual([
      'Text before.',
      caption,
      'Text after.',
    ]);
  });

  it('keeps a paragraph repeated later in the article once', () => {
    expect(cleanParagraphs(['A first paragraph.', 'Another one.', 'A  first paragraph.'])).toEqual([
      'A first paragraph.',
      'Another one.',
    ]);
  });

  it('drops chrome between paragraphs and the headline repeated', () => {
    expect(
      cleanParagraphs(
        ['Obama and Putin talk Syria', 'Text.', 'Advertisement', 'More text.'],
        'Obama and Putin talk Syria',
      ),
    ).toEqual(['Text.', 'More text.']);
  });

  it('keeps subheads and standfirsts of four words or more without a final period', () => {
    expect(cleanParagraphs(['Trump says he had "great call" with Putin', 'Text.'])).toEqual([
      'Trump says he had "great call" with Putin',
      'Text.',
    ]);
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

describe('composeDraft', () => {
  it('infers source and date from a wire dateline when metadata lacks them', () => {
    const draft = composeDraft({ title: 'Presidents discuss Syria' }, [
      'MOSCOW, November 21. /TASS/. Putin and Trump spoke.',
    ]);
    expect(draft).toEqual({
      item: '',
      title: 'Presidents discuss Syria',
      body: 'MOSCOW, November 21. /TASS/. Putin and Trump spoke.',
      source: 'TASS',
      published: '--11-21',
    });
  });

  it('prefers metadata over the dateline', () => {
    const draft = composeDraft({ title: 'T', source: 'Example News', published: '2017-11-21' }, [
      'MOSCOW, November 21. /TASS/. Putin and Trump spoke.',
    ]);
    expect(draft).toMatchObject({ source: 'Example News', published: '2017-11-21' });
  });

  it('separates paragraphs with a blank line', () => {
    expect(composeDraft({ title: 'T' }, ['One sentence.', 'Two sentences.'])?.body).toBe(
      'One sentence.\n\nTwo sentences.',
    );
  });

  it('gives nothing when no text is left after cleaning', () => {
    expect(
      composeDraft({ title: 'Obama and Putin talk Syria' }, ['Share', 'Obama and Putin talk Syria']),
    ).toBeUndefined();
  });
});

describe('normalizeWhitespace (fast path)', () => {
  const slow = (text: string) =>
    text
      .replace(/[\u200b\u00ad\ufeff]|[^\P{Cc}\t\n\v\f\r]/gu, '')
      .replace(/\s+/gu, ' ')
      .trim();
  it('gives what the full normalisation gives, for any text', () => {
    const pieces = fc.constantFrom(
      ' ',
      '  ',
      '\t',
      '\n',
      '\u00a0',
      '\u200b',
      '\u00ad',
      '\ufeff',
      '\u0007',
      'a',
      'Putin',
      '.',
      'é',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(pieces).map((p) => p.join('')),
        ),
        (text) => {
          expect(normalizeWhitespace(text)).toBe(slow(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('isPhotoCaption', () => {
  it.each([
    [
      'a caption ending in a dateline',
      'Civil defense members look for survivors after an airstrike in Aleppo, Syria, April 16, 2016.',
      true,
    ],
    ['a FILE caption', 'FILE - Residents inspect damages after an airstrike in Aleppo.', true],
    ['a FILE PHOTO caption', 'FILE PHOTO: A general view of the port.', true],
    [
      'a caption with a position mark',
      'Russian President Vladimir Putin (L) meets his counterpart on the sidelines of the summit.',
      true,
    ],
    ['a caption with a photo credit', 'The mayor opens the new hall. (AP Photo/Jane Roe)', true],
    ['a credit line after a colon', 'Crowds on the quay at dawn. Photo: Northline Wire', true],
    [
      'a caption merged with a paragraph of text',
      'Putin (L) and Obama at the summit.\nObama described the talk as candid.',
      false,
    ],
    ['two captions merged', 'Putin (L) and Obama at the summit.\nFILE - The summit hall in Hangzhou.', true],
    [
      'an ordinary sentence with a date inside',
      'On April 16, 2016, the talks resumed in Geneva after a long pause.',
      false,
    ],
    ['an ordinary paragraph', 'Obama said he and Putin discussed the cease-fire in Syria.', false],
    [
      'a sentence that ends in a year in words',
      'The summit was held in Hangzhou on September 5, and talks went on.',
      false,
    ],
    [
      'a long paragraph ending in a date',
      `${'The talks went on for a long time. '.repeat(15)}It ended on April 16, 2016.`,
      false,
    ],
  ])('reads %s as %s', (_case, passage, expected) => {
    expect(isPhotoCaption(passage)).toBe(expected);
  });
});
