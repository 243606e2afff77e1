/**
 * The loaders against a real news archive: the 2,225 BBC News articles of ../shared/corpus/bbc
 * (2004–2005, research use only; read in place, never copied into the project). Each file is a
 * headline on the first line, then paragraphs. Skipped, with the reason, when the corpus is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticleFile } from '../../src/ingest/load/load-article-file.js';
import { projectRoot } from '../../src/paths.js';
import { normalizeWhitespace } from '../../src/text/whitespace.js';

const bbcDir = resolve(projectRoot, '..', 'shared', 'corpus', 'bbc');
const present = existsSync(bbcDir);

/** Every article file: `section/NNN.txt` (the corpus's README.TXT is not an article). */
function articleFiles(): string[] {
  return readdirSync(bbcDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((section) =>
      readdirSync(join(bbcDir, section.name))
        .filter((name) => name.endsWith('.txt'))
        .map((name) => join(section.name, name)),
    )
    .sort();
}

describe.skipIf(!present)(
  present ? 'the BBC archive' : `the BBC archive (skipped: ${bbcDir} is absent)`,
  () => {
    const files = present ? articleFiles() : [];
    const loaded = files.map((file) => {
      const bytes = readFileSync(join(bbcDir, file));
      const firstLine = normalizeWhitespace(bytes.toString('utf8').split('\n')[0]!);
      return { file, firstLine, article: loadArticleFile(file, bytes).articles[0]! };
    });

    it('holds 2,225 articles', () => {
      expect(files).toHaveLength(2225);
    });

    it('stores every headline as written on the first line', () => {
      const wrong = loaded
        .filter(({ firstLine, article }) => article.title !== firstLine)
        .map(
          ({ file, firstLine, article }) =>
            `${file}: ${JSON.stringify(firstLine)} → ${JSON.stringify(article.title)}`,
        );
      expect(wrong).toEqual([]);
    });

    it('keeps the headline out of the body and the body whole', () => {
      for (const { file, firstLine, article } of loaded) {
        expect(article.body.startsWith(firstLine), file).toBe(false);
        expect(article.body.length, file).toBeGreaterThan(100);
      }
    });

    it('takes no date from the text: the archive prints none in its headers', () => {
      const dated = loaded
        .filter(({ article }) => article.published !== undefined)
        .map(({ file, article }) => `${file}: ${article.published}`);
      expect(dated).toEqual([]);
    });
  },
);

if (!present) {
  describe('the BBC archive', () => {
    it.skip(`skipped: the BBC corpus is not at ${bbcDir} (it ships beside the project as ../shared)`, () => {});
  });
}
