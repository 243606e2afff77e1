/**
 * What the search does when the words as typed find nothing: correct words the archive does not
 * know into the closest word it does (a typo, a spelling variant) — unless the word is a real
 * English word, which is then reported as absent rather than rewritten into another.
 */
import type { IndexReader } from '../index/reader.js';
import type { Correction } from './answer.js';
import type { EnglishWords } from './english-words.js';
import { buildMatch, type TermAlternatives } from './fts-query.js';
import type { Vocabulary } from './vocabulary.js';

/** A query term as searched: its words (after correction) and what is matched for it. */
export interface SearchTerm {
  /** Words as typed (after correction). */
  words: string[];
  quoted: boolean;
  /** What is searched: the term itself, and its aliases or other forms (children for child). */
  alternatives: TermAlternatives;
  /** The alternatives come from the alias list (the user's deliberate names, shown in the answer). */
  aliased: boolean;
}

/** What correcting needs: the index, its vocabulary, and the English word list. */
export interface CorrectionSources {
  reader: IndexReader;
  vocabulary: Vocabulary;
  english: EnglishWords;
}

/**
 * Replaces words the index does not know by the closest archive word (in place); returns what
 * changed. A real English word (`fire`, `thief`) is kept as typed, to be reported as absent,
 * unless the archive spells it the way another dialect does (`color` → `colour`).
 */
export function correctUnknownWords(
  terms: SearchTerm[],
  expand: (words: string[], quoted: boolean) => Pick<SearchTerm, 'alternatives' | 'aliased'>,
  { reader, vocabulary, english }: CorrectionSources,
): Correction[] {
  const corrections: Correction[] = [];
  for (const term of terms) {
    if (term.aliased) continue; // an alias term is the user's deliberate name
    // Known through one of its forms or its stem (an FTS5 probe): nothing to correct.
    if (reader.matches(buildMatch({ required: [term.alternatives] }))) continue;
    let changed = false;
    const words = term.words.map((word) => {
      if (reader.wordDocuments(word) !== undefined) return word;
      if (reader.matches(buildMatch({ required: [[[word]]] }))) return word;
      const realWord = english.has(word);
      const better = vocabulary.correct(
        word,
        (candidate) => !realWord || english.isDialectVariant(word, candidate),
      );
      if (!better) return word;
      corrections.push({ from: word, to: better });
      changed = true;
      return better;
    });
    if (changed) {
      term.words = words;
      Object.assign(term, expand(words, term.quoted));
    }
  }
  return corrections;
}
