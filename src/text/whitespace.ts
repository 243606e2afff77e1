/**
 * Whitespace as stored and as searched: every loader normalises paragraphs with it, and the
 * excerpt and rendering code rely on text having single spaces only.
 */

/** Characters normalizeWhitespace would change: invisible ones, control codes, whitespace other than a space. */
// Built from a string: the `v` flag's set difference is newer than the TypeScript target.
// biome-ignore lint/complexity/useRegexLiterals: see above.
const unusualCharacter = new RegExp('[[\\s\\p{Cc}\\u200b\\u00ad\\ufeff]--[ ]]', 'v');

/**
 * Whether normalizeWhitespace would change the text: an unusual character, or spaces doubled or
 * at either end. One character class and plain string tests: a regular expression with the
 * space rules as alternatives tried each of them at every position, at twice the time.
 */
function needsWhitespaceWork(text: string): boolean {
  return (
    unusualCharacter.test(text) ||
    text.includes('  ') ||
    text.charCodeAt(0) === 32 ||
    text.charCodeAt(text.length - 1) === 32
  );
}

/**
 * Collapses runs of spaces (including no-break and other Unicode spaces, tabs and line breaks) to
 * one space, drops invisible characters, and trims.
 *
 * @example normalizeWhitespace(' Obama\u00a0 and\tPutin ') // 'Obama and Putin'
 */
export function normalizeWhitespace(text: string): string {
  // Most text is already clean, and paragraphs pass here more than once: one scan, no copies.
  if (!needsWhitespaceWork(text)) return text;
  return (
    text
      // Zero-width spaces, soft hyphens, stray byte order marks and control codes carry no text.
      .replace(/[\u200b\u00ad\ufeff]|[^\P{Cc}\t\n\v\f\r]/gu, '')
      .replace(/\s+/gu, ' ')
      .trim()
  );
}
