import { describe, expect, it } from 'vitest';
import {
  articlesTimeCompatibility,
  type EventArticle,
  groupEvents,
  timeCompatibility,
} from '../../../src/search/compare/event-groups.js';

function article(id: number, words: string, extra: Partial<EventArticle> = {}): EventArticle {
  return {
    id,
    published: null,
    words: new Set(words.split(' ')),
    participants: new Set(),
    relevance: 1,
    ...extra,
  };
}

describe('timeCompatibility', () => {
  it.each([
    ['2016-04-18', '2016-04-19', 1],
    ['2016-04-18', '2016-04-23', 0.4],
    ['2016-04-18', '2016-04-25', 0],
    ['2016-04-18', '2017-04-18', 0],
    ['--04-18', '2016-04-19', 1],
    ['--11-21', '2016-04-16', 0],
    ['--12-31', '--01-01', 1],
    ['2016-04', '2016-04-18', 1],
    ['2016-05', '2016-04-18', 0],
    ['2016', '2016-04-18', 1],
    ['--04-18', '2016-04', 1],
    ['--04-18', '2016-05', 0],
    ['--04-18', '2016', 1],
    [null, '2016-04-18', 1],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(timeCompatibility(a, b)).toBeCloseTo(expected);
  });
});

describe('articlesTimeCompatibility', () => {
  it('places an undated article by the dates it mentions', () => {
    const dated = article(1, 'x', { published: '--11-21' });
    expect(articlesTimeCompatibility(dated, article(2, 'x', { mentioned: ['2016-04-16'] }))).toBe(0);
    expect(
      articlesTimeCompatibility(dated, article(3, 'x', { mentioned: ['2016-04-16', '2017-11-20'] })),
    ).toBe(1);
  });

  it('keeps an article with no date at all compatible with anything', () => {
    expect(articlesTimeCompatibility(article(1, 'x', { published: '2016-04-18' }), article(2, 'x'))).toBe(1);
  });

  it('reads the publication date before the mentioned ones', () => {
    const a = article(1, 'x', { published: '2016-04-18', mentioned: ['2016-11-21'] });
    expect(articlesTimeCompatibility(a, article(2, 'x', { published: '2016-11-21' }))).toBe(0);
  });
});

describe('groupEvents', () => {
  const weight = () => 1;

  it('groups articles sharing their words, the most relevant group first', () => {
    const groups = groupEvents(
      [
        article(1, 'obama putin call syria nusra', { relevance: 0.5 }),
        article(2, 'obama putin call syria humanitarian', { relevance: 1 }),
        article(3, 'merkel hollande summit paris budget', { relevance: 0.9 }),
      ],
      weight,
    );
    expect(groups.map((group) => group.articles)).toEqual([[2, 1], [3]]);
  });

  it('never joins articles published more than a week apart', () => {
    const groups = groupEvents(
      [
        article(1, 'obama putin call syria', { published: '2016-04-18' }),
        article(2, 'obama putin call syria', { published: '2016-09-05' }),
      ],
      weight,
    );
    expect(groups).toHaveLength(2);
  });

  it('does not let one article shared by two events chain them', () => {
    const groups = groupEvents(
      [
        article(1, 'a b c d e f'),
        article(2, 'a b c d e f'),
        article(3, 'd e f g h i'),
        article(4, 'g h i j k l'),
        article(5, 'g h i j k l'),
      ],
      weight,
    );
    expect(groups.find((group) => group.articles.includes(1))?.articles).not.toContain(4);
  });

  it('weighs rare words: sharing only common ones is not one event', () => {
    const rarity = (word: string) => (['said', 'people', 'year'].includes(word) ? 0.01 : 1);
    const groups = groupEvents(
      [article(1, 'said people year flood'), article(2, 'said people year election')],
      rarity,
    );
    expect(groups).toHaveLength(2);
  });

  it('returns nothing for no articles', () => {
    expect(groupEvents([], weight)).toEqual([]);
  });
});
