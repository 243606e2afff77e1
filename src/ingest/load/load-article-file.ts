/**
 * One entry point for every article file: the extension picks the loader.
 *
 * | extension              | loader            | articles per file          |
 * | ---------------------- | ----------------- | -------------------------- |
 * | .txt                   | `loadText`        | one                        |
 * | .md .markdown          | `loadMarkdown`    | one                        |
 * | .html .htm             | `loadHtml`        | one                        |
 * | .json                  | `loadJson`        | one, or an array           |
 * | .jsonl .ndjson         | `loadJsonLines`   | one per line               |
 *
 * Every loader decodes the bytes the same way (src/ingest/decode.ts) and cleans text the same way
 * (src/ingest/clean.ts); segmentation into passages is separate (src/ingest/segment.ts).
 */
import { extname } from 'node:path';
import { ArticleError } from '../../errors.js';
import type { LoadedFile } from '../article.js';
import { type ArticleFormat, articleFormats } from './article-formats.js';
import { loadHtml } from './load-html.js';
import { loadJson, loadJsonLines } from './load-json.js';
import { loadMarkdown, loadText } from './load-text.js';

const loaders: Record<ArticleFormat, (bytes: Uint8Array) => LoadedFile> = {
  text: loadText,
  markdown: loadMarkdown,
  html: loadHtml,
  json: loadJson,
  jsonLines: loadJsonLines,
};

/**
 * Reads the articles of one file from its bytes, choosing the format by the extension (any case).
 *
 * Throws `ArticleError` with a short reason when the whole file is unusable ('empty file',
 * 'binary file (not text)', 'cannot decode text (…)', 'invalid JSON at line 3 (…)', 'no article
 * found (no headline or text)'); the caller prefixes the path. Problems with single items of a
 * multi-article file are returned in `problems` beside the articles that loaded.
 *
 * @example loadArticleFile('a.txt', new TextEncoder().encode('Obama and Putin talk\n\nThey talked.'))
 */
export function loadArticleFile(filePath: string, bytes: Uint8Array): LoadedFile {
  const extension = extname(filePath).toLowerCase();
  const format = articleFormats.get(extension);
  if (format === undefined) throw new ArticleError(`not an article file (extension "${extension}")`);
  return loaders[format](bytes);
}
