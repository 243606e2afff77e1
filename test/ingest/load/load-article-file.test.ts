import { describe, expect, it } from 'vitest';
import { articleExtensions } from '../../../src/ingest/load/article-formats.js';
import { loadArticleFile } from '../../../src/ingest/load/load-article-file.js';
import { thrownReason } from '../../support/article-error.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: Array<number | Uint8Array>) =>
  Uint8Array.from(values.flatMap((value) => (typeof value === 'number' ? [value] : [...value])));

const lead = 'Obama described the talk with Putin as candid, blunt and businesslike on Monday.';
const second = 'He added the United States needed to act fast to provide humanitarian relief.';

describe('articleExtensions', () => {
  it('lists every supported extension in lowercase with its dot', () => {
    expect([...articleExtensions].sort()).toEqual([
      '.htm',
      '.html',
      '.json',
      '.jsonl',
      '.markdown',
      '.md',
      '.ndjson',
      '.txt',
    ]);
  });
});

describe('loadArticleFile', () => {
  describe('.txt', () => {
    it('takes the first line as the headline and the rest as paragraphs', () => {
      const file = `Obama and Putin talk Syria\n\n${lead}\n\n${second}\n`;
      expect(loadArticleFile('a.txt', utf8(file))).toEqual({
        articles: [{ item: '', title: 'Obama and Putin talk Syria', body: `${lead}\n\n${second}` }],
        problems: [],
      });
    });

    it('skips site chrome before the headline and between paragraphs', () => {
      const file = `Accessibility links\n\nBreaking News\n\nShare\n\nObama and Putin talk Syria\n\n${lead}\n\nAdvertisement\n\n${second}`;
      const [article] = loadArticleFile('a.txt', utf8(file)).articles;
      expect(article?.title).toBe('Obama and Putin talk Syria');
      expect(article?.body).toBe(`${lead}\n\n${second}`);
    });

    it('reads YAML front matter, with dates as the YAML parser gives them', () => {
      const file = `---\ntitle: "Putin says ‘some alignment’ with US"\nsource: Example News\nauthor: Jane Roe\npublished: 2016-09-05\nurl: https://example.com/a\n---\n${lead}\n`;
      expect(loadArticleFile('a.txt', utf8(file)).articles).toEqual([
        {
          item: '',
          title: 'Putin says ‘some alignment’ with US',
          body: lead,
          source: 'Example News',
          author: 'Jane Roe',
          published: '2016-09-05',
          url: 'https://example.com/a',
        },
      ]);
    });

    it('keeps the first headline-like line as text when the front matter has the title', () => {
      const file = `---\ntitle: Obama and Putin talk Syria\n---\nA standfirst about the talks in Syria\n\n${lead}`;
      expect(loadArticleFile('a.txt', utf8(file)).articles[0]?.body).toBe(
        `A standfirst about the talks in Syria\n\n${lead}`,
      );
    });

    it('drops an unreadable front-matter date rather than guessing', () => {
      const file = `---\ntitle: Obama and Putin talk Syria\npublished: sometime last week\n---\n${lead}`;
      expect(loadArticleFile('a.txt', utf8(file)).articles[0]).not.toHaveProperty('published');
    });

    it('reads a text opening with a --- rule that is never closed as text', () => {
      const file = `---\nObama and Putin talk Syria\n\n${lead}\n`;
      expect(loadArticleFile('a.txt', utf8(file)).articles[0]).toMatchObject({
        title: 'Obama and Putin talk Syria',
        body: lead,
      });
    });

    it('reads prose between two --- rules as text, not front matter', () => {
      const file = `---\nObama and Putin talk Syria\n---\n${lead}\n`;
      expect(loadArticleFile('a.txt', utf8(file)).articles[0]).toMatchObject({
        title: 'Obama and Putin talk Syria',
        body: lead,
      });
    });

    it('reads empty front matter', () => {
      const file = `---\n---\nObama and Putin talk Syria\n\n${lead}\n`;
      expect(loadArticleFile('a.txt', utf8(file)).articles[0]).toMatchObject({
        title: 'Obama and Putin talk Syria',
        body: lead,
      });
    });

    it('does not evaluate a JavaScript front-matter block', () => {
      const file = `---js\n{ title: (() => { throw new Error('evaluated') })() }\n---\nObama and Putin talk Syria\n\n${lead}`;
      expect(loadArticleFile('a.txt', utf8(file)).articles[0]?.body).toContain(lead);
    });

    it('infers source and date from a wire dateline', () => {
      const file = `All news\n\nPresidents discuss Syrian crisis — Kremlin\n\nMOSCOW, November 21. /TASS/. ${lead}`;
      expect(loadArticleFile('a.txt', utf8(file)).articles[0]).toMatchObject({
        source: 'TASS',
        published: '--11-21',
      });
    });

    it('reads a byline and date printed under the headline', () => {
      const file = `Obama and Putin talk Syria\nBy Jane Roe\nSeptember 5, 2016\n\n${lead}`;
      expect(loadArticleFile('a.txt', utf8(file)).articles[0]).toMatchObject({
        title: 'Obama and Putin talk Syria',
        author: 'Jane Roe',
        published: '2016-09-05',
        body: lead,
      });
    });

    it('titles an article without a headline by its first sentence', () => {
      expect(loadArticleFile('a.txt', utf8(`${lead} ${second}`)).articles[0]?.title).toBe(lead);
    });

    it('keeps a repeated caption once', () => {
      const caption =
        'FILE - Residents inspect damages after an airstrike on the rebel held al-Maysar neighborhood in Aleppo, Syria.';
      const file = `Obama and Putin talk Syria\n\n${lead}\n\n${caption}\n${caption}\n\n${second}\n\n${caption}`;
      expect(loadArticleFile('a.txt', utf8(file)).articles[0]?.body).toBe(
        `${lead}\n\n${caption}\n\n${second}`,
      );
    });

    it.each([
      [
        'Windows-1252 curly quotes and é',
        bytes(
          utf8('Obama and Putin talk Syria\r\n\r\n'),
          0x93,
          utf8('Caf'),
          0xe9,
          utf8(' talks were candid,'),
          0x94,
          utf8(' he said.'),
        ),
        '“Café talks were candid,” he said.',
      ],
      [
        'UTF-8 with a byte order mark and CRLF',
        bytes(0xef, 0xbb, 0xbf, utf8(`Obama and Putin talk Syria\r\n\r\n${lead}\r\n`)),
        lead,
      ],
      ['old Mac CR line ends', utf8(`Obama and Putin talk Syria\r\r${lead}\r`), lead],
    ])('decodes %s', (_case, input, body) => {
      expect(loadArticleFile('a.txt', input).articles[0]).toMatchObject({
        title: 'Obama and Putin talk Syria',
        body,
      });
    });

    it('decodes UTF-16 with a byte order mark', () => {
      const text = `Obama and Putin talk Syria\n\n“${lead}”`;
      const input = bytes(
        0xff,
        0xfe,
        ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
      );
      expect(loadArticleFile('a.txt', input).articles[0]?.body).toBe(`“${lead}”`);
    });

    it('reads the extension in any case', () => {
      expect(
        loadArticleFile('/archive/A.TXT', utf8(`Obama and Putin talk Syria\n\n${lead}`)).articles,
      ).toHaveLength(1);
    });
  });

  describe('.md', () => {
    it('turns markdown into plain paragraphs', () => {
      const file = [
        '# Obama and Putin *talk* Syria',
        '',
        `Obama described the talk with [Putin](https://example.com/putin) as **candid** and _blunt_ on Monday.`,
        '',
        '## What the Kremlin said about the talks',
        '',
        '> “We have a certain convergence of positions,” Putin said.',
        '',
        '- The first point of the statement, in full.',
        '- The second point of the statement, in full.',
        '',
        '![A photo](photo.jpg)',
      ].join('\n');
      expect(loadArticleFile('a.md', utf8(file)).articles).toEqual([
        {
          item: '',
          title: 'Obama and Putin talk Syria',
          body: [
            'Obama described the talk with Putin as candid and blunt on Monday.',
            'What the Kremlin said about the talks',
            '“We have a certain convergence of positions,” Putin said.',
            'The first point of the statement, in full.',
            'The second point of the statement, in full.',
          ].join('\n\n'),
        },
      ]);
    });

    it('joins the soft line breaks of a paragraph', () => {
      const file = `# Obama and Putin talk Syria\n\nObama described the talk\nwith Putin as candid.`;
      expect(loadArticleFile('a.markdown', utf8(file)).articles[0]?.body).toBe(
        'Obama described the talk with Putin as candid.',
      );
    });

    it('prefers the front-matter title and keeps the # heading as text', () => {
      const file = `---\ntitle: Putin and Obama meet\ndate: 2016-09-05\nauthor: [Jane Roe, John Doe]\n---\n# The talks in Hangzhou went long\n\n${lead}`;
      expect(loadArticleFile('a.md', utf8(file)).articles[0]).toEqual({
        item: '',
        title: 'Putin and Obama meet',
        body: `The talks in Hangzhou went long\n\n${lead}`,
        author: 'Jane Roe, John Doe',
        published: '2016-09-05',
      });
    });

    it('takes the first headline-like line when there is no # heading', () => {
      const file = `Share\n\nObama and Putin talk Syria\n\n${lead}`;
      expect(loadArticleFile('a.md', utf8(file)).articles[0]).toMatchObject({
        title: 'Obama and Putin talk Syria',
        body: lead,
      });
    });
  });

  describe('.html', () => {
    const page = `<!doctype html><html><head>
      <meta charset="utf-8">
      <title>Obama and Putin talk Syria | Example News</title>
      <meta property="og:title" content="Obama and Putin talk Syria">
      <meta property="og:site_name" content="Example News">
      <meta property="article:published_time" content="2016-09-05T10:00:00Z">
      <meta name="author" content="Jane Roe">
      <link rel="canonical" href="https://example.com/world/obama-putin">
    </head><body>
      <header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news from everywhere</a></li></ul></nav></header>
      <aside class="sidebar"><h3>Most read stories today</h3><ul><li>A story about cats that everybody read this week</li></ul></aside>
      <article>
        <h1>Obama and Putin talk Syria</h1>
        <p>${lead.replace('candid', '<em>candid</em>')}</p>
        <div class="ad">Advertisement</div>
        <p>${second}</p>
        <h2>Not only Syria, but Ukraine too</h2>
        <blockquote>“We want to achieve this goal,” he said at the end of the summit.</blockquote>
        <ul><li>The first point of the statement, in full.</li><li>The second point of the statement, in full.</li></ul>
        <p>Line one of an address<br><br>Line two after a double break.</p>
      </article>
      <footer><p>Copyright 2016 Example News. All rights reserved. Terms of use apply to everything.</p></footer>
    </body></html>`;

    it('reads the article, its paragraphs and its attribution', () => {
      expect(loadArticleFile('a.html', utf8(page)).articles).toEqual([
        {
          item: '',
          title: 'Obama and Putin talk Syria',
          body: [
            lead,
            second,
            'Not only Syria, but Ukraine too',
            '“We want to achieve this goal,” he said at the end of the summit.',
            'The first point of the statement, in full.',
            'The second point of the statement, in full.',
            'Line one of an address',
            'Line two after a double break.',
          ].join('\n\n'),
          source: 'Example News',
          author: 'Jane Roe',
          published: '2016-09-05',
          url: 'https://example.com/world/obama-putin',
        },
      ]);
    });

    it('keeps navigation, asides and footers out of the body', () => {
      const body = loadArticleFile('a.htm', utf8(page)).articles[0]?.body ?? '';
      expect(body).not.toMatch(/Most read|cats|Home|World news|Copyright|Advertisement/);
    });

    it('reads a page without metadata by its <title> and text', () => {
      const bare = `<html><head><title>Putin spoke about the talks</title></head><body><p>${lead}</p><p>${second}</p></body></html>`;
      expect(loadArticleFile('a.html', utf8(bare)).articles).toEqual([
        { item: '', title: 'Putin spoke about the talks', body: `${lead}\n\n${second}` },
      ]);
    });

    it('infers source and date from a dateline in the page text', () => {
      const wire = `<html><head><title>Presidents discuss Syria</title></head><body><p>MOSCOW, November 21. /TASS/. ${lead}</p></body></html>`;
      expect(loadArticleFile('a.html', utf8(wire)).articles[0]).toMatchObject({
        source: 'TASS',
        published: '--11-21',
      });
    });

    it('decodes a page in the legacy encoding it declares', () => {
      const head = utf8(
        '<html><head><meta charset="windows-1251"><title>Putin and Obama talk</title></head><body><p>',
      );
      const tail = utf8(` ${lead}</p></body></html>`);
      // "Путин" in Windows-1251.
      const input = bytes(head, 0xcf, 0xf3, 0xf2, 0xe8, 0xed, tail);
      expect(loadArticleFile('a.html', input).articles[0]?.body).toBe(`Путин ${lead}`);
    });

    it('refuses a page without text', () => {
      expect(
        thrownReason(() => loadArticleFile('a.html', utf8('<html><body><nav>Home</nav></body></html>'))),
      ).toBe('no article found (no headline or text)');
    });
  });

  describe('.json', () => {
    const article = {
      title: 'Obama and Putin talk Syria',
      body: `${lead}\n\n${second}`,
      source: 'Example News',
      published: 'September 5, 2016',
      url: 'https://example.com/a',
      author: 'Jane Roe',
    };

    it('reads a single object', () => {
      expect(loadArticleFile('a.json', utf8(JSON.stringify(article)))).toEqual({
        articles: [{ ...article, item: '', body: `${lead}\n\n${second}`, published: '2016-09-05' }],
        problems: [],
      });
    });

    it('names the items of an array by id, else by position', () => {
      const file = JSON.stringify([
        { ...article, id: 'tass-1' },
        { title: 'Second story on the talks', text: second },
      ]);
      expect(loadArticleFile('a.json', utf8(file)).articles.map((a) => a.item)).toEqual(['tass-1', 'item 2']);
    });

    it('reads { "articles": [...] }', () => {
      const file = JSON.stringify({
        articles: [article, { ...article, title: 'Another story on the talks' }],
      });
      expect(loadArticleFile('a.json', utf8(file)).articles.map((a) => a.item)).toEqual(['item 1', 'item 2']);
    });

    it('reads a body given as HTML or as an array of paragraphs', () => {
      const file = JSON.stringify([
        { title: 'Obama and Putin talk Syria', body: `<p>${lead}</p><p>${second}</p>` },
        { title: 'Obama and Putin talk Syria', body: [lead, second] },
      ]);
      expect(loadArticleFile('a.json', utf8(file)).articles.map((a) => a.body)).toEqual([
        `${lead}\n\n${second}`,
        `${lead}\n\n${second}`,
      ]);
    });

    it('reports array items that are not articles and loads the others', () => {
      const file = JSON.stringify([
        article,
        { body: lead },
        { title: 'No body here at all' },
        'text',
        { ...article, id: 'x' },
        { ...article, id: 'x' },
      ]);
      const loaded = loadArticleFile('a.json', utf8(file));
      expect(loaded.articles.map((a) => a.item)).toEqual(['item 1', 'x']);
      expect(loaded.problems).toEqual([
        { where: 'item 2', reason: 'no "title"' },
        { where: 'item 3', reason: 'no "body" or "text"' },
        { where: 'item 4', reason: 'not an article object (string)' },
        { where: 'item 6', reason: 'duplicate id "x" (first at item 5)' },
      ]);
    });

    it.each([
      [
        'an unfinished document',
        '{\n  "title": "Obama",\n  "body": \n',
        'invalid JSON at line 3 (Unexpected end of JSON input)',
      ],
      [
        'an unclosed object',
        '{\n  "title": "Obama",\n  "body": "text"\n',
        "invalid JSON at line 3 (Expected ',' or '}' after property value)",
      ],
      [
        'a bad token on line 3',
        '[\n  {"title": "a", "body": "b"},\n  {"title": tru}\n]',
        "invalid JSON at line 3 (Unexpected token '}')",
      ],
      [
        'a missing property name',
        '{\n\n  , "title": "a"}',
        "invalid JSON at line 3 (Expected property name or '}')",
      ],
      [
        'a trailing comma',
        '[\n  {"title": "a", "body": "b"},\n]',
        "invalid JSON at line 3 (Unexpected token ']')",
      ],
      [
        'JSON Lines in a .json file',
        '{"title": "a", "body": "b"}\n{"title": "c", "body": "d"}\n',
        'invalid JSON at line 2 (Unexpected non-whitespace character after JSON)',
      ],
      [
        'an unterminated string',
        '{\n"title": "Obama\n}',
        'invalid JSON at line 2 (Bad control character in string literal)',
      ],
    ])('refuses %s, naming the line', (_case, file, reason) => {
      expect(thrownReason(() => loadArticleFile('a.json', utf8(file)))).toBe(reason);
    });

    it.each([
      ['an object without a title', JSON.stringify({ body: lead }), 'no article found (no "title")'],
      [
        'an object without a body',
        JSON.stringify({ title: 'Obama and Putin talk Syria' }),
        'no article found (no "body" or "text")',
      ],
      [
        'an empty body',
        JSON.stringify({ title: 'Obama and Putin talk Syria', body: ' ' }),
        'no article found (no article text in "body")',
      ],
      ['an empty array', '[]', 'no article found (empty array)'],
      ['a bare string', '"text"', 'no article found (not an article object (string))'],
    ])('refuses %s', (_case, file, reason) => {
      expect(thrownReason(() => loadArticleFile('a.json', utf8(file)))).toBe(reason);
    });
  });

  describe('.jsonl', () => {
    const line = (fields: object) =>
      JSON.stringify({ title: 'Obama and Putin talk Syria', body: lead, ...fields });

    it('reads one article per line, named by id, else by line', () => {
      const file = `${line({ id: 7 })}\n\n${line({ published: '2016-09-05' })}\n`;
      expect(loadArticleFile('a.jsonl', utf8(file))).toEqual({
        articles: [
          { item: '7', title: 'Obama and Putin talk Syria', body: lead },
          { item: 'line 3', title: 'Obama and Putin talk Syria', body: lead, published: '2016-09-05' },
        ],
        problems: [],
      });
    });

    it('reports a broken line and still loads the others', () => {
      const file = [
        line({}),
        line({ id: 'b' }),
        '{"title": "Cut off", "bo',
        line({ id: 'd' }),
        '[1, 2]',
        line({ id: 'b' }),
      ].join('\r\n');
      const loaded = loadArticleFile('a.ndjson', utf8(file));
      expect(loaded.articles.map((a) => a.item)).toEqual(['line 1', 'b', 'd']);
      expect(loaded.problems).toEqual([
        { where: 'line 3', reason: 'invalid JSON (Unterminated string)' },
        { where: 'line 5', reason: 'not an article object (an array)' },
        { where: 'line 6', reason: 'duplicate id "b" (first at line 2)' },
      ]);
    });

    it('reports an object without a title or body', () => {
      const file = [
        JSON.stringify({ body: lead }),
        JSON.stringify({ title: 'Obama and Putin talk Syria' }),
      ].join('\n');
      expect(loadArticleFile('a.jsonl', utf8(file)).problems).toEqual([
        { where: 'line 1', reason: 'no "title"' },
        { where: 'line 2', reason: 'no "body" or "text"' },
      ]);
    });
  });

  describe('whole-file problems', () => {
    it.each([
      ['an empty .txt', 'a.txt', utf8(''), 'empty file'],
      ['a whitespace-only .md', 'a.md', utf8('\n \n\t'), 'empty file'],
      ['an empty .jsonl', 'a.jsonl', utf8('\n\n'), 'empty file'],
      [
        'a binary .txt',
        'a.txt',
        bytes(0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d),
        'binary file (not text)',
      ],
      ['a binary .json', 'a.json', bytes(0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00), 'binary file (not text)'],
      [
        'an undecodable .html',
        'a.html',
        bytes(utf8('<p>'), 0x81, 0x8d, 0x8f, utf8('</p>')),
        'cannot decode text (neither UTF-8 nor Windows-1252)',
      ],
      [
        'a .txt of chrome only',
        'a.txt',
        utf8('Share\n\nAdvertisement\n\nBreaking News'),
        'no article found (no headline or text)',
      ],
      [
        'a .txt with only a headline',
        'a.txt',
        utf8('Obama and Putin talk Syria'),
        'no article text (only a headline)',
      ],
      [
        'a .md with only a heading',
        'a.md',
        utf8('# Obama and Putin talk Syria'),
        'no article text (only a headline)',
      ],
      [
        'broken front matter',
        'a.md',
        utf8('---\ntitle: [unclosed\n---\nText of the article.'),
        expect.stringMatching(/^invalid front matter \(/),
      ],
      ['an unknown extension', 'a.pdf', utf8('text'), 'not an article file (extension ".pdf")'],
    ])('refuses %s', (_case, path, input, reason) => {
      expect(thrownReason(() => loadArticleFile(path, input))).toEqual(reason);
    });
  });
});
