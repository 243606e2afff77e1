/**
 * Words as SQLite's unicode61 tokenizer sees them: runs of letters and digits (any script);
 * everything else separates. Ingest counts these surface words for the typo-correction
 * vocabulary, and the query parser splits user text the same way, so both sides agree.
 */

// Letters, marks (kept so decomposed accents stay inside their word) and numbers.
const wordPattern = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Splits text (NFC, as stored and as parseQuery leaves it) into lowercased words, in order,
 * duplicates kept. `surfaceWords("Café-Owners")` → ["café", "owners"]
 */
export function surfaceWords(text: string): string[] {
  return text.toLowerCase().match(wordPattern) ?? [];
}

/** Longest word kept in the vocabulary; longer runs are noise (URLs, hashes). */
export const maxVocabularyWordLength = 40;

/** Whether a word belongs in the typo-correction vocabulary: 2+ characters, some letter, not huge. */
export function isVocabularyWord(word: string): boolean {
  if (word.length < 2 || word.length > maxVocabularyWordLength) return false;
  const first = word.charCodeAt(0);
  // Most words start with a-z: a letter, no regex needed. Digits and other scripts get the test.
  return (first >= 97 && first <= 122) || /\p{L}/u.test(word);
}
