/**
 * Excerpts: the sentence or two of a passage that best match the query, quoted verbatim.
 *
 * FTS5's highlight() marks exactly the tokens it matched (stemming, phrases and aliases
 * included) with two control characters; `parseHighlighted` turns that into plain text plus
 * [start, end) ranges, and `buildExcerpt` picks whole sentences (never cutting a word) within a
 * length budget, with '…' wherever text was left out.
 */

import { splitSentences } from '../text/sentences.js';
import type { Excerpt } from './answer.js';

export type Mark = [number, number];

export const markStart = '\u0002';
export const markEnd = '\u0003';

/** `parseHighlighted('a \u0002b\u0003 c')` → { text: 'a b c', marks: [[2, 3]] } */
export function parseHighlighted(highlighted: string): Excerpt {
  let text = '';
  const marks: Mark[] = [];
  let openAt = -1;
  for (const char of highlighted) {
    if (char === markStart) openAt = text.length;
    else if (char === markEnd) {
      if (openAt >= 0 && text.length > openAt) marks.push([openAt, text.length]);
      openAt = -1;
    } else text += char;
  }
  return { text, marks: mergeMarks(marks) };
}

/** Joins touching or overlapping ranges ("Islamic" + "State" of one phrase stay two marks). */
function mergeMarks(marks: Mark[]): Mark[] {
  const sorted = [...marks].sort((a, b) => a[0] - b[0]);
  const merged: Mark[] = [];
  for (const mark of sorted) {
    const last = merged.at(-1);
    if (last && mark[0] <= last[1]) last[1] = Math.max(last[1], mark[1]);
    else merged.push([mark[0], mark[1]]);
  }
  return merged;
}

export interface Span {
  start: number;
  end: number;
}

/** Sentence spans of `text` (offsets), trimmed of surrounding whitespace. */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let cursor = 0;
  for (const sentence of splitSentences(text)) {
    const trimmed = sentence.trim();
    if (!trimmed) continue;
    const start = text.indexOf(trimmed, cursor);
    if (start < 0) continue;
    spans.push({ start, end: start + trimmed.length });
    cursor = start + trimmed.length;
  }
  return spans.length > 0 ? spans : [{ start: 0, end: text.length }];
}

/**
 * How a matched word counts in choosing sentences: the query term it belongs to (`negotiations`
 * and `negotiate` are one) and that term's weight (rarer words weigh more).
 */
export type MarkWeight = (word: string) => { term: string; weight: number };

const everyWordAlike: MarkWeight = (word) => ({ term: word.toLowerCase(), weight: 1 });

/** Distinct query terms in the span, by weight; then how many matches. */
function scoreSpan(text: string, marks: Mark[], span: Span, markWeight: MarkWeight): number {
  const inside = marks.filter(([s, e]) => s >= span.start && e <= span.end);
  const terms = new Map(inside.map(([s, e]) => markWeight(text.slice(s, e))).map((t) => [t.term, t.weight]));
  let weight = 0;
  for (const termWeight of terms.values()) weight += termWeight;
  return Math.round(weight * 1000) + inside.length * 10;
}

/** Cuts `text` to about `budget` characters around `focus`, at word boundaries. */
export function trimAround(text: string, span: Span, focus: Span, budget: number): Span {
  if (span.end - span.start <= budget) return span;
  const focusLength = Math.min(focus.end - focus.start, budget);
  const slack = budget - focusLength;
  let start = Math.max(span.start, focus.start - Math.floor(slack / 3));
  let end = Math.min(span.end, start + budget);
  start = Math.max(span.start, end - budget);
  // Move inwards to whitespace so no word is cut.
  if (start > span.start) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < end) start = space + 1;
  }
  if (end < span.end) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  return { start, end };
}

/**
 * Picks the best one or two consecutive sentences within `maxChars`: those holding the most of
 * the query's words, rarer words counting more (`markWeight`), then the most matches; a single
 * sentence longer than that is trimmed around its matches. `marks` are offsets into `text`.
 */
export function buildExcerpt(
  text: string,
  marks: Mark[],
  maxChars = 300,
  markWeight: MarkWeight = everyWordAlike,
): Excerpt {
  if (text.length <= maxChars) return { text, marks };
  // Room for the '… ' and ' …' that mark left-out text.
  const budget = maxChars - 4;
  const sentences = sentenceSpans(text);
  let best: { span: Span; score: number } | undefined;
  for (let i = 0; i < sentences.length; i++) {
    for (let count = 1; count <= 2 && i + count <= sentences.length; count++) {
      const span = { start: sentences[i]!.start, end: sentences[i + count - 1]!.end };
      if (span.end - span.start > budget) continue;
      const score = scoreSpan(text, marks, span, markWeight) + (span.end - span.start) / budget;
      if (!best || score > best.score) best = { span, score };
    }
  }
  const bestSentence = sentences
    .map((span) => ({ span, score: scoreSpan(text, marks, span, markWeight) }))
    .reduce((a, b) => (b.score > a.score ? b : a));
  let chosen: Span;
  if (best && Math.floor(best.score / 10) >= Math.floor(bestSentence.score / 10)) {
    chosen = best.span;
  } else {
    // The best sentence alone is too long: keep the stretch around its first matches.
    const inside = marks.filter(([s, e]) => s >= bestSentence.span.start && e <= bestSentence.span.end);
    const focus = inside.length > 0 ? { start: inside[0]![0], end: inside.at(-1)![1] } : bestSentence.span;
    chosen = trimAround(text, bestSentence.span, focus, budget);
  }
  return cutExcerpt(text, marks, chosen).excerpt;
}

/**
 * The excerpt of `text` between `chosen`'s offsets, with '…' where text was left out, and the
 * shift that maps an offset of `text` to one of the excerpt.
 */
export function cutExcerpt(text: string, marks: Mark[], chosen: Span): { excerpt: Excerpt; shift: number } {
  const prefix = chosen.start > 0 ? '… ' : '';
  const suffix = chosen.end < text.length ? ' …' : '';
  const shift = prefix.length - chosen.start;
  return {
    excerpt: {
      text: `${prefix}${text.slice(chosen.start, chosen.end)}${suffix}`,
      marks: marks
        .filter(([s, e]) => s >= chosen.start && e <= chosen.end)
        .map(([s, e]) => [s + shift, e + shift]),
    },
    shift,
  };
}
