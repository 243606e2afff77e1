/**
 * Quote-first excerpts: when a passage holds a direct quotation that carries the matched words
 * (or the quotation of the speaker asked for with `who:`), the excerpt is that quotation with the
 * sentence it stands in, so the attribution clause ("…," Obama said) comes with it.
 */
import type { StoredQuotation } from '../index/reader.js';
import type { Excerpt } from './answer.js';
import { cutExcerpt, type Mark, type Span, sentenceSpans, trimAround } from './excerpt.js';

/** Distinct matched words (by their text) inside `span`. */
export function distinctMarksIn(text: string, marks: Mark[], span: Span): number {
  const inside = marks.filter(([start, end]) => start >= span.start && end <= span.end);
  return new Set(inside.map(([start, end]) => text.slice(start, end).toLowerCase())).size;
}

/**
 * The quotation to show for a passage: among `quotations` (already narrowed to the speakers asked
 * for, if any), the one holding the most distinct matched words; the first on a tie. With
 * `atLeast`, only a quotation holding at least that many distinct matched words (and one or more)
 * is returned.
 */
export function chooseQuotation(
  text: string,
  marks: Mark[],
  quotations: StoredQuotation[],
  atLeast = 0,
): StoredQuotation | undefined {
  let best: { quotation: StoredQuotation; count: number } | undefined;
  for (const quotation of quotations) {
    const count = distinctMarksIn(text, marks, quotation);
    if (!best || count > best.count) best = { quotation, count };
  }
  if (!best || best.count < atLeast || (atLeast > 0 && best.count === 0)) return undefined;
  return best.quotation;
}

/** A quotation to excerpt: its span in the passage and its speech cue ("said"), if known. */
export interface QuotedSpan extends Span {
  cue?: string | null;
}

/** The sentences that `spans` stand in, as one span from the first to the last. */
function coveringSentences(sentences: Span[], spans: Span[]): Span {
  const start = Math.min(...spans.map((span) => span.start));
  const end = Math.max(...spans.map((span) => span.end));
  const covering = sentences.filter((sentence) => sentence.end > start && sentence.start < end);
  return covering.length > 0 ? { start: covering[0]!.start, end: covering.at(-1)!.end } : { start, end };
}

/** A short sentence right after `span` that carries the cue ("Putin said on Tuesday."). */
function attributionAfter(text: string, sentences: Span[], span: Span, cue: string | null | undefined): Span {
  if (!cue) return span;
  const next = sentences.find((sentence) => sentence.start >= span.end);
  if (!next || next.end - next.start > 80) return span;
  const words = text.slice(next.start, next.end).toLowerCase();
  return words.includes(cue.toLowerCase().split(' ')[0]!) ? { start: span.start, end: next.end } : span;
}

/**
 * The excerpt for quotations of `text`: the sentences they stand in (with a short sentence after
 * them that gives the attribution), all of `quotations` when they fit in `maxChars`, else the
 * first one alone, trimmed around its matched words (or its start) when even that is too long.
 * Returns the excerpt and the first quotation's offsets in it (clipped to what is shown).
 *
 * @example buildQuoteExcerpt('Talks went on. "We will not lift sanctions," Obama said.', [], [{ start: 16, end: 41 }])
 */
export function buildQuoteExcerpt(
  text: string,
  marks: Mark[],
  quotations: [QuotedSpan, ...QuotedSpan[]],
  maxChars = 300,
): { excerpt: Excerpt; quote: [number, number] } {
  const first = quotations[0];
  // Room for the '… ' and ' …' that mark left-out text.
  const budget = maxChars - 4;
  const sentences = sentenceSpans(text);
  const fits = (span: Span) => span.end - span.start <= budget;
  const all = attributionAfter(
    text,
    sentences,
    coveringSentences(sentences, quotations),
    quotations.at(-1)!.cue,
  );
  const one = attributionAfter(text, sentences, coveringSentences(sentences, [first]), first.cue);
  let chosen: Span;
  if (fits(all)) chosen = all;
  else if (fits(one)) chosen = one;
  else {
    const inside = marks.filter(([start, end]) => start >= first.start && end <= first.end);
    const focus =
      inside.length > 0
        ? { start: inside[0]![0], end: inside.at(-1)![1] }
        : { start: first.start, end: Math.min(first.end, first.start + budget) };
    chosen = trimAround(text, one, focus, budget);
  }
  const { excerpt, shift } = cutExcerpt(text, marks, chosen);
  const start = Math.max(first.start, chosen.start) + shift;
  const end = Math.min(first.end, chosen.end) + shift;
  return { excerpt, quote: [start, Math.max(start, end)] };
}
