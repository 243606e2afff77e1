import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Random } from '../../scripts/bench/prng.js';
import {
  bareMatchExpression,
  benchQueries,
  midFrequencyRanks,
  oneEdit,
} from '../../scripts/bench/queries.js';
import { SyntheticArchive, writeArchive } from '../../scripts/bench/synthetic-archive.js';

const archive = new SyntheticArchive({ seed: 11 });
const queries = benchQueries(archive, 300);
const rankOf = new Map(archive.vocabulary.map((word, rank) => [word, rank]));

/** Edit distance with adjacent transpositions (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-bench-queries-'));
afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

describe('benchQueries', () => {
  it('gives the same list for the same seed', () => {
    expect(benchQueries(new SyntheticArchive({ seed: 11 }), 300)).toEqual(queries);
  });

  it('gives another list for another seed', () => {
    expect(benchQueries(new SyntheticArchive({ seed: 12 }), 300)).not.toEqual(queries);
  });

  it('mixes words, phrases and typos, half, three tenths and one fifth', () => {
    const count = (kind: string) => queries.filter((query) => query.kind === kind).length;
    expect([count('words'), count('phrase'), count('typo')]).toEqual([150, 90, 60]);
  });

  it('asks two or three mid-frequency words of the archive in word queries', () => {
    for (const query of queries.filter((q) => q.kind === 'words')) {
      const words = query.text.split(' ');
      expect(words.length).toBeGreaterThanOrEqual(2);
      expect(words.length).toBeLessThanOrEqual(3);
      for (const word of words) {
        const rank = rankOf.get(word);
        expect(rank, word).toBeGreaterThanOrEqual(midFrequencyRanks.from);
        expect(rank, word).toBeLessThan(midFrequencyRanks.to);
      }
    }
  });

  it('mistypes exactly one word of a typo query, by one edit of a vocabulary word', () => {
    for (const query of queries.filter((q) => q.kind === 'typo')) {
      const unknown = query.text.split(' ').filter((word) => !rankOf.has(word));
      expect(unknown, query.text).toHaveLength(1);
      const typo = unknown[0]!;
      // Only words that one edit after the first letter can reach: same first letter, length ±1.
      const nearest = Math.min(
        ...archive.vocabulary
          .slice(midFrequencyRanks.from, midFrequencyRanks.to)
          .filter((word) => word[0] === typo[0] && Math.abs(word.length - typo.length) <= 1)
          .map((word) => editDistance(word, typo)),
      );
      expect(nearest).toBe(1);
    }
  });

  it('quotes phrases that start and end with a word outside the 100 commonest', () => {
    for (const query of queries.filter((q) => q.kind === 'phrase')) {
      const words = /"([^"]+)"/.exec(query.text)![1]!.split(' ');
      expect(rankOf.get(words[0]!), query.text).toBeGreaterThanOrEqual(100);
      expect(rankOf.get(words.at(-1)!), query.text).toBeGreaterThanOrEqual(100);
    }
  });

  it('takes phrases that occur in an archive of 10,000 passages', () => {
    const written = writeArchive(archive, workDir, 10_000);
    const text = written.files
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n')
      .toLowerCase()
      .replace(/[,.]/g, '');
    for (const query of queries.filter((q) => q.kind === 'phrase')) {
      const phrase = /"([^"]+)"/.exec(query.text)![1]!;
      expect(text.includes(phrase), phrase).toBe(true);
    }
  });
});

describe('oneEdit', () => {
  it.each(['politics', 'senator', 'harbour', 'ballots', 'treaty'])(
    'changes %s by exactly one edit',
    (word) => {
      const random = new Random(word.length);
      for (let i = 0; i < 50; i++) {
        const typo = oneEdit(word, random);
        expect(editDistance(word, typo), typo).toBe(1);
        expect(typo[0]).toBe(word[0]);
      }
    },
  );
});

describe('bareMatchExpression', () => {
  it.each([
    ['obama putin', '"obama" "putin"'],
    ['"state department" visit', '"state department" "visit"'],
    ['AND OR NEAR(x', '"AND" "OR" "NEAR(x"'],
    ['say"what', '"say""what"'],
    ['  spaced   out  ', '"spaced" "out"'],
    ['"" word', '"word"'],
  ])('turns %j into %j', (text, expression) => {
    expect(bareMatchExpression(text)).toBe(expression);
  });
});
