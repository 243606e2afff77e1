import { describe, expect, it } from 'vitest';
import { blockKitViolations } from '../../../src/slack/ui/limits.js';
import { renderHelp, usageText } from '../../../src/slack/ui/render-help.js';
import { activityLines, renderHome, statsLine } from '../../../src/slack/ui/render-home.js';

describe('statsLine', () => {
  it.each([
    {
      stats: {
        articles: 1234,
        passages: 56789,
        outlets: 1,
        lastReindexAt: '2025-11-21T15:02:00Z',
        reindexRun: 1,
      },
      expected:
        'The archive index holds 1,234 articles, 56,789 passages, 1 outlet; last re-indexed 21 Nov 2025, 15:02 UTC.',
    },
    {
      stats: { articles: 1, passages: 2, outlets: 1, lastReindexAt: null, reindexRun: 1 },
      expected: 'The archive index holds 1 article, 2 passages, 1 outlet; never re-indexed.',
    },
    {
      stats: { articles: 0, passages: 0, outlets: 0, lastReindexAt: null, reindexRun: 1 },
      expected: 'The index is empty: an admin needs to run `npm run reindex`.',
    },
    { stats: null, expected: 'Index statistics are unavailable right now.' },
  ])('says $expected', ({ stats, expected }) => {
    expect(statsLine(stats)).toBe(expected);
  });
});

describe('renderHome', () => {
  it('explains Readout, how to use it, and the index statistics', () => {
    const view = renderHome({ articles: 16, passages: 120, outlets: 4, lastReindexAt: null, reindexRun: 1 });
    const json = JSON.stringify(view);
    expect(view.type).toBe('home');
    expect(json).toContain('article archive');
    expect(json).toContain('/readout obama putin syria');
    expect(json).toContain('16 articles, 120 passages, 4 outlets');
  });
});

describe('activityLines', () => {
  it.each([
    [null, ['Saved searches and feedback are unavailable right now.']],
    [
      { savedSearches: 0, feedback: { up: 0, down: 0, disappointing: [] } },
      [
        '0 saved searches post new articles after each re-index.',
        'No answers rated yet: 👍 and 👎 are under every answer.',
      ],
    ],
    [
      {
        savedSearches: 1,
        feedback: { up: 3, down: 2, disappointing: [{ query: '<!here> ferry', down: 2, up: 1 }] },
      },
      [
        '1 saved search posts new articles after each re-index.',
        'Answers rated: 3 👍 · 2 👎.',
        'Searches that disappointed: “&lt;!here&gt; ferry” (2 👎, 1 👍).',
      ],
    ],
  ])('for %j says %j', (activity, lines) => {
    expect(activityLines(activity)).toEqual(lines);
  });
});

describe('usageText', () => {
  it.each([
    ['plain words', '/readout obama putin syria'],
    ['an exact phrase', '"peace talks"'],
    ['an exclusion', '-trump'],
    ['a source', 'source:tass'],
    ['a start date', 'after:2016-09-01'],
    ['an end date', 'before:2017'],
    ['a mention', '@Readout'],
    ['a saved search', '/readout watch ferry strike'],
    ['the saved searches', '/readout watching'],
    ['stopping one', '/readout unwatch 2'],
    ['the message shortcut', 'Search archive for this'],
    ['link previews', 'preview'],
    ['feedback', '👎'],
  ])('has an example of %s', (_name, example) => {
    expect(usageText()).toContain(example);
  });
});

describe('renderHelp', () => {
  it.each(['command', 'mention'] as const)('fits Block Kit for a %s', (origin) => {
    expect(blockKitViolations(renderHelp(origin))).toEqual([]);
  });
});
