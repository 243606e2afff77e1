import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countParagraphs, markdown, writeArchive } from '../../scripts/bench/archive-writers.js';
import {
  attributionPattern,
  outlets,
  SyntheticArchive,
  syndication,
} from '../../scripts/bench/synthetic-archive.js';

const archive = new SyntheticArchive({ seed: 7 });
const tempDirs: string[] = [];

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-bench-test-'));
  tempDirs.push(dir);
  return dir;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z]+/g) ?? [];
}

/** Least-squares slope of log(frequency) against log(rank) over ranks [from, to). */
function logLogSlope(frequencies: number[], from: number, to: number): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let rank = from; rank < to; rank++) {
    xs.push(Math.log(rank + 1));
    ys.push(Math.log(frequencies[rank]!));
  }
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ys.reduce((a, b) => a + b) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return num / den;
}

describe('SyntheticArchive', () => {
  it('generates the same articles for the same seed', () => {
    const again = new SyntheticArchive({ seed: 7 });
    for (const index of [0, 1, 57, 999]) expect(again.article(index)).toEqual(archive.article(index));
  });

  it('generates other articles for another seed', () => {
    const other = new SyntheticArchive({ seed: 8 });
    expect(other.article(3).body).not.toBe(archive.article(3).body);
    expect(other.vocabulary.slice(0, 50)).not.toEqual(archive.vocabulary.slice(0, 50));
  });

  it('invents tens of thousands of distinct word forms', () => {
    expect(archive.vocabulary.length).toBeGreaterThanOrEqual(50_000);
    expect(new Set(archive.vocabulary).size).toBe(archive.vocabulary.length);
  });

  it('uses words with Zipf-shaped frequencies (log-log slope near -1)', () => {
    const counts = new Map<string, number>();
    for (let index = 0; index < 300; index++) {
      for (const word of words(archive.article(index).body)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    const frequencies = [...counts.values()].sort((a, b) => b - a);
    const slope = logLogSlope(frequencies, 2, 300);
    expect(slope).toBeLessThan(-0.75);
    expect(slope).toBeGreaterThan(-1.25);
    // The most common word is common, not dominant, as "the" is in English.
    const total = frequencies.reduce((a, b) => a + b);
    expect(frequencies[0]! / total).toBeGreaterThan(0.03);
    expect(frequencies[0]! / total).toBeLessThan(0.15);
  });

  it('writes articles of 4–15 paragraphs of 40–120 words', () => {
    for (let index = 0; index < 200; index++) {
      const paragraphs = archive.article(index).body.split('\n\n');
      expect(paragraphs.length).toBeGreaterThanOrEqual(4);
      expect(paragraphs.length).toBeLessThanOrEqual(15);
      for (const paragraph of paragraphs) {
        expect(words(paragraph).length).toBeGreaterThanOrEqual(40);
        expect(words(paragraph).length).toBeLessThanOrEqual(120);
      }
    }
  });

  it("opens some paragraphs with a quotation and its speaker, one of the archive's speakers", () => {
    const speakers = new Set(archive.speakers);
    const quoted = Array.from({ length: 200 }, (_, index) => archive.paragraph(index, 0)).filter((p) =>
      p.startsWith('"'),
    );
    expect(quoted.length).toBeGreaterThan(10);
    expect(quoted.length).toBeLessThan(60);
    for (const paragraph of quoted) {
      const speaker = attributionPattern.exec(paragraph)?.[1];
      expect(speaker && speakers.has(speaker), paragraph).toBe(true);
    }
  });

  it('gives every article a headline, an outlet, a date in twenty years, an author and a url', () => {
    const names = new Set(outlets.map((outlet) => outlet.name));
    for (let index = 0; index < 100; index++) {
      const article = archive.article(index);
      expect(article.title.split(' ').length).toBeGreaterThanOrEqual(5);
      expect(names.has(article.source)).toBe(true);
      expect(article.published).toMatch(/^20(0[6-9]|1\d|2[0-5])-\d\d-\d\d$/);
      expect(article.author).toMatch(/^\S+ \S+$/);
      expect(article.url).toMatch(/^https:\/\/[a-z]+\.example\/\d{4}\/\d\d\/.+-\d+$/);
    }
  });

  it('draws outlets unevenly: a few big ones, twenty small ones of about half a percent each', () => {
    const counts = new Map<string, number>();
    const stories = 20_000;
    for (let index = 0; index < stories; index++) {
      const { source } = archive.article(index);
      counts.set(source, (counts.get(source) ?? 0) + 1);
    }
    expect(counts.get(outlets[0]!.name)! / stories).toBeGreaterThan(0.15);
    for (const outlet of outlets.slice(-20))
      expect((counts.get(outlet.name) ?? 0) / stories).toBeLessThan(0.008);
  });

  it('carries about 3% of stories in 5–40 other outlets: the same paragraphs, a day or two later', () => {
    let syndicated = 0;
    const stories = 3000;
    for (let index = 0; index < stories; index++) {
      const shape = archive.shape(index);
      if (shape.copies.length === 0) continue;
      syndicated++;
      expect(shape.copies.length).toBeGreaterThanOrEqual(syndication.minOutlets);
      expect(shape.copies.length).toBeLessThanOrEqual(syndication.maxOutlets);
      const [original, ...copies] = archive.articles(index);
      expect(new Set([original!.source, ...copies.map((copy) => copy.source)]).size).toBe(copies.length + 1);
      for (const copy of copies) {
        expect(copy.body).toBe(original!.body);
        const days = (Date.parse(copy.published) - Date.parse(original!.published)) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(0);
        expect(days).toBeLessThanOrEqual(2);
      }
    }
    expect(syndicated / stories).toBeGreaterThan(0.02);
    expect(syndicated / stories).toBeLessThan(0.04);
  });
});

describe('writeArchive', () => {
  it('writes exactly the passages asked for, as JSONL files of whole articles', () => {
    const dir = tempDir();
    const written = writeArchive(archive, dir, 2345, 'jsonl', 100);
    expect(written.passages).toBe(2345);
    let passages = 0;
    let articles = 0;
    for (const file of written.files) {
      const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
      expect(lines.length).toBeLessThanOrEqual(100);
      for (const line of lines) {
        const article = JSON.parse(line);
        expect(Object.keys(article).sort()).toEqual([
          'author',
          'body',
          'id',
          'published',
          'source',
          'title',
          'url',
        ]);
        passages += countParagraphs(article.body);
        articles++;
      }
    }
    expect(passages).toBe(2345);
    expect(articles).toBe(written.articles);
    expect(written.files.length).toBe(Math.ceil(articles / 100));
  });

  it('writes the same articles as one Markdown file each, in outlet and year folders', () => {
    const jsonl = writeArchive(archive, tempDir(), 3000, 'jsonl');
    const files = writeArchive(archive, tempDir(), 3000, 'files');
    expect(files.files.length).toBe(jsonl.articles);
    expect(files.copies).toBe(jsonl.copies);
    expect(files.copies).toBeGreaterThan(0);
    const articles = jsonl.files.flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    );
    const byPath = new Map(files.files.map((file) => [path.relative(files.dir, file), file]));
    for (const article of articles.slice(0, 50)) {
      const domain = outlets.find((outlet) => outlet.name === article.source)!.domain;
      const file = byPath.get(path.join(domain, article.published.slice(0, 4), `${article.id}.md`));
      expect(fs.readFileSync(file!, 'utf8')).toBe(markdown(article));
    }
  });

  it('writes the same bytes for the same seed', () => {
    const digest = (dir: string) => {
      const hash = createHash('sha256');
      for (const file of writeArchive(new SyntheticArchive({ seed: 7 }), dir, 1500, 'files').files) {
        hash.update(path.basename(file)).update(fs.readFileSync(file));
      }
      return hash.digest('hex');
    };
    expect(digest(tempDir())).toBe(digest(tempDir()));
  });
});

describe('countParagraphs', () => {
  it.each([
    ['one', 1],
    ['one\n\ntwo', 2],
    ['one\ntwo', 1],
    ['a\n\nb\n\nc', 3],
  ])('counts %j as %i', (body, count) => {
    expect(countParagraphs(body)).toBe(count);
  });
});
