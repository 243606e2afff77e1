/**
 * Sentences as Readout quotes them. Ingest cuts long paragraphs between sentences and search
 * trims excerpts to whole sentences; both must find the same boundaries, so the splitting lives
 * here, below both.
 */

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
