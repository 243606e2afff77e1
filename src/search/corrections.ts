/**
 * What the search does when the words as typed find nothing: correct words the archive does not
 * know, and, for the partial-match fallback, leave out words so common that they would make FTS5
 * score most of the archive.
 */
import type { IndexReader } from '../index/reader.js';
import type { Correction } from './answer.js';
import { buildMatch, type TermAlternatives } from './fts-query.js';
import type { Vocabulary } from './vocabulary.js';

/** A query term as searched: its words (after correction) and what is matched for it. */
export interface SearchTerm {
  /** Words as typed (after correction). */
  words: string[];
  quoted: boolean;
  /** What is searched: the term itself, or it and its aliases. */
  alternatives: TermAlternatives;
}

/**
 * In the partial-match fallback, words used by more than this share of articles are left out
 * of the OR when rarer ones remain: they would make FTS5 score most of the archive.
 */
const commonWordShare = 0.05;

/** Replaces words the index does not know by the closest archive word (in place); returns what changed. */
export function correctUnknownWords(
  terms: SearchTerm[],
  withAliases: (words: string[]) => TermAlternatives,
  reader: IndexReader,
  vocabulary: Vocabulary,
): Correction[] {
  const corrections: Correction[] = [];
  for (const term of terms) {
    if (term.alternatives.length > 1) continue; // an alias term is the user's deliberate name
    let changed = false;
    const words = term.words.map((word) => {
      // Known as written (an index lookup), or through its stem (an FTS5 probe): keep it.
      if (reader.wordArticles(word) !== undefined) return word;
      if (reader.matches(buildMatch({ required: [[[word]]] }))) return word;
      const better = vocabulary.correct(word);
      if (!better) return word;
      corrections.push({ from: word, to: better });
      changed = true;
      return better;
    });
    if (changed) {
      term.words = words;
      term.alternatives = withAliases(words);
    }
  }
  return corrections;
}

/** For the OR fallback: drop single words used by over 5% of articles, unless nothing rarer remains. */
export function withoutVeryCommonWords(
  terms: SearchTerm[],
  articles: number,
  reader: IndexReader,
): SearchTerm[] {
  if (articles === 0) return terms;
  const rare = terms.filter(
    (term) =>
      term.words.length > 1 ||
      term.alternatives.length > 1 ||
      (reader.wordArticles(term.words[0]!) ?? 0) <= articles * commonWordShare,
  );
  return rare.length > 0 ? rare : terms;
}
