import { describe, expect, it } from 'vitest';
import { linkVariants } from '../../src/search/article-links.js';
import { passesRunScope } from '../../src/search/filters.js';

describe('linkVariants', () => {
  it.each([
    ['https://example.org/a/b', 'http://www.example.org/a/b/'],
    ['http://www.example.org/a/b/', 'https://example.org/a/b'],
    ['https://example.org/a?utm_source=slack&id=3#top', 'https://example.org/a?id=3'],
    ['https://example.org', 'https://example.org/'],
    ['https://example.org:8443/x', 'https://www.example.org:8443/x'],
  ])('finds %s stored as %s', (posted, stored) => {
    expect(linkVariants(posted)).toContain(stored);
  });

  it('keeps the link as posted first', () => {
    expect(linkVariants(' https://example.org/a?b=1 ')[0]).toBe('https://example.org/a?b=1');
  });

  it('keeps parameters that choose the page', () => {
    expect(linkVariants('https://example.org/story?id=7')).not.toContain('https://example.org/story');
  });

  it.each(['mailto:desk@example.org', 'javascript:alert(1)', 'not a link', ''])(
    'gives nothing for %j',
    (link) => {
      expect(linkVariants(link)).toEqual([]);
    },
  );
});

describe('passesRunScope', () => {
  it.each([
    [3, undefined, true],
    [5, { afterRun: 4 }, true],
    [4, { afterRun: 4 }, false],
    [0, { afterRun: 0 }, false],
    [6, { afterRun: 4, throughRun: 5 }, false],
    [5, { afterRun: 4, throughRun: 5 }, true],
  ])('article of run %d in scope %j: %s', (run, scope, expected) => {
    expect(passesRunScope(run, scope)).toBe(expected);
  });
});
