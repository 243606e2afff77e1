import { describe, expect, it } from 'vitest';
import { readDateline } from '../../../src/ingest/clean/dateline.js';

describe('readDateline', () => {
  it.each([
    [
      'a TASS dateline',
      'MOSCOW, November 21. /TASS/. Presidents Putin and Trump spoke.',
      { source: 'TASS', published: '--11-21' },
    ],
    [
      'a Cyrillic TASS dateline',
      'МОСКВА, 21 ноября. /ТАСС/. Президенты обсудили Сирию.',
      { source: 'TASS', published: '--11-21' },
    ],
    [
      'an ITAR-TASS dateline',
      'MOSCOW, Nov 21 /ITAR-TASS/. Text follows.',
      { source: 'TASS', published: '--11-21' },
    ],
    [
      'a Reuters dateline without a date',
      'WASHINGTON (Reuters) - The White House said on Monday.',
      { source: 'Reuters' },
    ],
    [
      'an outlet named in brackets after an upper-case place and a date',
      'PORT ELLIS, March 4 (Northline Wire) — Dockworkers walked off the job.',
      { source: 'Northline Wire', published: '--03-04' },
    ],
    [
      'a bracketed aside in an ordinary sentence (not a dateline)',
      'The mayor, on March 4 (Tuesday) — said nothing.',
      {},
    ],
    [
      'a Reuters dateline with a year',
      'WASHINGTON, Nov 21, 2017 (Reuters) - Text.',
      { source: 'Reuters', published: '2017-11-21' },
    ],
    ['an AP credit alone', '(AP) — Russia said on Monday that talks went well.', { source: 'AP' }],
    ['an AP dateline', 'BEIRUT (AP) — Syrian troops advanced.', { source: 'AP' }],
    ['an AFP dateline in title case', 'Moscow (AFP) - Russia said.', { source: 'AFP' }],
    [
      'an Interfax dateline',
      'MOSCOW. Nov 21 /Interfax/ - Putin spoke.',
      { source: 'Interfax', published: '--11-21' },
    ],
    [
      'a Xinhua dateline',
      'BEIJING, Nov. 21 (Xinhua) -- China said.',
      { source: 'Xinhua', published: '--11-21' },
    ],
    [
      'a RIA Novosti dateline',
      'MOSCOW, September 5 (RIA Novosti) – Putin said.',
      { source: 'RIA Novosti', published: '--09-05' },
    ],
    [
      'a two-place dateline',
      'HANGZHOU, China, Sept. 5 (Reuters) - Obama met Putin.',
      { source: 'Reuters', published: '--09-05' },
    ],
  ])('reads %s', (_case, text, expected) => {
    expect(readDateline(text)).toEqual(expected);
  });

  it('finds a dateline after a standfirst in the first paragraphs', () => {
    const body = 'Putin and Trump have discussed Syria\nMOSCOW, November 21. /TASS/. Presidents spoke.';
    expect(readDateline(body)).toEqual({ source: 'TASS', published: '--11-21' });
  });

  it('looks no further than the first three paragraphs', () => {
    const body = ['One.', 'Two.', 'Three.', 'MOSCOW, November 21. /TASS/. Late.'].join('\n');
    expect(readDateline(body)).toEqual({});
  });

  it.each([
    ['plain prose', 'Obama spoke with Putin on Monday about Syria.'],
    [
      'an agency named in a sentence',
      'The agency said, according to a report by officials (Reuters) that talks went well.',
    ],
    ['an agency inside a lowercase sentence', 'he told reporters (AP) yesterday.'],
    ['an unknown agency', 'MOSCOW (Pravda) - Text.'],
    ['an agency in brackets mid-word', 'MOSCOW (Reutersville) - Text.'],
    ['an empty text', ''],
  ])('gives nothing for %s', (_case, text) => {
    expect(readDateline(text)).toEqual({});
  });
});
