/**
 * Splitting an article body into passages, the unit Readout searches and quotes.
 *
 * A passage is a paragraph; a long paragraph is cut between sentences into chunks of a few
 * hundred characters, and a tiny paragraph (a subhead, a one-line caption) joins a neighbour so
 * every passage can stand as a quote. Text is never dropped or reordered.
 */

import { splitSentences } from '../text/sentences.js';
import { collapseWhitespace } from '../text/whitespace.js';

/**
 * Paragraphs longer than this (about 200 words) are cut between sentences. An ordinary news
 * paragraph stays whole: it is the natural unit of a quote, and excerpts trim to the best
 * sentences anyway.
 */
const longParagraph = 1200;
/** Chunks of a cut paragraph aim at this range. */
const chunkMinimum = 400;
const chunkMaximum = 900;
/** Passages shorter than this join a neighbour. */
const tinyPassage = 80;

/** Cuts a long paragraph between sentences into chunks of similar size, about 250–600 characters. */
function chunkParagraph(paragraph: string): string[] {
  const sentences = splitSentences(paragraph);
  // Aim at equal chunks rather than filling each to the maximum and leaving a stub at the end.
  const target = Math.max(chunkMinimum, paragraph.length / Math.ceil(paragraph.length / chunkMaximum));
  const chunks: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    const joined = current === '' ? sentence : `${current} ${sentence}`;
    if (current !== '' && joined.length > chunkMaximum && current.length >= chunkMinimum) {
      chunks.push(current);
      current = sentence;
    } else {
      current = joined;
    }
    if (current.length >= target) {
      chunks.push(current);
      current = '';
    }
  }
  if (current !== '') {
    const last = chunks.at(-1);
    // A short remainder joins the chunk before it while that stays a reasonable quote.
    if (last !== undefined && current.length < chunkMinimum && last.length + current.length < longParagraph) {
      chunks[chunks.length - 1] = `${last} ${current}`;
    } else {
      chunks.push(current);
    }
  }
  return chunks;
}

/**
 * Joins each passage shorter than `tinyPassage` to a neighbour: the next one after a colon, else
 * the previous. They were separate paragraphs, so a line break stays between them: a subhead
 * must not run into the next sentence in a quote.
 */
function mergeTinyPassages(passages: string[]): string[] {
  const merged = [...passages];
  for (let i = 0; merged.length > 1 && i < merged.length; ) {
    const passage = merged[i]!;
    if (passage.length >= tinyPassage) {
      i++;
      continue;
    }
    const intoNext = i === 0 || /:$/.test(passage);
    if (intoNext && i + 1 < merged.length) {
      merged.splice(i, 2, `${passage}\n${merged[i + 1]}`);
    } else {
      merged.splice(i - 1, 2, `${merged[i - 1]}\n${passage}`);
      i--;
    }
  }
  return merged;
}

/**
 * Splits an article body (paragraphs separated by blank lines) into passages, in order:
 * paragraph-sized, long paragraphs cut between sentences, tiny ones joined to a neighbour on a
 * line of their own, whitespace inside each paragraph collapsed to single spaces.
 *
 * @example segmentArticle('First paragraph…\n\nSecond paragraph…') // ['First paragraph…', 'Second paragraph…']
 */
export function segmentArticle(body: string): string[] {
  const paragraphs = body
    .split(/\n\s*\n/)
    // The loaders hand over clean paragraphs: replacing regardless cost a tenth of preparing a file.
    .map(collapseWhitespace)
    .filter((paragraph) => paragraph !== '');
  const passages = paragraphs.flatMap((paragraph) =>
    paragraph.length > longParagraph ? chunkParagraph(paragraph) : [paragraph],
  );
  return mergeTinyPassages(passages);
}
