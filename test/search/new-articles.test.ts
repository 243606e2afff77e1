import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../src/search/answer.js';
import { articleKey, newArticles } from '../../src/search/new-articles.js';
import { searchHit } from '../slack/ui/answer-fixtures.js';

function hit(
  rank: number,
  article: Partial<SearchHit['article']>,
  extra: Partial<SearchHit> = {},
): SearchHit {
  const base = searchHit(rank);
  return { ...base, ...extra, article: { ...base.article, ...article } };
}

describe('articleKey', () => {
  it.each([
    [{ url: 'http://www.example.org/a/?utm_source=x', file: 'a.md', title: 'A' }, 'https://example.org/a'],
    [{ url: 'https://example.org/a', file: 'b.md', title: 'B' }, 'https://example.org/a'],
    [{ url: null, file: 'wire/2024.jsonl', title: 'Port reopens' }, 'wire/2024.jsonl#Port reopens'],
    [{ url: 'javascript:alert(1)', file: 'c.md', title: 'C' }, 'c.md#C'],
  ])('knows %j as %s', (article, key) => {
    expect(articleKey(article)).toBe(key);
  });
});

describe('newArticles', () => {
  it('makes one item per article, with its best passage, in rank order', () => {
    const items = newArticles(
      [hit(1, {}, { articleId: 7 }), hit(2, {}, { articleId: 8 }), hit(3, {}, { articleId: 7 })],
      new Set(),
    );
    expect(items.map((item) => [item.hit.rank, item.hit.articleId])).toEqual([
      [1, 7],
      [2, 8],
    ]);
  });

  it('collapses a syndicated copy into the first item and names its outlet', () => {
    const items = newArticles(
      [
        hit(
          1,
          { source: 'Harbour Gazette', url: 'https://a.example/1' },
          { articleId: 1, alsoIn: ['Coast Wire'] },
        ),
        hit(
          2,
          { source: 'Coast Wire', url: 'https://b.example/1' },
          { articleId: 2, alsoIn: ['Harbour Gazette', 'Third Post'] },
        ),
      ],
      new Set(),
    );
    expect(items).toHaveLength(1);
    expect(items[0]!.keys).toEqual(['https://a.example/1', 'https://b.example/1']);
    expect(items[0]!.alsoIn).toEqual(['Coast Wire', 'Third Post']);
  });

  it('keeps a story from the same outlet published on another day apart', () => {
    const items = newArticles(
      [
        hit(
          1,
          { source: 'Harbour Gazette', published: '2024-05-01' },
          { articleId: 1, alsoIn: ['Coast Wire'] },
        ),
        hit(2, { source: 'Coast Wire', published: '2024-05-09' }, { articleId: 2 }),
      ],
      new Set(),
    );
    expect(items).toHaveLength(2);
  });

  it('leaves out articles announced before, copies included', () => {
    const items = newArticles(
      [
        hit(
          1,
          { source: 'Harbour Gazette', url: 'https://a.example/1' },
          { articleId: 1, alsoIn: ['Coast Wire'] },
        ),
        hit(2, { source: 'Coast Wire', url: 'https://b.example/1' }, { articleId: 2 }),
        hit(3, { url: 'https://c.example/3' }, { articleId: 3 }),
      ],
      new Set(['https://b.example/1']),
    );
    expect(items.map((item) => item.keys)).toEqual([['https://c.example/3']]);
  });

  it('has nothing to announce when nothing matched', () => {
    expect(newArticles([], new Set())).toEqual([]);
  });
});
