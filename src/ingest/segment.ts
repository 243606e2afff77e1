/**
 * Splitting an article body into passages, the unit Readout searches and quotes.
 *
 * A passage is a paragraph; a long paragraph is cut between sentences into chunks of a few
 * hundred characters, and a tiny paragraph (a subhead, a one-line caption) joins a neighbour so
 * every passage can stand as a quote. Text is never dropped or reordered.
 */

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

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Titles and other abbreviations after which a sentence does not end. */
// biome-ignore format: a word list
const abbreviations = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'cpl',
  'gov', 'sen', 'rep', 'pres', 'amb', 'rev', 'hon', 'fr', 'sr', 'st', 'mt', 'ft', 'gens', 'sens', 'reps',
  'inc', 'corp', 'co', 'ltd', 'bros', 'dept', 'univ', 'assn', 'vs', 'v', 'approx', 'est', 'ca', 'cf', 'al',
  'e.g', 'i.e', 'a.m', 'p.m',
]);

/** Abbreviations that end a sentence unless a number follows ('Sept. 5', 'No. 1', 'Art. 3'). */
// biome-ignore format: a word list
const abbreviationsBeforeNumbers = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'nos', 'art',
  'vol', 'p', 'pp', 'fig', 'ch', 'para', 'sec',
]);

/**
 * Whether the sentence segmenter's break after `before` is false: the text before it ends with
 * an abbreviation or an initial, not a sentence.
 */
function isFalseBreak(before: string, after: string): boolean {
  const word = /(?:^|[\s(“"‘'[—–-])([\p{L}.]*\p{L})\.$/u.exec(before)?.[1];
  if (word === undefined) return false;
  const key = word.toLowerCase();
  if (abbreviations.has(key)) return true;
  if (abbreviationsBeforeNumbers.has(key)) return /^\d/.test(after);
  // An initial ('J. Doe') or a dotted abbreviation ('U.S. Navy', 'U.N. envoy').
  return /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

/**
 * Splits text into sentences with `Intl.Segmenter`, mending the breaks it makes after
 * abbreviations ('Mr.', 'Gen.', 'U.S.', 'Sept. 5') and initials ('J.'). Each sentence is an exact
 * substring of the text, trimmed: joined with the whitespace between them they give the text back.
 *
 * @example splitSentences('Mr. Putin spoke. Obama listened.') // ['Mr. Putin spoke.', 'Obama listened.']
 */
export function splitSentences(text: string): string[] {
  const spans: Array<{ start: number; end: number }> = [];
  for (const { segment, index } of sentenceSegmenter.segment(text)) {
    const start = index + (segment.length - segment.trimStart().length);
    const end = index + segment.trimEnd().length;
    if (end <= start) continue;
    const previous = spans.at(-1);
    if (previous && isFalseBreak(text.slice(previous.start, previous.end), text.slice(start, end))) {
      previous.end = end;
    } else {
      spans.push({ start, end });
    }
  }
  return spans.map(({ start, end }) => text.slice(start, end));
}

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
    .map((paragraph) => paragraph.replace(/\s+/gu, ' ').trim())
    .filter((paragraph) => paragraph !== '');
  const passages = paragraphs.flatMap((paragraph) =>
    paragraph.length > longParagraph ? chunkParagraph(paragraph) : [paragraph],
  );
  return mergeTinyPassages(passages);
}
