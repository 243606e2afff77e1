/**
 * Words and sentences of a stretch of text, with their offsets. Each function does work linear in
 * the text it is given; the extractor gives them short windows around quotations.
 */

/**
 * Units of work done (tokens made, marks lexed, name runs read), counted so tests can bound the
 * extractor's work by the size of its input without timing it. Never reset by the extractor.
 */
export const workCounter = { units: 0 };

export interface Token {
  /** As written, without a trailing full stop unless it belongs to an abbreviation ('Sen.'). */
  text: string;
  /** Lower case, with a possessive ’s and an abbreviation's full stop dropped: 'trump', 'sen'. */
  lower: string;
  start: number;
  end: number;
  /** A word (letters or digits), not punctuation. */
  word: boolean;
  /** Begins with a capital letter. */
  capital: boolean;
  /** Ends in a possessive ’s or s’. */
  possessive: boolean;
}

// biome-ignore format: a word list
const abbreviations = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'gov',
  'sen', 'rep', 'pres', 'amb', 'rev', 'hon', 'st', 'jr', 'sr', 'vs', 'no', 'inc', 'corp', 'co', 'ltd', 'dept',
  'sept', 'jan', 'feb', 'aug', 'oct', 'nov', 'dec', 'mt', 'ft', 'ave', 'gens', 'sens', 'reps', 'fr',
]);

const tokenPattern = /(?:\p{L}\.){2,}|[\p{L}\p{N}][\p{L}\p{N}\p{M}'’\-&]*|\S/gu;

/**
 * The tokens of `text` between `from` and `to`.
 *
 * @example tokenize('Sen. Smith’s aide said.').map((t) => t.lower) // ['sen', 'smith', 'aide', 'said', '.']
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  tokenPattern.lastIndex = from;
  for (let match = tokenPattern.exec(text); match && match.index < to; match = tokenPattern.exec(text)) {
    let value = match[0];
    let end = match.index + value.length;
    if (end > to) break;
    // Character-code checks first: this runs for every word the extractor reads.
    const first = value.charCodeAt(0);
    const ascii = first < 128;
    const word = ascii
      ? (first >= 48 && first <= 57) || ((first | 32) >= 97 && (first | 32) <= 122)
      : /^[\p{L}\p{N}]/u.test(value);
    const capital = ascii ? first >= 65 && first <= 90 : /^\p{Lu}/u.test(value);
    let lower = value.toLowerCase();
    if (word && text[end] === '.' && (abbreviations.has(lower) || (capital && value.length === 1))) {
      value += '.';
      end += 1;
      tokenPattern.lastIndex = end;
    }
    workCounter.units += 1;
    let possessive = false;
    if (
      word &&
      (lower.endsWith("'") || lower.endsWith('’') || lower.endsWith("'s") || lower.endsWith('’s'))
    ) {
      possessive = lower.endsWith('s') || lower.at(-2) === 's';
      lower = lower.replace(/['’]s?$/u, '');
    }
    if (lower.endsWith('.')) lower = lower.slice(0, -1);
    tokens.push({ text: value, lower, start: match.index, end, word, capital, possessive });
  }
  return tokens;
}

// A sentence ends at . ! ? before a capital, and at every line break (lines are paragraphs too).
const boundaryPattern = /[.!?…]+["”’')\]]*\s+(?=["“‘'([]*[\p{Lu}\d])|\n\s*/gu;

/** Whether the full stop at `dot` ends an abbreviation or an initial rather than a sentence. */
function abbreviationBefore(text: string, dot: number): boolean {
  if (text[dot] !== '.') return false;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1];
  if (!word) return false;
  const key = word.toLowerCase();
  return abbreviations.has(key) || /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

/**
 * Offsets where sentences begin in `text` (the first is 0).
 *
 * @example sentenceStarts('Mr. Smith came. He left.') // [0, 16]
 */
export function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(boundaryPattern)) {
    if (abbreviationBefore(text, match.index)) continue;
    starts.push(match.index + match[0].length);
  }
  return starts;
}

/** The index of the sentence holding `offset`, given sentence starts (binary search). */
export function sentenceAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
