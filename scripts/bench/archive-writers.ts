/**
 * Writing the synthetic archive to disk in the two shapes newsrooms keep: JSONL exports of a
 * thousand articles each, and one Markdown file per article (YAML front matter, the way many
 * CMS exports and static sites keep them), in outlet/year folders. Both stop at exactly the
 * number of passages asked for, and hold the same articles, so their loads can be compared.
 */
import fs from 'node:fs';
import path from 'node:path';
import { outlets, type SyntheticArchive, type SyntheticArticle } from './synthetic-archive.js';

export type ArchiveShape = 'jsonl' | 'files';

export interface WrittenArchive {
  dir: string;
  shape: ArchiveShape;
  files: string[];
  articles: number;
  /** Articles that are syndicated copies of another outlet's story. */
  copies: number;
  passages: number;
  bytes: number;
}

/** Paragraphs of a body as the archive writes them (separated by one blank line). */
export function countParagraphs(body: string): number {
  let count = 1;
  for (let at = body.indexOf('\n\n'); at !== -1; at = body.indexOf('\n\n', at + 2)) count++;
  return count;
}

/** The archive's articles in order, until exactly `passages` paragraphs (the last one cut short). */
export function* archiveArticles(
  archive: SyntheticArchive,
  passages: number,
): Generator<{ article: SyntheticArticle; copy: boolean }> {
  let written = 0;
  for (let story = 0; written < passages; story++) {
    const articles = archive.articles(story, passages - written);
    for (const [n, article] of articles.entries()) {
      if (written >= passages) return;
      let body = article.body;
      const count = countParagraphs(body);
      if (written + count > passages) {
        body = body
          .split('\n\n')
          .slice(0, passages - written)
          .join('\n\n');
      }
      written += countParagraphs(body);
      yield { article: { ...article, body }, copy: n > 0 };
    }
  }
}

/** Writes `passages` paragraphs of the archive into `dir` in the given shape. */
export function writeArchive(
  archive: SyntheticArchive,
  dir: string,
  passages: number,
  shape: ArchiveShape = 'jsonl',
  articlesPerFile = 1000,
): WrittenArchive {
  fs.mkdirSync(dir, { recursive: true });
  const written: WrittenArchive = { dir, shape, files: [], articles: 0, copies: 0, passages, bytes: 0 };
  let lines: string[] = [];
  const flushJsonl = () => {
    if (lines.length === 0) return;
    const file = path.join(dir, `archive-${String(written.files.length + 1).padStart(4, '0')}.jsonl`);
    write(written, file, lines.join(''));
    lines = [];
  };
  for (const { article, copy } of archiveArticles(archive, passages)) {
    written.articles++;
    if (copy) written.copies++;
    if (shape === 'files') {
      write(written, path.join(dir, articlePath(article)), markdown(article));
      continue;
    }
    lines.push(`${JSON.stringify(article)}\n`);
    if (lines.length === articlesPerFile) flushJsonl();
  }
  flushJsonl();
  return written;
}

function write(written: WrittenArchive, file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  written.bytes += Buffer.byteLength(text);
  written.files.push(file);
}

/** `harlowcourier.example/2016/syn-0000042-3.md`: outlet and year folders, as a CMS export has. */
function articlePath(article: SyntheticArticle): string {
  const domain = outlets.find((outlet) => outlet.name === article.source)?.domain ?? 'unknown';
  return path.join(domain, article.published.slice(0, 4), `${article.id}.md`);
}

/** The article as Markdown with YAML front matter (every value a plain scalar: words and dates). */
export function markdown(article: SyntheticArticle): string {
  return [
    '---',
    `title: ${article.title}`,
    `source: ${article.source}`,
    `author: ${article.author}`,
    `published: ${article.published}`,
    `url: ${article.url}`,
    '---',
    '',
    article.body,
    '',
  ].join('\n');
}
