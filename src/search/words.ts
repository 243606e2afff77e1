/**
 * Words as SQLite's unicode61 tokenizer sees them: runs of letters and digits (any script);
 * everything else separates. Ingest counts these surface words for the typo-correction
 * vocabulary, and the query parser splits user text the same way, so both sides agree.
 */

// Letters, marks (kept so decomposed accents stay inside their word) and numbers.
const wordPattern = /[\p{L}\p{M}\p{N}]+/gu;

/** Splits text into lowercased words, in order, duplicates kept. `surfaceWords("Café-Owners")` → ["café", "owners"] */
export function surfaceWords(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(wordPattern) ?? [];
}

/** Longest word kept in the vocabulary; longer runs are noise (URLs, hashes). */
export const maxVocabularyWordLength = 40;

/** Whether a word belongs in the typo-correction vocabulary: 2+ characters, some letter, not huge. */
export function isVocabularyWord(word: string): boolean {
  return word.length >= 2 && word.length <= maxVocabularyWordLength && /\p{L}/u.test(word);
}

/** The distinct vocabulary words of a text. */
export function vocabularyWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const word of surfaceWords(text)) if (isVocabularyWord(word)) words.add(word);
  return words;
}
