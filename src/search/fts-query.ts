/**
 * Building FTS5 MATCH expressions. The only way user text reaches FTS5 is through `quoteFts`:
 * each word or phrase becomes a double-quoted FTS5 string (inner quotes doubled), so `*`, `^`,
 * `:`, `(`, `AND`, `NEAR` and friends are only ever literal text.
 */

/**
 * `quoteFts('say "hi"')` → `"say ""hi"""`. NUL is dropped: FTS5 reads its input as a C string,
 * and a NUL inside quotes ends the string early ("unterminated string").
 */
export function quoteFts(text: string): string {
  return `"${text.replaceAll('\u0000', '').replaceAll('"', '""')}"`;
}

/** A group of alternatives for one query term: each alternative is a list of words (a phrase). */
export type TermAlternatives = string[][];

function phrase(words: string[]): string {
  return quoteFts(words.join(' '));
}

function group(alternatives: TermAlternatives): string {
  const phrases = alternatives.map(phrase);
  return phrases.length === 1 ? phrases[0]! : `(${phrases.join(' OR ')})`;
}

export interface MatchParts {
  /** Every group must match (AND), or any (OR) when `any` is set. */
  required: TermAlternatives[];
  excluded?: TermAlternatives[];
  any?: boolean;
}

/**
 * `buildMatch({ required: [[['obama']], [['isis'], ['islamic', 'state']]], excluded: [[['trump']]] })`
 * → `("obama" AND ("isis" OR "islamic state")) NOT "trump"`
 */
export function buildMatch(parts: MatchParts): string {
  const positive = parts.required.map(group).join(parts.any ? ' OR ' : ' AND ');
  const excluded = (parts.excluded ?? []).map(group);
  if (excluded.length === 0) return positive;
  return `(${positive}) NOT (${excluded.join(' OR ')})`;
}
