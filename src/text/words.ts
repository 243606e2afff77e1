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

/**
 * Per UTF-8 byte: an ASCII letter or digit lowercased, 0 for other ASCII (it separates words),
 * `beyondAscii` for the bytes of any other character.
 */
const beyondAscii = 255;
const asciiBytes = Uint8Array.from({ length: 256 }, (_, byte) => {
  if (byte >= 128) return beyondAscii;
  const character = String.fromCharCode(byte);
  return /[A-Za-z0-9]/.test(character) ? character.toLowerCase().charCodeAt(0) : 0;
});
/** Longest text read byte by byte (its bytes fit the scratch buffers); longer takes surfaceWords. */
const maxBytewiseChars = 16 * 1024;
const encoder = new TextEncoder();
// UTF-8 takes at most three bytes per UTF-16 code unit.
const scratchInput = new Uint8Array(maxBytewiseChars * 3);
const scratchOutput = Buffer.alloc(maxBytewiseChars * 3);

/**
 * `surfaceWords(text).join(' ')`, the same string, and what a passage's fingerprint hashes: a
 * re-index asks it of every passage it prepares. Text of ASCII letters, digits and punctuation,
 * with the no-break spaces, dashes, curly quotes and ellipses of news copy (none of them part of
 * a word, none with a case), is read in one pass over its UTF-8 bytes: no regular expression and
 * no string per word, under half the time. A text with any other character (a letter beyond
 * ASCII, say) takes surfaceWords.
 *
 * @example joinedSurfaceWords('“Yes,” said Ann Falk — twice.') // 'yes said ann falk twice'
 */
export function joinedSurfaceWords(text: string): string {
  if (text.length > maxBytewiseChars) return surfaceWords(text).join(' ');
  const end = encoder.encodeInto(text, scratchInput).written;
  let length = 0;
  let separated = false;
  for (let at = 0; at < end; at++) {
    const byte = asciiBytes[scratchInput[at]!]!;
    if (byte === 0) {
      separated = length > 0;
    } else if (byte !== beyondAscii) {
      if (separated) {
        scratchOutput[length++] = 32;
        separated = false;
      }
      scratchOutput[length++] = byte;
    } else {
      const separator = typographicSeparatorAt(scratchInput, at);
      if (separator === 0) return surfaceWords(text).join(' ');
      separated = length > 0;
      at += separator - 1;
    }
  }
  return scratchOutput.toString('latin1', 0, length);
}

/**
 * The length in bytes of the no-break space (C2 A0), en or em dash, curly quote or ellipsis
 * (E2 80 93, 94, 98, 99, 9C, 9D, A6) that starts at `at`; 0 for any other character.
 */
function typographicSeparatorAt(bytes: Uint8Array, at: number): number {
  const first = bytes[at];
  const second = bytes[at + 1];
  if (first === 0xc2) return second === 0xa0 ? 2 : 0;
  if (first !== 0xe2 || second !== 0x80) return 0;
  switch (bytes[at + 2]) {
    case 0x93:
    case 0x94:
    case 0x98:
    case 0x99:
    case 0x9c:
    case 0x9d:
    case 0xa6:
      return 3;
    default:
      return 0;
  }
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
