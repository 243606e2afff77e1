/**
 * Word-wrapping for the terminal. A terminal breaks a long line wherever the width runs out,
 * mid-word and flush left, which tears a quote away from its `  │ ` bar; these functions break
 * between words and start every continuation line with the line's gutter (its indent, and the
 * quote bar), so a wrapped quote still reads as one quote.
 *
 * Widths are visible columns, as wrap-ansi counts them: ANSI escapes count 0, East Asian wide
 * characters and emoji 2. A word wider than the room (a long URL) is left whole rather than cut,
 * so it can still be copied; the terminal folds it.
 */
import wrapAnsi from 'wrap-ansi';

/** The width to assume for a terminal that does not tell its own (a pseudo-terminal of size 0). */
export const defaultTerminalWidth = 80;

/**
 * The width to wrap output at: a terminal's columns (80 when it does not say), undefined when the
 * output is not a terminal, so that what a script reads from a pipe is one line per line.
 */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number }): number | undefined {
  if (!stream.isTTY) return undefined;
  return stream.columns && stream.columns > 0 ? stream.columns : defaultTerminalWidth;
}

/** Below this many columns of text beside the gutter, wrapping would hurt more than help. */
const minimumRoom = 20;

/** A line's gutter: its leading spaces, then the quote bar if there is one. */
const gutterPattern = /^ *(?:│ )?/;

/** Whether `line` fits in `width` visible columns (or is one word too long to break anyway). */
function fits(line: string, width: number): boolean {
  return !wrapAnsi(line, width, { hard: false, trim: false }).includes('\n');
}

/**
 * `body` broken between words to fit `width` columns after its gutter: the first line starts with
 * `first`, the others with `rest` (the same width: a list number's continuation is spaces).
 * Gutters are spaces, digits, `.`, `•` and `│`, one column each.
 *
 * @example wrapWithGutter('the quick brown fox jumps', 24, '1. ', '   ') // '1. the quick brown fox\n   jumps'
 */
export function wrapWithGutter(body: string, width: number, first: string, rest = first): string {
  const room = Math.max(width - Math.max(first.length, rest.length), minimumRoom);
  if (fits(body, room)) return first + body;
  return wrapAnsi(body, room, { hard: false, trim: true })
    .split('\n')
    .map((part, index) => (index === 0 ? first : rest) + part)
    .join('\n');
}

/**
 * Every line of `text` broken between words to fit `width` columns, each continuation line
 * starting with its line's gutter; `width` undefined leaves the text as it is (output to a pipe
 * stays one line per line, for scripts).
 *
 * @example wrapText('  │ the quick brown fox jumps over', 24) // '  │ the quick brown fox\n  │ jumps over'
 */
export function wrapText(text: string, width: number | undefined): string {
  if (width === undefined) return text;
  return text
    .split('\n')
    .map((line) => {
      if (fits(line, width)) return line;
      const gutter = gutterPattern.exec(line)![0];
      return wrapWithGutter(line.slice(gutter.length), width, gutter);
    })
    .join('\n');
}
