import { describe, expect, it } from 'vitest';
import { baselineQuotations } from '../../scripts/quotes/baseline.js';
import { parseParagraphLine } from '../../scripts/quotes/jsonl.js';
import {
  type GoldQuote,
  isUnnameable,
  type PredictedQuote,
  scoreQuotes,
  speakerIsRight,
  speakerTokens,
} from '../../scripts/quotes/scoring.js';
import { cleanEnv, runScript } from '../support/run-script.js';

/** `npm run quotes -- --jsonl /dev/stdin` as a real process (the compiled script), fed `input`. */
function runQuotes(input: string) {
  return runScript('scripts/quotes.ts', ['--jsonl', '/dev/stdin'], cleanEnv(), input);
}

describe('npm run quotes -- --jsonl FILE', () => {
  const lines = [
    { id: 'a:p0', doc: 'a', text: 'Harbour Minister Ilse Brand opened the new quay on Monday.' },
    { id: 'a:p1', doc: 'a', text: '“It took ten years,” she said. “Now the ships can come.”' },
    { id: 'a:p2', doc: 'a', text: 'The so-called "mega-quay" cost less than planned.' },
    { id: 'b:p0', doc: 'b', text: '"We won," said Tomas Berg, whose team won.' },
  ].map((line) => JSON.stringify(line));
  const input = [lines[0], lines[1], '{"id": "broken", "doc": ', lines[2], lines[3]].join('\n');

  it('prints one JSON line per input line, offsets matching the text, and exits 0', async () => {
    const { status, stdout, stderr } = await runQuotes(`${input}\n`);
    expect(status).toBe(0);
    const out = stdout.trimEnd().split('\n');
    expect(out).toHaveLength(5);
    const answers = out.map((line) => JSON.parse(line));
    expect(answers.map((answer) => answer.id)).toEqual(['a:p0', 'a:p1', null, 'a:p2', 'b:p0']);
    const texts = [lines[0], lines[1], null, lines[2], lines[3]].map((line) =>
      line ? JSON.parse(line).text : '',
    );
    answers.forEach((answer, index) => {
      for (const quote of answer.quotes) expect(texts[index]!.slice(quote.start, quote.end)).toBe(quote.text);
    });
    expect(answers[1].quotes.map((quote: { speaker: string }) => quote.speaker)).toEqual([
      'Ilse Brand',
      'Ilse Brand',
    ]);
    expect(answers[3].quotes).toEqual([]);
    expect(answers[4].quotes).toEqual([{ start: 1, end: 8, text: 'We won,', speaker: 'Tomas Berg' }]);
    expect(stderr).toMatch(/line 3/);
  });

  it('answers an empty input with nothing and exits 0', async () => {
    const { status, stdout } = await runQuotes('');
    expect(status).toBe(0);
    expect(stdout).toBe('');
  });
});

describe('parseParagraphLine', () => {
  it.each([
    ['{"id":"x","doc":"d","text":"Hi."}', true],
    ['{"id":7,"text":"Hi."}', true],
    ['{"id":"x"}', false],
    ['[1,2]', false],
    ['', false],
    ['not json', false],
  ])('reads %j as ok: %s', (line, ok) => {
    expect(parseParagraphLine(line).ok).toBe(ok);
  });
});

describe('speakerTokens and speakerIsRight', () => {
  const gold = (speaker: string | null, resolved: string | null = null): GoldQuote => ({
    start: 0,
    end: 1,
    speaker,
    speaker_resolved: resolved,
  });

  it.each([
    ['Mr. Obama', ['obama']],
    ['the president', ['president']],
    ['Sen. Claire McCaskill (D-Mo.)', ['claire', 'mccaskill', 'mo']],
    ['he', []],
  ])('takes the identifying words of %j', (name, tokens) => {
    expect(speakerTokens(name)).toEqual(tokens);
  });

  it.each([
    ['Barack Obama', gold('Mr. Obama'), true],
    ['Barack Obama', gold('he', 'Obama'), true],
    ['Donald Trump', gold('he', 'Obama'), false],
    [null, gold('Obama'), false],
    [null, gold(null), true],
    ['Obama', gold(null), false],
    ['the president', gold('The President'), true],
  ])('judges %j against %j: %s', (predicted, goldQuote, right) => {
    expect(speakerIsRight(predicted, goldQuote)).toBe(right);
  });

  it.each([
    [null, gold('he'), true, false],
    [null, gold('She '), true, false],
    [null, gold('it'), true, false],
    ['Barack Obama', gold('he'), false, false],
    [null, gold('he', 'Obama'), false, false],
    ['Barack Obama', gold('he', 'Obama'), true, true],
    [null, gold('the president'), false, false],
  ])('judges %j against %j: %s by the project rule, %s strictly', (predicted, goldQuote, project, strict) => {
    expect(speakerIsRight(predicted, goldQuote, 'project')).toBe(project);
    expect(speakerIsRight(predicted, goldQuote, 'strict')).toBe(strict);
  });

  it.each([
    [gold('he'), true],
    [gold('They'), true],
    [gold('he', 'Obama'), false],
    [gold('the president'), false],
    [gold('Hebert'), false],
    [gold(null), false],
  ])('tells whether %j is unnameable: %s', (goldQuote, unnameable) => {
    expect(isUnnameable(goldQuote)).toBe(unnameable);
  });
});

describe('scoreQuotes', () => {
  const g = (start: number, end: number, speaker: string | null): GoldQuote => ({ start, end, speaker });
  const p = (start: number, end: number, speaker: string | null): PredictedQuote => ({ start, end, speaker });

  it.each([
    [
      'a perfect answer',
      [g(0, 10, 'Obama')],
      [p(0, 10, 'Barack Obama')],
      { matched: 1, attributed: 1, x: 1, a: 1, e: 1 },
    ],
    [
      'an overlapping span with the wrong speaker',
      [g(0, 10, 'Obama')],
      [p(5, 20, 'Putin')],
      { matched: 1, attributed: 0, x: 1, a: 0, e: 0 },
    ],
    [
      'a miss and a false alarm',
      [g(0, 10, 'Obama')],
      [p(20, 30, 'Obama')],
      { matched: 0, attributed: 0, x: 0, a: 0, e: 0 },
    ],
    [
      'one prediction covering two gold spans',
      [g(0, 10, 'Lund'), g(12, 20, 'Lund')],
      [p(0, 20, 'Lund')],
      { matched: 1, attributed: 1, x: 2 / 3, a: 1, e: 2 / 3 },
    ],
  ])('scores %s', (_name, gold, predicted, expected) => {
    const score = scoreQuotes(new Map([['p0', gold]]), new Map([['p0', predicted]]));
    expect(score.matched).toBe(expected.matched);
    expect(score.attributed).toBe(expected.attributed);
    expect(score.extraction.f1).toBeCloseTo(expected.x);
    expect(score.attribution).toBeCloseTo(expected.a);
    expect(score.endToEnd.f1).toBeCloseTo(expected.e);
  });

  it('scores a null speaker for an unresolved pronoun right by the project rule only', () => {
    const score = scoreQuotes(
      new Map([['p0', [g(0, 10, 'she'), g(20, 30, 'Lund')]]]),
      new Map([['p0', [p(0, 10, null), p(20, 30, 'Ada Lund')]]]),
    );
    expect(score).toMatchObject({ matched: 2, attributed: 2, unnameable: 1 });
    expect(score.attribution).toBe(1);
    expect(score.strict.attributed).toBe(1);
    expect(score.strict.attribution).toBe(0.5);
    expect(score.strict.endToEnd.f1).toBeCloseTo(0.5);
  });

  it('counts paragraphs missing from the predictions as predicting nothing', () => {
    const score = scoreQuotes(new Map([['p0', [g(0, 5, 'A')]]]), new Map());
    expect(score).toMatchObject({ gold: 1, predicted: 0, matched: 0 });
    expect(score.extraction.recall).toBe(0);
  });
});

describe('baselineQuotations', () => {
  it.each([
    ['"We won," Smith said.', [{ start: 1, end: 8, speaker: 'Smith' }]],
    ['Jones said “it is over” today.', [{ start: 12, end: 22, speaker: 'Jones' }]],
    ['"We won," he said.', [{ start: 1, end: 8, speaker: null }]],
    ['No quotation here.', []],
  ])('reads %j', (text, expected) => {
    expect(baselineQuotations(text)).toEqual(expected);
  });
});
