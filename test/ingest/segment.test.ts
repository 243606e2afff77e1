import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../src/ingest/segment.js';

const squeeze = (text: string) => text.replace(/\s+/gu, '');

const sentence = (n: number) =>
  `This is sentence number ${n} of a long paragraph about Obama and Putin discussing Syria.`;
const paragraphOf = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => sentence(from + i)).join(' ');

describe('segmentArticle', () => {
  it('makes each paragraph a passage, in order', () => {
    const first = paragraphOf(2);
    const second = paragraphOf(3, 2);
    expect(segmentArticle(`${first}\n\n${second}`)).toEqual([first, second]);
  });

  it('collapses whitespace inside a passage', () => {
    expect(
      segmentArticle(
        'Obama  spoke\nwith\tPutin on Monday about the ceasefire in Syria and the talks in Geneva.',
      ),
    ).toEqual(['Obama spoke with Putin on Monday about the ceasefire in Syria and the talks in Geneva.']);
  });

  it('cuts a long paragraph between sentences into chunks of about 400 to 900 characters', () => {
    const paragraph = paragraphOf(40);
    const passages = segmentArticle(paragraph);
    expect(passages.length).toBeGreaterThan(1);
    for (const passage of passages) {
      expect(passage.length).toBeGreaterThanOrEqual(400);
      expect(passage.length).toBeLessThanOrEqual(1000);
      expect(passage).toMatch(/^This is sentence number \d+ .*Syria\.$/);
    }
    expect(passages.join(' ')).toBe(paragraph);
  });

  it('does not cut a paragraph after an abbreviation', () => {
    const paragraph = Array.from(
      { length: 12 },
      (_, i) => `Talks number ${i} were held with Mr. Putin and Gen. Gerasimov of the U.S. Army.`,
    ).join(' ');
    for (const passage of segmentArticle(paragraph)) {
      expect(passage).not.toMatch(/(?:Mr|Gen|U\.S)\.$/);
      expect(passage).toMatch(/^Talks number/);
    }
  });

  it('keeps a paragraph of up to 700 characters whole', () => {
    const paragraph = paragraphOf(7);
    expect(paragraph.length).toBeLessThanOrEqual(700);
    expect(segmentArticle(paragraph)).toEqual([paragraph]);
  });

  it('keeps a single overlong sentence whole rather than cutting words', () => {
    const runOn = `Obama said ${'that the talks went on, '.repeat(40)}and ended.`;
    expect(segmentArticle(runOn)).toEqual([runOn]);
  });

  it.each([
    [
      'a tiny paragraph to the one before it',
      `${sentence(1)}\n\nISIS is an acronym.\n\n${sentence(2)}`,
      [`${sentence(1)}\nISIS is an acronym.`, sentence(2)],
    ],
    [
      'a tiny first paragraph to the one after it',
      `Other topics\n\n${sentence(1)}`,
      [`Other topics\n${sentence(1)}`],
    ],
    [
      'a tiny lead-in ending in a colon to the one after it',
      `${sentence(1)}\n\nObama said:\n\n${sentence(2)}`,
      [sentence(1), `Obama said:\n${sentence(2)}`],
    ],
    ['tiny paragraphs together when there is nothing else', 'One.\n\nTwo.', ['One.\nTwo.']],
  ])('joins %s, on a line of its own', (_case, body, passages) => {
    expect(segmentArticle(body)).toEqual(passages);
  });

  it.each([
    ['an empty body', ''],
    ['only whitespace', ' \n\n \t '],
  ])('gives no passage for %s', (_case, body) => {
    expect(segmentArticle(body)).toEqual([]);
  });

  it('never loses or reorders text', () => {
    const paragraph = fc
      .array(
        fc.constantFrom(
          'Mr. Putin spoke.',
          'Obama listened to the U.S. envoy.',
          '“Yes,” he said.',
          'ISIS.',
          'A long clause about the war in Syria and its neighbours, again and again,',
          'Sept. 5 came.',
        ),
        { minLength: 1, maxLength: 60 },
      )
      .map((sentences) => sentences.join(' '));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 8 }), (paragraphs) => {
        const body = paragraphs.join('\n\n');
        const passages = segmentArticle(body);
        expect(squeeze(passages.join(''))).toBe(squeeze(body));
        for (const passage of passages) {
          for (const line of passage.split('\n')) expect(line).toBe(line.replace(/\s+/g, ' ').trim());
        }
      }),
    );
  });
});
