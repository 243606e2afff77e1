/**
 * The .json and .jsonl/.ndjson loaders: one article per object, with `title`, `body` (or `text`),
 * and optionally `source`, `author`, `published` (or `date`), `url` and `id`.
 *
 * A .json file is one object, an array of objects, or `{ "articles": [...] }`; broken JSON makes
 * the whole file unusable. In JSON Lines each line stands alone: a broken or incomplete line is
 * reported as a problem and the other lines are still loaded.
 */
import jsonc from 'jsonc-parser';
import { ArticleError } from '../../errors.js';
import { normalizeWhitespace } from '../../text/whitespace.js';
import type { ArticleDraft, ItemProblem, LoadedFile } from '../article.js';
import { composeDraft } from '../clean/draft.js';
import { splitTextParagraphs } from '../clean/paragraphs.js';
import { normalizePublished } from '../clean/published.js';
import { decodeArticleBytes } from './decode.js';
import { htmlFragmentBlocks, looksLikeHtml } from './load-html.js';

/** V8's JSON.parse message without the position and the echo of the input. */
function shortJsonMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/,\s*(?:\.\.\.)?".*" is not valid JSON$/su, '')
    .replace(/ (?:in JSON )?at position \d+(?: \(line \d+ column \d+\))?$/u, '')
    .trim();
}

/**
 * The 1-based line of a JSON syntax error. V8 gives the position only for some errors, so the
 * text is re-scanned with jsonc-parser (strict JSON: no comments, no trailing commas).
 */
export function jsonErrorLine(text: string, error: unknown): number {
  const errors: jsonc.ParseError[] = [];
  jsonc.parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const reported = error instanceof Error ? /at position (\d+)/.exec(error.message)?.[1] : undefined;
  const trimmedEnd = text.trimEnd().length;
  // An error at the very end (an unfinished document) belongs to the last line with text on it.
  const offset = Math.min(
    errors[0]?.offset ?? (reported === undefined ? trimmedEnd : Number(reported)),
    trimmedEnd,
  );
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

type ItemResult = { draft: ArticleDraft } | { reason: string };

function textField(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number')
    return normalizeWhitespace(String(value)) || undefined;
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')) {
    return normalizeWhitespace(value.join(', ')) || undefined;
  }
  return undefined;
}

/** A body as paragraphs: plain text split at line breaks, HTML by its blocks, or an array of paragraphs. */
function bodyParagraphs(value: unknown): string[] | undefined {
  if (typeof value === 'string')
    return looksLikeHtml(value) ? htmlFragmentBlocks(value) : splitTextParagraphs(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.flatMap((paragraph) => splitTextParagraphs(paragraph));
  }
  return undefined;
}

/** Turns one parsed JSON value into a draft, or says why it is not an article. */
export function articleFromObject(value: unknown, item: string): ItemResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      reason: `not an article object (${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value})`,
    };
  }
  const record = value as Record<string, unknown>;
  const title = textField(record.title);
  const paragraphs = bodyParagraphs(record.body ?? record.text);
  if (title === undefined) return { reason: 'no "title"' };
  if (paragraphs === undefined) return { reason: 'no "body" or "text"' };
  const draft = composeDraft(
    {
      item: textField(record.id) ?? item,
      title,
      source: textField(record.source),
      author: textField(record.author),
      published: normalizePublished(record.published ?? record.date),
      url: textField(record.url),
    },
    paragraphs,
  );
  return draft ? { draft } : { reason: 'no article text in "body"' };
}

/** Collects drafts, reporting failures and ids used twice (an item must be unique in its file). */
function collect(results: Array<{ where: string; result: ItemResult }>): LoadedFile {
  const articles: ArticleDraft[] = [];
  const problems: ItemProblem[] = [];
  const firstSeen = new Map<string, string>();
  for (const { where, result } of results) {
    if ('reason' in result) {
      problems.push({ where, reason: result.reason });
      continue;
    }
    const earlier = firstSeen.get(result.draft.item);
    if (earlier !== undefined) {
      problems.push({ where, reason: `duplicate id "${result.draft.item}" (first at ${earlier})` });
      continue;
    }
    firstSeen.set(result.draft.item, where);
    articles.push(result.draft);
  }
  return { articles, problems };
}

/**
 * Loads a .json file. Items are named by their `id`, else 'item N' (1-based) in an array.
 * Throws `ArticleError` for broken JSON ('invalid JSON at line 3 (Unexpected end of JSON input)'),
 * a single object that is not an article, or an empty array.
 */
export function loadJson(bytes: Uint8Array): LoadedFile {
  const { text } = decodeArticleBytes(bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ArticleError(
      `invalid JSON at line ${jsonErrorLine(text, error)} (${shortJsonMessage(error)})`,
      {
        cause: error,
      },
    );
  }
  const list =
    typeof parsed === 'object' &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    Array.isArray((parsed as { articles?: unknown }).articles)
      ? (parsed as { articles: unknown[] }).articles
      : parsed;
  if (!Array.isArray(list)) {
    const result = articleFromObject(list, '');
    if ('reason' in result) throw new ArticleError(`no article found (${result.reason})`);
    return { articles: [result.draft], problems: [] };
  }
  if (list.length === 0) throw new ArticleError('no article found (empty array)');
  return collect(
    list.map((value, index) => ({
      where: `item ${index + 1}`,
      result: articleFromObject(value, `item ${index + 1}`),
    })),
  );
}

/**
 * Loads a JSON Lines file (.jsonl, .ndjson): one article object per line, blank lines skipped.
 * Items are named by their `id`, else 'line N'. A broken line becomes a problem
 * ({ where: 'line 3', reason: 'invalid JSON (…)' }); the other lines are still loaded.
 */
export function loadJsonLines(bytes: Uint8Array): LoadedFile {
  const { text } = decodeArticleBytes(bytes);
  const results: Array<{ where: string; result: ItemResult }> = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const where = `line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      results.push({ where, result: { reason: `invalid JSON (${shortJsonMessage(error)})` } });
      continue;
    }
    results.push({ where, result: articleFromObject(value, where) });
  }
  return collect(results);
}
