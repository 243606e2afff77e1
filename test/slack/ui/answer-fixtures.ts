/**
 * Hand-written ReadoutAnswer objects for rendering tests: built field by field, so a renderer
 * test does not depend on the search engine.
 */
import type { InterpretedQuery, ReadoutAnswer, SearchHit } from '../../../src/search/answer.js';

export function interpretedQuery(overrides: Partial<InterpretedQuery> = {}): InterpretedQuery {
  return {
    text: 'obama putin',
    terms: ['obama', 'putin'],
    excluded: [],
    filters: { sources: [], speakers: [] },
    corrections: [],
    aliases: [],
    notes: [],
    ...overrides,
  };
}

export function searchHit(rank: number, overrides: Partial<SearchHit> = {}): SearchHit {
  const text = `Obama and Putin met in passage ${rank}.`;
  return {
    rank,
    score: 10 - rank,
    passageId: rank,
    articleId: rank,
    excerpt: {
      text,
      marks: [
        [0, 5],
        [10, 15],
      ],
    },
    titleMarks: [],
    article: {
      title: `Headline number ${rank}`,
      source: 'Sample Wire',
      author: 'Jane Doe',
      published: '2016-09-01',
      url: `https://example.org/story-${rank}`,
      file: `story-${rank}.md`,
    },
    alsoIn: [],
    ...overrides,
  };
}

export function resultsAnswer(overrides: Partial<ReadoutAnswer> = {}, hitCount = 3): ReadoutAnswer {
  const offset = overrides.offset ?? 0;
  return {
    kind: 'results',
    query: interpretedQuery(),
    hits: Array.from({ length: hitCount }, (_, index) => searchHit(offset + index + 1)),
    offset,
    limit: 5,
    ...overrides,
  };
}
