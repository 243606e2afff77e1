import { describe, expect, it } from 'vitest';
import { ArticleModel } from '../../../src/ingest/quotes/discourse.js';
import { compromiseKnowledge } from '../../../src/ingest/quotes/name-knowledge.js';
import { findQuotedSpans } from '../../../src/ingest/quotes/quote-marks.js';

function modelOf(paragraphs: string[]): ArticleModel {
  return new ArticleModel(paragraphs, findQuotedSpans(paragraphs), compromiseKnowledge());
}

/** The place of the last "he" in the last paragraph: the one a quotation's cue names. */
function lastHe(paragraphs: string[]) {
  const paragraph = paragraphs.length - 1;
  return { paragraph, offset: paragraphs[paragraph]!.lastIndexOf(' he ') + 1 };
}

describe('ArticleModel.antecedent', () => {
  it.each([
    ['the name in the sentence before', ['Radu Voss opened the port. "It works," he said.'], 'Radu Voss'],
    [
      'the name two sentences back',
      ['Radu Voss opened the port. The port cost ten million. "It works," he said.'],
      'Radu Voss',
    ],
    [
      'the name in the paragraph before',
      ['The port cost ten million, Radu Voss said.', '"It works," he said.'],
      'Radu Voss',
    ],
    [
      'a chain of "he", one a sentence, back to a name further away',
      ['Radu Voss opened the port. He said it was late. He added that it was costly. "It works," he said.'],
      'Radu Voss',
    ],
    [
      'the person after "Name noun role", not the name that modifies the role',
      ['Voss campaign director Tomas Berg spoke. "It works," he said.'],
      'Tomas Berg',
    ],
    [
      'the name before the quotation the pronoun attributes, however many sentences it has',
      ['Radu Voss opened the port. “Ships will dock. Cargo will move. Fees will fall,” he said.'],
      'Radu Voss',
    ],
  ])('finds %s', (_name, paragraphs, expected) => {
    expect(modelOf(paragraphs).antecedent('m', lastHe(paragraphs))?.name).toBe(expected);
  });

  it.each([
    [
      'a name three sentences back with no "he" between',
      ['Radu Voss opened the port. The port cost ten million. Ships came. "It works," he said.'],
    ],
    [
      'a chain that skips a sentence back to a name three sentences back',
      ['Radu Voss opened the port. Ships came. He said it was late. "It works," he said.'],
    ],
    [
      'a name three sentences back, counting those of another quotation',
      ['Radu Voss opened the port. “Ships will dock. Cargo will move.” Fees fell. “It works,” he said.'],
    ],
    ['a name two paragraphs back', ['Radu Voss opened the port.', 'Ships came.', '"It works," he said.']],
    ['only a woman before "he"', ['Ilse Brand opened the port. "It works," he said.']],
  ])('gives null, not a guess, for %s', (_name, paragraphs) => {
    expect(modelOf(paragraphs).antecedent('m', lastHe(paragraphs))).toBeNull();
  });
});

describe('ArticleModel.sentencesBack', () => {
  const paragraphs = ['Voss spoke. Ships came.', 'Trade grew. Prices fell.', 'Brand left.'];
  const model = modelOf(paragraphs);
  const at = (paragraph: number, word: string) => ({
    paragraph,
    offset: paragraphs[paragraph]!.indexOf(word),
  });

  it.each([
    ['in the same sentence', at(1, 'Prices'), at(1, 'fell'), 0],
    ['one sentence back in the paragraph', at(1, 'Trade'), at(1, 'Prices'), 1],
    ['across a paragraph break', at(0, 'Ships'), at(1, 'Trade'), 1],
    ['from the first sentence of the paragraph before', at(0, 'Voss'), at(1, 'Prices'), 3],
    ['more than a paragraph back', at(0, 'Voss'), at(2, 'Brand'), Number.POSITIVE_INFINITY],
    ['after the later place', at(2, 'Brand'), at(0, 'Voss'), Number.POSITIVE_INFINITY],
  ])('counts %s', (_name, earlier, later, expected) => {
    expect(model.sentencesBack(earlier, later)).toBe(expected);
  });

  it('does not count the sentences of the quotation closing at the later place', () => {
    const quoted = ['Voss spoke.', '“Ships dock. Cargo moves. Fees fall,” it said.'];
    const later = { paragraph: 1, offset: quoted[1]!.indexOf(' it ') + 1 };
    expect(modelOf(quoted).sentencesBack({ paragraph: 0, offset: 0 }, later)).toBe(1);
  });
});
