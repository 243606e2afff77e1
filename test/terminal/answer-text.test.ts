import { describe, expect, it } from 'vitest';
import { attributionLine, plainStyle, renderAnswerText } from '../../src/terminal/answer-text.js';
import { interpretedQuery, resultsAnswer, searchHit } from '../slack/ui/answer-fixtures.js';

const longText =
  'Obama and Putin met on the sidelines of the summit and spoke for ninety minutes about the ceasefire.';

describe('attributionLine', () => {
  it.each([
    [
      searchHit(1),
      '"Headline number 1" — Sample Wire, 1 Sep 2016, by Jane Doe · https://example.org/story-1 · story-1.md',
    ],
    [
      searchHit(2, {
        article: { title: 'T', source: null, author: null, published: null, url: null, file: 'f.txt' },
      }),
      '"T" · f.txt',
    ],
    [
      searchHit(3, { quote: { text: 'We will', speaker: 'Barack Obama', cue: 'said', start: 0, end: 5 } }),
      '— Barack Obama, in "Headline number 3" — Sample Wire, 1 Sep 2016, by Jane Doe · https://example.org/story-3 · story-3.md',
    ],
  ])('attributes hit %#', (hit, expected) => {
    expect(attributionLine(hit)).toBe(expected);
  });
});

describe('renderAnswerText', () => {
  const answer = resultsAnswer({
    hits: [searchHit(1, { excerpt: { text: longText, marks: [[0, 5]] } }), searchHit(10)],
    nextOffset: 5,
  });

  it('keeps each passage on one line without a width (a pipe)', () => {
    expect(renderAnswerText(answer, plainStyle).split('\n')).toEqual([
      '',
      `1. **Obama**${longText.slice(5)}`,
      '   "Headline number 1" — Sample Wire, 1 Sep 2016, by Jane Doe · https://example.org/story-1 · story-1.md',
      '',
      '10. **Obama** and **Putin** met in passage 10.',
      '   "Headline number 10" — Sample Wire, 1 Sep 2016, by Jane Doe · https://example.org/story-10 · story-10.md',
      '',
      'more results: --offset 5',
    ]);
  });

  it('wraps passages under their first word and attributions under their indent', () => {
    const lines = renderAnswerText(answer, { ...plainStyle, width: 50 }).split('\n');
    expect(lines).toEqual([
      '',
      '1. **Obama** and Putin met on the sidelines of the',
      '   summit and spoke for ninety minutes about the',
      '   ceasefire.',
      '   "Headline number 1" — Sample Wire, 1 Sep 2016,',
      '   by Jane Doe · https://example.org/story-1 ·',
      '   story-1.md',
      '',
      '10. **Obama** and **Putin** met in passage 10.',
      '   "Headline number 10" — Sample Wire, 1 Sep 2016,',
      '   by Jane Doe · https://example.org/story-10 ·',
      '   story-10.md',
      '',
      'more results: --offset 5',
    ]);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(50);
  });

  it('says when nothing was found', () => {
    const none = resultsAnswer({ query: interpretedQuery({ text: 'zzz' }) }, 0);
    expect(renderAnswerText(none, plainStyle)).toBe('no passages found for: zzz');
  });
});
