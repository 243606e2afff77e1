import { describe, expect, it } from 'vitest';
import {
  boldMarks,
  clipText,
  disguisedHost,
  escapeMrkdwn,
  link,
  mentionUser,
  normaliseMarks,
  plainTextFromSlack,
  quoteWithMarks,
  safeLinkUrl,
  unescapeMrkdwn,
} from '../../../src/slack/ui/mrkdwn.js';

describe('escapeMrkdwn', () => {
  it.each([
    ['Tom & Jerry', 'Tom &amp; Jerry'],
    ['<!channel> look', '&lt;!channel&gt; look'],
    ['<!here>', '&lt;!here&gt;'],
    ['ping <@U123>', 'ping &lt;@U123&gt;'],
    ['<https://evil.example|bank>', '&lt;https://evil.example|bank&gt;'],
    ['already &amp; escaped', 'already &amp;amp; escaped'],
    ['plain words', 'plain words'],
  ])('escapes %j', (input, expected) => {
    expect(escapeMrkdwn(input)).toBe(expected);
  });

  it('leaves no control character that Slack would parse', () => {
    const escaped = escapeMrkdwn('a <b> & <!subteam^S1> c');
    expect(escaped).not.toMatch(/[<>]/);
    expect(unescapeMrkdwn(escaped)).toBe('a <b> & <!subteam^S1> c');
  });
});

describe('safeLinkUrl', () => {
  it.each([
    ['https://example.org/story', 'https://example.org/story'],
    ['http://example.org/a?b=1&c=2', 'http://example.org/a?b=1&amp;c=2'],
    ['https://example.org/a|b', 'https://example.org/a%7Cb'],
    ['https://example.org/<x>', 'https://example.org/%3Cx%3E'],
    ['  https://example.org/  ', 'https://example.org/'],
  ])('keeps the http(s) URL %j, escaped', (input, expected) => {
    expect(safeLinkUrl(input)).toBe(expected);
  });

  it.each([
    ['javascript:alert(1)'],
    ['/relative/path'],
    ['ftp://example.org/file'],
    ['https://exa mple.org/'],
    ['not a url'],
    [''],
    [null],
  ])('drops %j', (input) => {
    expect(safeLinkUrl(input)).toBeNull();
  });
});

describe('safeLinkUrl against disguise', () => {
  it.each([
    ['https://slack.com@evil.example/a', 'https://evil.example/a'],
    ['https://user:pass@example.org/', 'https://example.org/'],
    [`https://example.org/${'a'.repeat(5000)}`, null],
  ])('links %j as %j', (raw, expected) => {
    expect(safeLinkUrl(raw)).toBe(expected);
  });
});

describe('disguisedHost', () => {
  it.each([
    ['https://slack.com@evil.example/a', 'evil.example'],
    ['https://example.org/a@b', undefined],
    ['https://example.org/', undefined],
    ['javascript:alert(1)', undefined],
  ])('finds the real host of %j: %j', (raw, expected) => {
    expect(disguisedHost(raw)).toBe(expected);
  });
});

describe('escapeMrkdwn and direction overrides', () => {
  it.each([
    ['moc.elgoog\u202e', 'moc.elgoog'],
    ['a\u202db\u202ac\u2066d\u2069', 'abcd'],
    ['\u05e9\u05dc\u05d5\u05dd', '\u05e9\u05dc\u05d5\u05dd'],
  ])('drops the overrides of %j', (text, expected) => {
    expect(escapeMrkdwn(text)).toBe(expected);
  });
});

describe('link', () => {
  it('links an escaped label to a safe URL', () => {
    expect(link('https://example.org/x', 'Talks <stall> & fail')).toBe(
      '<https://example.org/x|Talks &lt;stall&gt; &amp; fail>',
    );
  });

  it('shows only the escaped label when the URL is unsafe', () => {
    expect(link('javascript:alert(1)', '<!channel>')).toBe('&lt;!channel&gt;');
  });
});

describe('mentionUser', () => {
  it.each([
    ['U0REPORTER', '<@U0REPORTER>'],
    ['W123ABC', '<@W123ABC>'],
    ['!channel', '!channel'],
    ['U1> <!here', 'U1&gt; &lt;!here'],
  ])('renders %j safely', (input, expected) => {
    expect(mentionUser(input)).toBe(expected);
  });
});

describe('normaliseMarks', () => {
  it.each([
    { text: 'obama putin', marks: [[0, 5]], expected: [[0, 5]] },
    { text: 'obama putin', marks: [[0, 6]], expected: [[0, 5]] },
    { text: 'obama putin', marks: [[5, 6]], expected: [] },
    {
      text: 'abcdef',
      marks: [
        [0, 3],
        [3, 6],
      ],
      expected: [[0, 6]],
    },
    {
      text: 'abcdef',
      marks: [
        [0, 4],
        [2, 6],
      ],
      expected: [[0, 4]],
    },
    { text: 'abc', marks: [[1, 99]], expected: [[1, 3]] },
  ] as Array<{ text: string; marks: Array<[number, number]>; expected: Array<[number, number]> }>)(
    'normalises $marks in $text',
    ({ text, marks, expected }) => {
      expect(normaliseMarks(text, marks)).toEqual(expected);
    },
  );
});

describe('boldMarks', () => {
  it.each([
    {
      text: 'Obama met Putin',
      marks: [
        [0, 5],
        [10, 15],
      ],
      expected: '*Obama* met *Putin*',
    },
    { text: 'no marks here', marks: [], expected: 'no marks here' },
    { text: 'A & B <x>', marks: [[0, 1]], expected: '*A* &amp; B &lt;x&gt;' },
    { text: '<!channel> said', marks: [[0, 10]], expected: '*&lt;!channel&gt;* said' },
  ] as Array<{ text: string; marks: Array<[number, number]>; expected: string }>)(
    'bolds $marks of $text',
    ({ text, marks, expected }) => {
      expect(boldMarks(text, marks)).toBe(expected);
    },
  );
});

describe('quoteWithMarks', () => {
  it('starts every line with > and pairs bold markers per line', () => {
    const text = 'first line obama\nputin second';
    // One mark spanning the line break: "obama\nputin".
    expect(quoteWithMarks(text, [[11, 22]])).toBe('>first line *obama*\n>*putin* second');
  });

  it('quotes empty lines as a bare >', () => {
    expect(quoteWithMarks('a\n\nb', [])).toBe('>a\n>\n>b');
  });
});

describe('plainTextFromSlack', () => {
  it.each([
    ['<@U0READOUT> obama putin', 'obama putin'],
    ['<@U0READOUT>', ''],
    ['obama &amp; putin &lt;syria&gt;', 'obama & putin <syria>'],
    ['see <https://example.org/x|the story>', 'see the story'],
    ['see <https://example.org/x>', 'see https://example.org/x'],
    ['in <#C123|newsdesk> now', 'in #newsdesk now'],
    ['<!here> summit', 'summit'],
    ['write <mailto:a@b.org|a@b.org>', 'write a@b.org'],
    ['  many   spaces  ', 'many spaces'],
  ])('reads %j as %j', (input, expected) => {
    expect(plainTextFromSlack(input)).toBe(expected);
  });
});

describe('plainTextFromSlack with what is not text', () => {
  it.each([[42], [null], [undefined], [['obama']], [{ text: 'obama' }]])('reads %j as no text', (value) => {
    expect(plainTextFromSlack(value)).toBe('');
  });
});

describe('clipText', () => {
  it('keeps short text as it is', () => {
    expect(clipText('short', 10)).toBe('short');
  });

  it('cuts at a word boundary and ends with an ellipsis', () => {
    const clipped = clipText('the quick brown fox jumps over the lazy dog', 20);
    expect(clipped.length).toBeLessThanOrEqual(20);
    expect(clipped).toBe('the quick brown fox…');
  });

  it('never splits a surrogate pair', () => {
    const clipped = clipText('😀😀😀😀😀😀', 4);
    expect(clipped.length).toBeLessThanOrEqual(4);
    expect(clipped).not.toMatch(/[\uD800-\uDBFF]…$/);
  });
});
