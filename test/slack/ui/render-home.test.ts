import { describe, expect, it } from 'vitest';
import { blockKitViolations } from '../../../src/slack/ui/limits.js';
import { renderHelp, usageText } from '../../../src/slack/ui/render-help.js';
import { renderHome, statsLine } from '../../../src/slack/ui/render-home.js';

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

describe('usageText', () => {
  it.each([
    ['plain words', '/readout obama putin syria'],
    ['an exact phrase', '"peace talks"'],
    ['an exclusion', '-trump'],
    ['a source', 'source:tass'],
    ['a start date', 'after:2016-09-01'],
    ['an end date', 'before:2017'],
    ['a mention', '@Readout'],
  ])('has an example of %s', (_name, example) => {
    expect(usageText()).toContain(example);
  });
});

describe('renderHelp', () => {
  it.each(['command', 'mention'] as const)('fits Block Kit for a %s', (origin) => {
    expect(blockKitViolations(renderHelp(origin))).toEqual([]);
  });
});
