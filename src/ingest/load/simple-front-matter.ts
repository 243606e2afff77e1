/**
 * The front matter most article files have — a few `key: plain words` lines — read without a
 * YAML parser. gray-matter and js-yaml take a few hundred microseconds a file, which is most of
 * the cost of a one-file-per-article archive's re-index; this takes a few. Anything it is not
 * sure YAML would read the same way (quotes, lists, numbers, `null`, comments, continuation
 * lines, a `: ` inside a value…) is left to gray-matter, so the result is always what
 * gray-matter gives (test/ingest/load/simple-front-matter.test.ts compares them).
 */

/** What gray-matter returns that Readout uses: the mapping, and the text after the closing line. */
export interface ParsedFrontMatter {
  data: Record<string, string>;
  content: string;
}

const keyValue = /^([A-Za-z_][A-Za-z0-9_-]*):[ ]+(\S(?:.*\S)?)[ ]*$/;
/** Plain words YAML reads as something else (booleans and nulls of the default schema). */
const notStrings = /^(?:true|false|null)$/i;

/**
 * Whether YAML reads `value` (a block plain scalar, trimmed) as this very string: it starts with
 * a letter (no indicator, number or date), holds no comment (' #') or mapping (': ') and is not
 * a boolean or null.
 */
function isPlainString(value: string): boolean {
  return (
    /^\p{L}/u.test(value) &&
    !value.includes(' #') &&
    !value.includes(': ') &&
    !value.endsWith(':') &&
    !value.includes('\t') &&
    !notStrings.test(value)
  );
}
/** A date-only YAML timestamp: read as a date, and Readout normalises either form alike. */
const isoDate = /^\d{4}-\d\d-\d\d$/;

/**
 * The front matter of `text` when every line of it is `key: value` with a value YAML reads as a
 * plain string (or a YYYY-MM-DD date, kept as its text); otherwise undefined.
 */
export function simpleFrontMatter(text: string): ParsedFrontMatter | undefined {
  if (!text.startsWith('---\n')) return undefined;
  const end = text.indexOf('\n---', 3);
  if (end === -1) return undefined;
  const afterClose = end + 4;
  // The closing line is exactly '---' (gray-matter also takes '---' followed by other text).
  if (afterClose < text.length && text[afterClose] !== '\n') return undefined;
  const data: Record<string, string> = {};
  for (const line of text.slice(4, end).split('\n')) {
    const pair = keyValue.exec(line);
    if (!pair) return undefined;
    const [, key, value] = pair as unknown as [string, string, string];
    if (key in data || key === '__proto__') return undefined;
    if (!isoDate.test(value) && !isPlainString(value)) return undefined;
    data[key] = value;
  }
  return { data, content: text.slice(afterClose + 1) };
}
