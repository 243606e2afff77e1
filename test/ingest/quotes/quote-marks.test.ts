import { describe, expect, it } from 'vitest';
import { findQuotedSpans } from '../../../src/ingest/quotes/quote-marks.js';

/** The quoted words of each span, as [paragraph, words, continues]. */
function quoted(paragraphs: string[]): Array<[number, string, boolean]> {
  return findQuotedSpans(paragraphs).map((span) => [
    span.paragraph,
    paragraphs[span.paragraph]!.slice(span.start, span.end),
    span.continues,
  ]);
}

describe('findQuotedSpans', () => {
  it.each([
    ['straight double quotes', '"We won," Ada Lund said. "It was close."', ['We won,', 'It was close.']],
    ['curly double quotes', '“We won,” Ada Lund said.', ['We won,']],
    ['guillemets', '«Nous avons gagné», a dit Ada Lund.', ['Nous avons gagné']],
    ['German low-high quotes', '„Wir haben gewonnen“, sagte Ada Lund.', ['Wir haben gewonnen']],
    ['typewriter double apostrophes', "''We won,'' Ada Lund said.", ['We won,']],
    ['single curly quotes as the only marks', 'Lund hails ‘some progress’ on talks', ['some progress']],
    ['straight single quotes as the only marks', "Lund hails 'some progress' on talks", ['some progress']],
  ])('pairs %s', (_name, text, expected) => {
    expect(quoted([text]).map(([, words]) => words)).toEqual(expected);
  });

  it('keeps a quotation inside a quotation in its words', () => {
    expect(quoted(['"She told me, \'never again,\' and left," Lund said.'])).toEqual([
      [0, "She told me, 'never again,' and left,", false],
    ]);
  });

  it('keeps curly quotes nested in curly quotes inside the outer quotation', () => {
    expect(quoted(['“Dunn urged the “moderate” rebels to leave”, the ministry said.'])).toEqual([
      [0, 'Dunn urged the “moderate” rebels to leave', false],
    ]);
  });

  it.each([
    ['apostrophes', "Don't touch Lund's car, it's the '90s model, rock 'n' roll."],
    ['inch and foot marks', 'He is 6\'2" tall and laid a 12" pipe.'],
    ['a lone opener', 'The “Blue Line was never built.'],
    ['a lone closer', 'The Blue Line” was never built.'],
  ])('finds no quotation in %s', (_name, text) => {
    expect(quoted([text])).toEqual([]);
  });

  it('lets the pairs inside a never-closed quotation stand on their own', () => {
    expect(quoted(['The “Blue Line plan and the “Red Line” plan failed.']).map(([, words]) => words)).toEqual(
      ['Red Line'],
    );
  });

  it('runs a quotation on into the next paragraph that opens again', () => {
    expect(quoted(['“First we build the bridge.', '“Then the road,” Lund said.'])).toEqual([
      [0, 'First we build the bridge.', true],
      [1, 'Then the road,', false],
    ]);
  });

  it('drops an unclosed quotation when the next paragraph does not open again', () => {
    expect(quoted(['“First we build the bridge.', 'Then came the road.'])).toEqual([]);
  });
});
