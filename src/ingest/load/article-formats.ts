/**
 * Which files are articles, and in which format, by extension. Apart from the loaders
 * (load-article-file.ts) so that finding the files (discover.ts, in the re-index process, which
 * never reads an article) does not load the parsers.
 */

export type ArticleFormat = 'text' | 'markdown' | 'html' | 'json' | 'jsonLines';

/** Article file extensions (lowercase, with the dot) and their format. */
export const articleFormats: ReadonlyMap<string, ArticleFormat> = new Map([
  ['.txt', 'text'],
  ['.md', 'markdown'],
  ['.markdown', 'markdown'],
  ['.html', 'html'],
  ['.htm', 'html'],
  ['.json', 'json'],
  ['.jsonl', 'jsonLines'],
  ['.ndjson', 'jsonLines'],
]);

/** Extensions of article files (lowercase, with the dot); others in the archive are ignored. */
export const articleExtensions: ReadonlySet<string> = new Set(articleFormats.keys());
