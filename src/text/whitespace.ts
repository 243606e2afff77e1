/**
 * Whitespace as stored and as searched: every loader normalises paragraphs with it, and the
 * excerpt and rendering code rely on text having single spaces only.
 */

/** Characters normalizeWhitespace would change: invisible ones, control codes, whitespace other than a space. */
// Built from a string: the `v` flag's set difference is newer than the TypeScript target.
// biome-ignore lint/complexity/useRegexLiterals: see above.
const unusualCharacter = new RegExp('[[\\s\\p{Cc}\\u200b\\u00ad\\ufeff]--[ ]]', 'v');

/** Whether every space stands alone between two other characters: none doubled, none at an end. */
function spacedSingly(text: string): boolean {
  return !text.includes('  ') && text.charCodeAt(0) !== 32 && text.charCodeAt(text.length - 1) !== 32;
}

/** Whitespace other than a space. */
const otherWhitespace = /[^\S ]/;

/**
 * Runs of whitespace as one space, trimmed (nothing else changes). Text that is already so — the
 * usual case, as loaders hand it over — costs a scan and no copy.
 *
 * @example collapseWhitespace(' Obama\n spoke ') // 'Obama spoke'
 */
export function collapseWhitespace(text: string): string {
  if (!otherWhitespace.test(text) && spacedSingly(text)) return text;
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Collapses runs of spaces (including no-break and other Unicode spaces, tabs and line breaks) to
 * one space, drops invisible characters, and trims.
 *
 * @example normalizeWhitespace(' Obama\u00a0 and\tPutin ') // 'Obama and Putin'
 */
export function normalizeWhitespace(text: string): string {
  // Most text is already clean, and paragraphs pass here more than once: one scan, no copies.
  // (Alternatives for the space rules in one expression were tried at every position: twice the time.)
  if (!unusualCharacter.test(text) && spacedSingly(text)) return text;
  return (
    text
      // Zero-width spaces, soft hyphens, stray byte order marks and control codes carry no text.
      .replace(/[\u200b\u00ad\ufeff]|[^\P{Cc}\t\n\v\f\r]/gu, '')
      .replace(/\s+/gu, ' ')
      .trim()
  );
}
