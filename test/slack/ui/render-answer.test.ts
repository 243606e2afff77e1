import type { types } from '@slack/bolt';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReadoutAnswer } from '../../../src/search/answer.js';
import { decodeButtonState } from '../../../src/slack/ui/button-state.js';
import { blockKitLimits, blockKitViolations } from '../../../src/slack/ui/limits.js';
import {
  actionIds,
  attributionLine,
  noResultsSuggestion,
  renderAnswer,
  renderQuote,
  understoodLines,
} from '../../../src/slack/ui/render-answer.js';
import { interpretedQuery, resultsAnswer, searchHit } from './answer-fixtures.js';

function buttons(blocks: types.KnownBlock[]): types.Button[] {
  return blocks
    .filter((block): block is types.ActionsBlock => block.type === 'actions')
    .flatMap((block) => block.elements as types.Button[]);
}

function sectionTexts(blocks: types.KnownBlock[]): string[] {
  return blocks
    .filter((block): block is types.SectionBlock => block.type === 'section')
    .map((block) => block.text?.text ?? '');
}

describe('renderAnswer', () => {
  it('shows each passage as a quote with matched words in bold, then its attribution', () => {
    const message = renderAnswer(resultsAnswer(), { kind: 'private' });
    const quotes = sectionTexts(message.blocks).filter((text) => text.startsWith('>'));
    expect(quotes).toEqual([
      '>*Obama* and *Putin* met in passage 1.',
      '>*Obama* and *Putin* met in passage 2.',
      '>*Obama* and *Putin* met in passage 3.',
    ]);
    const json = JSON.stringify(message.blocks);
    expect(json).toContain(
      '<https://example.org/story-1|Headline number 1> · Sample Wire · 1 Sep 2016 · by Jane Doe',
    );
  });

  it('says which passages these are and for what query', () => {
    const message = renderAnswer(resultsAnswer({ offset: 5 }), { kind: 'private' });
    expect(sectionTexts(message.blocks)[0]).toBe('*Readout* · passages 6–8 for “obama putin”');
    expect(message.text).toContain('passages 6–8 for “obama putin”');
  });

  it('offers Share, More, 👍, 👎 and Dismiss in the private preview, carrying the query and offsets', () => {
    const message = renderAnswer(resultsAnswer({ offset: 5, nextOffset: 10 }), { kind: 'private' });
    const found = buttons(message.blocks);
    expect(found.map((b) => b.action_id)).toEqual([
      actionIds.share,
      actionIds.more,
      actionIds.helpful,
      actionIds.unhelpful,
      actionIds.dismiss,
    ]);
    expect(found.map((b) => b.text.text)).toEqual([
      'Share in channel',
      'More results',
      '👍',
      '👎',
      'Dismiss',
    ]);
    expect(found.map((b) => decodeButtonState(b.value))).toEqual([
      { q: 'obama putin', o: 5 },
      { q: 'obama putin', o: 10 },
      { q: 'obama putin', o: 5 },
      { q: 'obama putin', o: 5 },
      { q: 'obama putin', o: 5 },
    ]);
  });

  it('leaves More out on the last page', () => {
    const message = renderAnswer(resultsAnswer(), { kind: 'private' });
    expect(buttons(message.blocks).map((b) => b.action_id)).toEqual([
      actionIds.share,
      actionIds.helpful,
      actionIds.unhelpful,
      actionIds.dismiss,
    ]);
  });

  it('never puts the answer text in a button value', () => {
    const message = renderAnswer(resultsAnswer({ nextOffset: 3 }), { kind: 'private' });
    for (const button of buttons(message.blocks)) expect(button.value).not.toContain('passage');
  });

  it('credits the person who shared, without buttons', () => {
    const message = renderAnswer(resultsAnswer({ nextOffset: 3 }), {
      kind: 'shared',
      sharedBy: 'U0REPORTER',
    });
    expect(buttons(message.blocks)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain('Shared by <@U0REPORTER>');
    expect(message.text).toContain('shared by <@U0REPORTER>');
  });

  it("says when a thread reply searched for the thread's first message", () => {
    const message = renderAnswer(resultsAnswer(), { kind: 'thread', threadQuery: true });
    expect(sectionTexts(message.blocks)[0]).toContain(
      "searched for the thread's first message: “obama putin”",
    );
    expect(buttons(message.blocks)).toEqual([]);
  });

  it('escapes every piece of article and user text', () => {
    const hostile = '<!channel> <@U123> <https://x|y> & <!here>';
    const answer = resultsAnswer({
      query: interpretedQuery({ text: hostile, notes: [hostile], excluded: ['<!here>'] }),
      hits: [
        searchHit(1, {
          excerpt: { text: hostile, marks: [[0, 10]] },
          article: {
            title: hostile,
            source: hostile,
            author: hostile,
            published: '2016',
            url: null,
            file: 'x.md',
          },
          alsoIn: [hostile],
        }),
      ],
    });
    for (const audience of [
      { kind: 'private' },
      { kind: 'shared', sharedBy: 'U0REPORTER' },
      { kind: 'thread' },
    ] as const) {
      const message = renderAnswer(answer, audience);
      // Button values are data for Readout, never displayed: everything else must be escaped.
      const everything = JSON.stringify(message, (key, value) => (key === 'value' ? undefined : value));
      for (const dangerous of ['<!channel>', '<!here>', '<@U123>', '<https://x|y>']) {
        expect(everything).not.toContain(dangerous);
      }
      expect(everything).toContain('&lt;!channel&gt;');
      expect(everything).toContain('&amp;');
    }
  });

  it('marks every text object verbatim so Slack parses nothing in it', () => {
    const message = renderAnswer(resultsAnswer(), { kind: 'private' });
    for (const block of message.blocks) {
      if (block.type === 'section') expect(block.text).toMatchObject({ verbatim: true });
      if (block.type === 'context')
        for (const element of block.elements) expect(element).toMatchObject({ verbatim: true });
    }
  });

  it('keeps a huge answer within Block Kit limits, moving passages that do not fit to the next page', () => {
    const long = `${'Obama & Putin <met> in Aleppo. '.repeat(400)}`;
    const marks: Array<[number, number]> = [];
    for (let start = 0; start < long.length; start += 31) marks.push([start, start + 5]);
    const hits = Array.from({ length: 60 }, (_, index) =>
      searchHit(index + 1, {
        excerpt: { text: long, marks },
        article: {
          title: 'T&'.repeat(2000),
          source: 'S<'.repeat(500),
          author: 'A>'.repeat(500),
          published: '2016-09-01',
          url: `https://example.org/${'x'.repeat(2500)}`,
          file: 'x.md',
        },
        alsoIn: Array.from({ length: 200 }, () => 'Wire & Co'),
      }),
    );
    const answer = resultsAnswer({
      hits,
      query: interpretedQuery({
        text: `"${'q'.repeat(990)}`,
        notes: Array.from({ length: 100 }, () => 'n & <n>'.repeat(50)),
      }),
      nextOffset: 60,
    });
    for (const audience of [
      { kind: 'private' },
      { kind: 'shared', sharedBy: 'U0REPORTER' },
      { kind: 'thread' },
    ] as const) {
      const message = renderAnswer(answer, audience);
      expect(blockKitViolations(message)).toEqual([]);
      expect(message.blocks.length).toBeLessThanOrEqual(blockKitLimits.blocks);
    }
    const preview = renderAnswer(answer, { kind: 'private' });
    const quotes = sectionTexts(preview.blocks).filter((text) => text.startsWith('>'));
    const more = buttons(preview.blocks).find((b) => b.action_id === actionIds.more);
    expect(quotes.length).toBeLessThan(60);
    expect(decodeButtonState(more?.value)).toEqual({ q: answer.query.text, o: quotes.length });
  });

  it('says when nothing was found, with the correction tried and a suggestion', () => {
    const answer = resultsAnswer(
      {
        query: interpretedQuery({
          text: 'obma',
          terms: ['obama'],
          corrections: [{ from: 'obma', to: 'obama' }],
        }),
      },
      0,
    );
    const message = renderAnswer(answer, { kind: 'private' });
    const json = JSON.stringify(message.blocks);
    expect(sectionTexts(message.blocks)[0]).toBe('No passages found for “obma”.');
    expect(json).toContain('Showing results for “obama” instead of “obma”.');
    expect(json).toContain('Try another spelling');
    expect(buttons(message.blocks).map((b) => b.action_id)).toEqual([actionIds.dismiss]);
  });

  it('says there are no more passages past the last page', () => {
    const message = renderAnswer(resultsAnswer({ offset: 5 }, 0), { kind: 'private' });
    expect(sectionTexts(message.blocks)[0]).toBe('No more passages for “obama putin”.');
  });

  it('asks for words when there was nothing to search', () => {
    const answer: ReadoutAnswer = {
      ...resultsAnswer({}, 0),
      kind: 'nothing_to_search',
      query: interpretedQuery({ text: '!!!', terms: [] }),
    };
    const message = renderAnswer(answer, { kind: 'private' });
    expect(sectionTexts(message.blocks)[0]).toContain('Nothing to search for in “!!!”');
    expect(blockKitViolations(message)).toEqual([]);
  });

  it('shows usage for a help answer', () => {
    const answer: ReadoutAnswer = {
      ...resultsAnswer({}, 0),
      kind: 'help',
      query: interpretedQuery({ text: 'help' }),
    };
    expect(JSON.stringify(renderAnswer(answer, { kind: 'private' }).blocks)).toContain('source:tass');
  });
});

describe('understoodLines', () => {
  it.each([
    {
      name: 'a correction',
      query: interpretedQuery({ corrections: [{ from: 'puttin', to: 'putin' }] }),
      expected: ['Showing results for “putin” instead of “puttin”.'],
    },
    {
      name: 'an alias expansion',
      query: interpretedQuery({ aliases: [{ term: 'putin', alternatives: ['Vladimir Putin', 'Путин'] }] }),
      expected: ['Also searched “putin” as “Vladimir Putin”, “Путин”.'],
    },
    {
      name: 'a partial match',
      query: interpretedQuery({
        partial: { allOf: ['obama', 'putin', 'zebra'], unmatched: ['zebra'], complete: 0, quoted: [] },
      }),
      expected: [
        'No passage has all of: obama, putin, zebra. Showing passages with some of them, those with the rarest words first. Nothing in the archive matches: zebra.',
      ],
    },
    {
      name: 'full matches followed by partial ones',
      query: interpretedQuery({
        partial: { allOf: ['obama', 'putin'], unmatched: [], complete: 2, quoted: [] },
      }),
      expected: [
        'Only 2 passages have all of: obama, putin. After them, passages with some of them (marked partial).',
      ],
    },
    {
      name: 'partial matches that keep a quoted phrase',
      query: interpretedQuery({
        partial: { allOf: ['"white house"', 'putin'], unmatched: [], complete: 1, quoted: ['"white house"'] },
      }),
      expected: [
        'Only 1 passage has all of: "white house", putin. After it, passages with some of them (marked partial). Each has "white house".',
      ],
    },
    {
      name: 'partial matches that keep one of two quoted phrases',
      query: interpretedQuery({
        partial: {
          allOf: ['"white house"', '"red square"', 'talks'],
          unmatched: [],
          complete: 0,
          quoted: ['"white house"', '"red square"'],
        },
      }),
      expected: [
        'No passage has all of: "white house", "red square", talks. Showing passages with some of them, those with the rarest words first. Each has one of: "white house", "red square".',
      ],
    },
    {
      name: 'filters',
      query: interpretedQuery({
        excluded: ['trump'],
        filters: { sources: ['tass'], speakers: [], after: '2016-09-01', before: '2017-01-01' },
      }),
      expected: ['Filters: only from tass; on or after 1 Sep 2016; before 1 Jan 2017; without trump.'],
    },
    {
      name: 'a note',
      query: interpretedQuery({ notes: ['after:foo is not a date; ignored'] }),
      expected: ['after:foo is not a date; ignored'],
    },
    { name: 'nothing special', query: interpretedQuery(), expected: [] },
  ])('describes $name', ({ query, expected }) => {
    expect(understoodLines(query)).toEqual(expected);
  });
});

describe('attributionLine', () => {
  it.each([
    {
      name: 'a full attribution',
      hit: searchHit(1),
      expected: '<https://example.org/story-1|Headline number 1> · Sample Wire · 1 Sep 2016 · by Jane Doe',
    },
    {
      name: 'a quotation: its speaker first, then the headline in italics',
      hit: searchHit(1, {
        quote: {
          text: 'We will not lift sanctions',
          speaker: 'Barack <Obama>',
          cue: 'said',
          start: 0,
          end: 5,
        },
      }),
      expected:
        '— Barack &lt;Obama&gt;, in _<https://example.org/story-1|Headline number 1>_ · Sample Wire · 1 Sep 2016 · by Jane Doe',
    },
    {
      name: 'a quotation whose speaker the article does not name: the usual line',
      hit: searchHit(1, { quote: { text: 'We will', speaker: null, cue: null, start: 0, end: 5 } }),
      expected: '<https://example.org/story-1|Headline number 1> · Sample Wire · 1 Sep 2016 · by Jane Doe',
    },
    {
      name: 'a day without a year and no author',
      hit: searchHit(1, { article: { ...searchHit(1).article, published: '--11-21', author: null } }),
      expected: '<https://example.org/story-1|Headline number 1> · Sample Wire · 21 Nov',
    },
    {
      name: 'no URL: the headline with matched words in bold',
      hit: searchHit(1, {
        titleMarks: [[0, 8]],
        article: { ...searchHit(1).article, url: null, source: null },
      }),
      expected: '*Headline* number 1 · 1 Sep 2016 · by Jane Doe',
    },
    {
      name: 'an unsafe URL is not linked',
      hit: searchHit(1, {
        article: {
          ...searchHit(1).article,
          url: 'javascript:alert(1)',
          author: null,
          source: null,
          published: null,
        },
      }),
      expected: 'Headline number 1',
    },
    {
      name: 'syndicated copies',
      hit: searchHit(1, { alsoIn: ['Other Wire', 'Third & Co'] }),
      expected:
        '<https://example.org/story-1|Headline number 1> · Sample Wire · 1 Sep 2016 · by Jane Doe\nalso in: Other Wire, Third &amp; Co',
    },
    {
      name: 'a partial match, labelled with what it lacks',
      hit: searchHit(1, { missing: ['blair', '"white <house>"'] }),
      expected:
        '_Partial match, without: blair, "white &lt;house&gt;"_\n<https://example.org/story-1|Headline number 1> · Sample Wire · 1 Sep 2016 · by Jane Doe',
    },
  ])('renders $name', ({ hit, expected }) => {
    expect(attributionLine(hit)).toBe(expected);
  });
});

describe('noResultsSuggestion', () => {
  it.each([
    {
      query: interpretedQuery({ filters: { sources: ['tass'], speakers: [] } }),
      expected: /without `source:`/,
    },
    { query: interpretedQuery({ excluded: ['trump'] }), expected: /without the `-excluded` words/ },
    { query: interpretedQuery({ terms: ['a', 'b'] }), expected: /fewer words/ },
    { query: interpretedQuery({ terms: ['a'] }), expected: /another spelling/ },
  ])('suggests $expected', ({ query, expected }) => {
    expect(noResultsSuggestion(query)).toMatch(expected);
  });
});

describe('renderQuote', () => {
  it('shortens a quote at a word boundary to fit, keeping its marks', () => {
    const text = `${'word & '.repeat(1000)}end`;
    const quote = renderQuote({ text, marks: [[0, 4]] }, 200);
    expect(quote.length).toBeLessThanOrEqual(200);
    expect(quote.startsWith('>*word* &amp; word')).toBe(true);
    expect(quote.endsWith('…')).toBe(true);
  });

  it('always fits and never lets Slack markup through, whatever the text and marks', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 4000 }),
        fc.array(fc.tuple(fc.nat(4000), fc.nat(60)), { maxLength: 50 }),
        fc.integer({ min: 20, max: 3000 }),
        (text, rawMarks, max) => {
          const marks = rawMarks
            .map(([start, length]): [number, number] => [start, start + length])
            .sort((a, b) => a[0] - b[0]);
          const quote = renderQuote({ text, marks }, max);
          expect(quote.length).toBeLessThanOrEqual(max);
          for (const line of quote.split('\n')) expect(line.slice(1)).not.toMatch(/[<>]/);
        },
      ),
    );
  });
});
