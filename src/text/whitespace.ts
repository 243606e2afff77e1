/**
 * Whitespace as stored and as searched: every loader normalises paragraphs with it, and the
 * excerpt and rendering code rely on text having single spaces only.
 */

/** Anything normalizeWhitespace would change: invisible characters, control codes, whitespace
 * other than single spaces between words. */
const needsWhitespaceWork = /[\u200b\u00ad\ufeff\p{Cc}]|[^\S ]| {2}|^ | $/u;

/**
 * Collapses runs of spaces (including no-break and other Unicode spaces, tabs and line breaks) to
 * one space, drops invisible characters, and trims.
 *
 * @example normalizeWhitespace(' Obama\u00a0 and\tPutin ') // 'Obama and Putin'
 */
export function normalizeWhitespace(text: string): string {
  // Most text is already clean, and paragraphs pass here more than once: one scan, no copies.
  if (!needsWhitespaceWork.test(text)) return text;
  return (
    text
      // Zero-width spaces, soft hyphens, stray byte order marks and control codes carry no text.
      .replace(/[\u200b\u00ad\ufeff]|[^\P{Cc}\t\n\v\f\r]/gu, '')
      .replace(/\s+/gu, ' ')
      .trim()
  );
}
