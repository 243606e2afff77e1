import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  countParagraphs,
  outlets,
  SyntheticArchive,
  writeArchive,
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

  it('syndicates about 2% of paragraphs verbatim into another outlet', () => {
    let paragraphs = 0;
    let copies = 0;
    for (let index = 0; index < 2000; index++) {
      const shape = archive.shape(index);
      paragraphs += shape.paragraphs;
      copies += shape.copies.size;
      if (index % 50 !== 0) continue;
      const article = archive.article(index);
      for (const [position, origin] of shape.copies) {
        const original = archive.article(origin.article);
        expect(original.source).not.toBe(article.source);
        expect(original.body.split('\n\n')).toContain(article.body.split('\n\n')[position]);
      }
    }
    expect(copies / paragraphs).toBeGreaterThan(0.01);
    expect(copies / paragraphs).toBeLessThan(0.03);
  });
});

describe('writeArchive', () => {
  it('writes exactly the passages asked for, as JSONL files of whole articles', () => {
    const dir = tempDir();
    const written = writeArchive(archive, dir, 2345, 100);
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

  it('writes the same bytes for the same seed', () => {
    const digest = (dir: string) => {
      const hash = createHash('sha256');
      for (const file of writeArchive(new SyntheticArchive({ seed: 7 }), dir, 1500, 50).files) {
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
