/**
 * Paragraphs of plain text: blank-line blocks, hard-wrapped prose joined again, and the cleaning
 * every loader applies (whitespace, chrome, repeated headline and captions).
 */
import { normalizeWhitespace } from '../../text/whitespace.js';
import { endsSentence } from './line-shape.js';
import { isSiteChrome } from './site-chrome.js';

/** Longest line (in characters) of a hard-wrapped block; scraped text puts a paragraph on one line. */
const wrapWidthLimit = 100;

/** Whether a block's lines are one paragraph wrapped at a fixed width rather than separate lines. */
function looksHardWrapped(lines: string[]): boolean {
  if (lines.length < 2 || lines.some((line) => line.length > wrapWidthLimit)) return false;
  const inner = lines.slice(0, -1);
  const width = Math.max(...lines.map((line) => line.length));
  const even = inner.every((line) => line.length >= Math.max(40, width * 0.6));
  if (!even || inner.every(endsSentence)) return false;
  // Two lines could be a headline over a short paragraph: join them only mid-sentence.
  return lines.length > 2 || /^[\p{Ll}\d]/u.test(lines[1]!);
}

/**
 * Splits plain text into paragraphs: blocks separated by blank lines; within a block each line is
 * a paragraph, unless the block is prose wrapped at a fixed width, whose lines are joined.
 *
 * @example splitTextParagraphs('Headline here now\n\nFirst line.\nSecond line.') // ['Headline here now', 'First line.', 'Second line.']
 */
export function splitTextParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block
      .split('\n')
      .map(normalizeWhitespace)
      .filter((line) => line !== '');
    if (!looksHardWrapped(lines)) {
      paragraphs.push(...lines);
      continue;
    }
    // A word broken at a hyphen is joined without a space ("Russian-backed").
    paragraphs.push(
      lines.reduce((joined, line) => (/\p{L}-$/u.test(joined) ? joined + line : `${joined} ${line}`)),
    );
  }
  return paragraphs;
}

/**
 * Normalises paragraphs (unless they are already: `normalized`) and drops what is not article
 * text: empty lines, site chrome, the headline repeated, and any paragraph already seen (a
 * caption printed twice is kept once).
 */
export function cleanParagraphs(paragraphs: readonly string[], title = '', normalized = false): string[] {
  const seen = new Set<string>([normalizeWhitespace(title)]);
  const kept: string[] = [];
  for (const raw of paragraphs) {
    // Already normalised, a paragraph would only be scanned twice more to be given back as it is.
    const paragraph = normalized ? raw : normalizeWhitespace(raw);
    if (paragraph === '' || seen.has(paragraph) || isSiteChrome(paragraph)) continue;
    seen.add(paragraph);
    kept.push(paragraph);
  }
  return kept;
}
