import fc from 'fast-check';
import matter from 'gray-matter';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { normalizePublished } from '../../../src/ingest/clean/published.js';
import { parseDocument, readBlocks } from '../../../src/ingest/load/load-html.js';
import { plainParagraphs } from '../../../src/ingest/load/load-text.js';
import { simpleFrontMatter } from '../../../src/ingest/load/simple-front-matter.js';

/** What gray-matter makes of it, dates as Readout normalises them. */
function grayMatter(text: string): { data: Record<string, unknown>; content: string } {
  const { data, content } = matter(text, {});
  const normalised = Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      value instanceof Date ? normalizePublished(value) : value,
    ]),
  );
  return { data: normalised, content };
}

function simple(text: string) {
  const parsed = simpleFrontMatter(text);
  if (!parsed) return undefined;
  const data = Object.fromEntries(
    Object.entries(parsed.data).map(([key, value]) => [
      key,
      /^\d{4}-\d\d-\d\d$/.test(value) ? normalizePublished(value) : value,
    ]),
  );
  return { data, content: parsed.content };
}

describe('simpleFrontMatter', () => {
  it.each([
    '---\ntitle: Dockworkers vote to strike\nsource: The Harbour Ledger\npublished: 2023-03-02\n---\n\nBody.\n',
    "---\ntitle: Obama's visit, and Putin's\nurl: https://example.com/a?b=c#d\n---\nBody",
    '---\ntitle: Переговоры о перемирии\nauthor: Анна Иванова\n---\n\nТекст.',
    '---\ntitle: C# and F#, news\n---\n',
    '---\ntitle: A title   \n---\n\n\nText',
    '---\ntitle: A\n---',
  ])('reads %j as gray-matter does', (text) => {
    expect(simple(text)).toEqual(grayMatter(text));
  });

  it.each([
    ['a quoted value', '---\ntitle: "Quoted: yes"\n---\nBody'],
    ['a number', '---\ntitle: 1984\n---\nBody'],
    ['a boolean', '---\ndraft: true\n---\nBody'],
    ['a null', '---\nauthor: null\n---\nBody'],
    ['a comment', '---\ntitle: Budget passes # final\n---\nBody'],
    ['a list', '---\nauthor:\n  - Jane Roe\n  - John Doe\n---\nBody'],
    ['a colon and a space inside', '---\ntitle: Breaking: port closes\n---\nBody'],
    ['a timestamp with a time', '---\npublished: 2016-09-05T10:00:00Z\n---\nBody'],
    ['CRLF lines', '---\r\ntitle: A\r\n---\r\nBody'],
    ['a repeated key', '---\ntitle: A\ntitle: B\n---\nBody'],
    ['a closing line with more on it', '---\ntitle: A\n--- more\nBody'],
  ])('leaves %s to gray-matter', (_, text) => {
    expect(simpleFrontMatter(text)).toBeUndefined();
  });

  it('agrees with gray-matter on every front matter it reads', () => {
    const value = fc.stringMatching(/^[A-Za-zé][A-Za-z0-9 ,.'"#:é-]{0,30}$/);
    const line = fc.tuple(fc.constantFrom('title', 'source', 'author', 'url', 'published'), value);
    fc.assert(
      fc.property(
        fc.uniqueArray(line, { selector: ([key]) => key, maxLength: 5 }),
        fc.string(),
        (lines, body) => {
          const text = `---\n${lines.map(([key, v]) => `${key}: ${v}`).join('\n')}\n---\n${body}`;
          const mine = simple(text);
          if (mine === undefined) return;
          expect(mine).toEqual(grayMatter(text));
        },
      ),
      { numRuns: 400 },
    );
  });
});

const marked = new Marked({ gfm: true, async: false });
const rendered = (content: string) =>
  readBlocks(parseDocument(marked.parse(content, { async: false })).body!);

describe('plainParagraphs', () => {
  it('reads paragraphs of words as rendering the markdown would', () => {
    const content = 'First paragraph, with words.\nIt goes on.\n\n  Second one.\n \nThird, 1984 and 2016.\n';
    expect(plainParagraphs(content)).toEqual(rendered(content));
    expect(plainParagraphs(content)).toEqual([
      'First paragraph, with words. It goes on.',
      'Second one.',
      'Third, 1984 and 2016.',
    ]);
  });

  it.each([
    ['emphasis', 'Some *bold* words.'],
    ['a link', 'See [the report](https://example.com).'],
    ['a heading', '# Title\n\nText.'],
    ['a setext heading', 'Title\n---\n\nText.'],
    ['a list', '- one\n- two'],
    ['a numbered list', '1. one\n2. two'],
    ['a quote', '> quoted'],
    ['code', 'Use `code`.'],
    ['an entity', 'Fish &amp; chips.'],
    ['a hard line break', 'One line  \nnext line'],
    ['indented code', '    code block'],
    ['a one-column table without pipes (found by the property below)', 'A\n:-'],
    ['a list after a line of text', 'Some text.\n- one'],
    ['a numbered list after a line of text', 'Some text.\n2. two'],
    ['a hard line break after a later line', 'One\nTwo  \nThree'],
  ])('leaves markdown with %s to the renderer', (_, content) => {
    expect(plainParagraphs(content)).toBeUndefined();
  });

  it('agrees with the renderer on every text it reads', () => {
    const text = fc.stringMatching(/^[A-Za-z0-9 ,.'"?:;()é\n-]{0,200}$/);
    fc.assert(
      fc.property(text, (content) => {
        const mine = plainParagraphs(content);
        if (mine !== undefined) expect(mine).toEqual(rendered(content));
      }),
      { numRuns: 500 },
    );
  });
});
