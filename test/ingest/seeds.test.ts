/**
 * The loaders against real scraped articles from the shared corpus (read in place, never copied
 * into the project). Skipped when the corpus is not beside the project.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../src/ingest/article.js';
import { loadArticleFile } from '../../src/ingest/load/load-article-file.js';
import { segmentArticle } from '../../src/ingest/segment.js';
import { projectRoot } from '../../src/paths.js';

const seedsDir = resolve(projectRoot, '..', 'shared', 'corpus', 'seeds');
const present = existsSync(seedsDir);

function loadSeed(prefix: string): ArticleDraft {
  const name = readdirSync(seedsDir).find((file) => file.startsWith(`${prefix}_`) && file.endsWith('.txt'));
  if (name === undefined) throw new Error(`no seed ${prefix}_*.txt in ${seedsDir}`);
  const loaded = loadArticleFile(name, readFileSync(join(seedsDir, name)));
  expect(loaded.problems).toEqual([]);
  expect(loaded.articles).toHaveLength(1);
  return loaded.articles[0]!;
}

const paragraphs = (article: ArticleDraft) => article.body.split('\n\n');

describe.skipIf(!present)(
  present ? 'seed articles' : `seed articles (skipped: ${seedsDir} is absent)`,
  () => {
    it.each([
      ['000', 'The white house posted its version of the telephone conversation Obama and Putin'],
      ['001', "Obama-Putin Hold 'Intense' Talk on Syria"],
      ['002', 'Putin spoke about the talks with Obama on Syria'],
      ['003', 'Russian and US presidents discuss Syrian crisis — Kremlin'],
      ['004', 'Putin says ‘some alignment’ with United States on Syria after Obama talks'],
    ])('finds the headline of seed %s', (seed, title) => {
      expect(loadSeed(seed).title).toBe(title);
    });

    it('reads source and date from the TASS dateline of seed 003', () => {
      expect(loadSeed('003')).toMatchObject({ source: 'TASS', published: '--11-21' });
    });

    it('invents no attribution for seeds without a dateline', () => {
      for (const seed of ['000', '001', '002', '004']) {
        const article = loadSeed(seed);
        expect(article.source).toBeUndefined();
        expect(article.published).toBeUndefined();
      }
    });

    it('keeps the repeated "FILE - Residents inspect…" caption of seed 001 once', () => {
      const captions = paragraphs(loadSeed('001')).filter((p) => p.startsWith('FILE - Residents inspect'));
      expect(captions).toHaveLength(1);
    });

    it.each([
      ['001', ['Accessibility links', 'Breaking News']],
      ['003', ['All news']],
      ['004', ['Share', 'Advertisement']],
    ])('keeps the site chrome of seed %s out of the body', (seed, chrome) => {
      const body = paragraphs(loadSeed(seed));
      for (const line of chrome) expect(body).not.toContain(line);
    });

    it('keeps the standfirst under the headline of seed 003 as text', () => {
      const [standfirst] = paragraphs(loadSeed('003'));
      expect(standfirst?.split(' ').length).toBeGreaterThanOrEqual(4);
      expect(standfirst).not.toMatch(/[.!?]$/);
      expect(standfirst).not.toMatch(/TASS/);
    });

    it('keeps curly and straight quotes of seed 003 as written', () => {
      const body = loadSeed('003').body;
      expect(body).toContain('’');
      expect(body).toContain('"');
    });

    it('decodes the accented letters of seed 001 without replacement characters', () => {
      const body = loadSeed('001').body;
      expect(body).toContain('é');
      expect(body).not.toContain('\ufffd');
    });

    it.each(['000', '001', '002', '003', '004'])(
      'segments seed %s into passages that keep all its text',
      (seed) => {
        const body = loadSeed(seed).body;
        const passages = segmentArticle(body);
        expect(passages.length).toBeGreaterThan(3);
        expect(passages.join('').replace(/\s+/g, '')).toBe(body.replace(/\s+/g, ''));
        for (const passage of passages) expect(passage.length).toBeGreaterThanOrEqual(80);
      },
    );
  },
);
