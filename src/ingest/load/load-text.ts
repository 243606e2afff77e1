/**
 * The .txt and .md loaders. Both may start with YAML front matter (title, source, author,
 * published, url). Plain text is read line by line, the headline found after any site chrome;
 * markdown is rendered to HTML by `marked` and read block by block like a web page.
 */
import type { Marked } from 'marked';
import { ArticleError } from '../../errors.js';
import { normalizeWhitespace } from '../../text/whitespace.js';
import type { LoadedFile } from '../article.js';
import { type ArticleMetadata, composeDraft, noArticleError } from '../clean/draft.js';
import { readHeader } from '../clean/headline.js';
import { splitTextParagraphs } from '../clean/paragraphs.js';
import { normalizePublished } from '../clean/published.js';
import { decodeArticleBytes } from './decode.js';
import { parseDocument, readBlocks } from './load-html.js';
import { grayMatter, marked } from './parsers.js';
import { simpleFrontMatter } from './simple-front-matter.js';

/** Metadata from front matter, and the text after it. */
export interface FrontMatter {
  metadata: ArticleMetadata;
  content: string;
}

function stringField(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number')
    return normalizeWhitespace(String(value)) || undefined;
  // `author: [Jane Roe, John Doe]`
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return normalizeWhitespace(value.join(', ')) || undefined;
  }
  return undefined;
}

/**
 * Reads YAML front matter (`---` … `---`) at the start of a text. Dates in it arrive as `Date`
 * objects from the YAML parser and are normalised like any other. `date` is read when
 * `published` is absent, as static-site generators write it.
 *
 * Throws `ArticleError` when the front matter is not valid YAML.
 */
export function readFrontMatter(text: string): FrontMatter {
  // Front matter is a bare '---' line (gray-matter would evaluate a '---js' block as code) and a
  // closing '---' line; without one, gray-matter would take the whole text for metadata.
  if (!/^---[ \t]*\n(?:[\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/.test(text))
    return { metadata: {}, content: text };
  // Plain `key: value` lines read directly (simple-front-matter.ts); the rest by gray-matter.
  let { data, content }: { data: unknown; content: string } = simpleFrontMatter(text) ?? {
    data: undefined,
    content: '',
  };
  try {
    // Options are passed so gray-matter does not cache the result by content.
    if (data === undefined) ({ data, content } = grayMatter()(text, {}));
  } catch (error) {
    const reason =
      error instanceof Error ? (error.message.split('\n')[0] ?? '').replace(/:$/, '') : String(error);
    throw new ArticleError(`invalid front matter (${reason})`, { cause: error });
  }
  // Prose between two '---' rules is not metadata: the text is read as it is.
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { metadata: {}, content: text };
  const fields = data as Record<string, unknown>;
  return {
    metadata: {
      title: stringField(fields.title),
      source: stringField(fields.source),
      author: stringField(fields.author),
      published: normalizePublished(fields.published ?? fields.date),
      url: stringField(fields.url),
    },
    content,
  };
}

function withoutUndefined(metadata: ArticleMetadata): ArticleMetadata {
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined));
}

/**
 * Loads a plain-text article: optional front matter, then a headline (the first line that reads
 * as one, after site chrome such as "Accessibility links" or "Share") and the body.
 */
export function loadText(bytes: Uint8Array): LoadedFile {
  const { metadata, content } = readFrontMatter(decodeArticleBytes(bytes).text);
  const paragraphs = splitTextParagraphs(content);
  const header = readHeader(paragraphs);
  // With a title in the front matter, the first headline-like line is body text (a standfirst).
  const body = metadata.title ? paragraphs : header.rest;
  const draft = composeDraft(
    {
      title: header.title,
      source: header.source,
      author: header.author,
      published: header.published,
      url: header.url,
      ...withoutUndefined(metadata),
    },
    body,
    // splitTextParagraphs normalises each line.
    { normalized: true },
  );
  if (draft === undefined) throw noArticleError(metadata.title ?? header.title);
  return { articles: [draft], problems: [] };
}

let markdown: Marked | undefined;

/** Markdown rendered to HTML by one `marked` instance, made on first use (parsers.ts). */
function renderMarkdown(content: string): string {
  markdown ??= new (marked().Marked)({ gfm: true, async: false });
  return markdown.parse(content, { async: false });
}

/**
 * Characters and line starts that make markdown more than paragraphs of words: inline markup,
 * HTML and entities, headings, quotes, lists, tables, code, hard line breaks.
 */
const markdownCharacters = /[*_`[\]<>!\\&~|#=\t\r]/;
const markdownLines = /^ {0,3}(?:[-+]|\d+[.)])(?: |$)|^ {0,3}:?-+:? *$|^ {4}| {2,}$/m;

/**
 * Whether `markdownLines` could match: some line starts with a space, `-`, `+`, `:` or a digit,
 * or ends in two spaces. One pass from line break to line break, where the expression tries
 * every position of the text: most news copy has no such line, and is not matched at all.
 * (A carriage return never gets here: it is one of the markdown characters.)
 */
function mayHaveMarkdownLines(content: string): boolean {
  // Line breaks a multiline `^` and `$` also stand at: let the expression decide.
  if (content.includes('\u2028') || content.includes('\u2029')) return true;
  if (content.endsWith('  ') || opensMarkdownLine(content.charCodeAt(0))) return true;
  for (let at = content.indexOf('\n'); at !== -1; at = content.indexOf('\n', at + 1)) {
    if (opensMarkdownLine(content.charCodeAt(at + 1))) return true;
    if (content.charCodeAt(at - 1) === 32 && content.charCodeAt(at - 2) === 32) return true;
  }
  return false;
}

/** A space, `-`, `+`, `:` or a digit: what a line `markdownLines` matches at starts with. */
function opensMarkdownLine(code: number): boolean {
  return code === 32 || code === 45 || code === 43 || code === 58 || (code >= 48 && code <= 57);
}

/**
 * The paragraphs of markdown that is only paragraphs of plain words, as rendering it and reading
 * the blocks would give them (one paragraph per blank-line-separated block, whitespace
 * collapsed); undefined when the text has any markdown syntax. Most news copy in markdown is
 * like that, and rendering costs more than everything else a re-index does with a file.
 */
export function plainParagraphs(content: string): string[] | undefined {
  // A character class alone is fast, and rules out most markdown before the line rules.
  if (markdownCharacters.test(content)) return undefined;
  if (mayHaveMarkdownLines(content) && markdownLines.test(content)) return undefined;
  // Trimmed first: the blank lines around the text are no paragraph, and whitespace at its ends
  // would send the first and last paragraphs down normalizeWhitespace's slower way.
  return content
    .trim()
    .split(/\n[ \t]*\n/)
    .map((block) => normalizeWhitespace(block))
    .filter((block) => block !== '');
}

/**
 * Loads a markdown article: optional front matter; the title is the front matter's, else the
 * first `# heading`, else the first headline-like line. Headings, emphasis and links become plain
 * text (a link its words), each block one paragraph.
 */
export function loadMarkdown(bytes: Uint8Array): LoadedFile {
  const { metadata, content } = readFrontMatter(decodeArticleBytes(bytes).text);
  let title = metadata.title;
  let paragraphs = plainParagraphs(content);
  if (paragraphs === undefined) {
    const document = parseDocument(renderMarkdown(content));
    const root = document.body ?? document.documentElement;
    const heading = title === undefined ? root.querySelector('h1') : null;
    if (heading) {
      title = normalizeWhitespace(heading.textContent ?? '') || undefined;
      heading.remove();
    }
    paragraphs = readBlocks(root);
  }
  const header = title === undefined ? readHeader(paragraphs) : undefined;
  if (header) paragraphs = header.rest;
  const draft = composeDraft(
    {
      title: header?.title,
      source: header?.source,
      author: header?.author,
      published: header?.published,
      url: header?.url,
      ...withoutUndefined({ ...metadata, title }),
    },
    paragraphs,
    // plainParagraphs and readBlocks normalise each paragraph.
    { normalized: true },
  );
  if (draft === undefined) throw noArticleError(title ?? header?.title);
  return { articles: [draft], problems: [] };
}
