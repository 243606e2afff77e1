import { describe, expect, it } from 'vitest';
import { AliasSampler, mixSeed, Random, zipfWeights } from '../../scripts/bench/prng.js';
import { median, percentile } from '../../scripts/bench/stats.js';

describe('percentile', () => {
  it.each([
    [[5], 50, 5],
    [[1, 2, 3, 4], 50, 2],
    [[4, 3, 2, 1], 100, 4],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
    [Array.from({ length: 200 }, (_, i) => i + 1), 99, 198],
    [[], 50, Number.NaN],
  ])('of %j at %i is %d', (samples, p, expected) => {
    expect(percentile(samples, p)).toBe(expected);
  });
});

describe('median', () => {
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[7], 7],
  ])('of %j is %d', (samples, expected) => {
    expect(median(samples)).toBe(expected);
  });
});

describe('Random', () => {
  it('repeats its stream for the same seed and not for another', () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 5 },
        (
          (random) => () =>
            random.next()
        )(new Random(seed)),
      );
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3)).not.toEqual(draw(4));
  });

  it('keeps int() within its bounds, both reached', () => {
    const random = new Random(mixSeed(1, 2));
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(random.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });
});

describe('AliasSampler', () => {
  it('draws each index in proportion to its weight', () => {
    const weights = [1, 2, 3, 4, 0];
    const sampler = new AliasSampler(weights);
    const random = new Random(99);
    const counts = [0, 0, 0, 0, 0];
    const draws = 200_000;
    for (let i = 0; i < draws; i++) counts[sampler.sample(random)]!++;
    weights.forEach((weight, index) => {
      expect(counts[index]! / draws).toBeCloseTo(weight / 10, 2);
    });
  });

  it('draws Zipf weights with the most frequent rank first', () => {
    const sampler = new AliasSampler(zipfWeights(1000));
    const random = new Random(5);
    const counts = new Array<number>(1000).fill(0);
    for (let i = 0; i < 100_000; i++) counts[sampler.sample(random)]!++;
    // Rank 1 about twice rank 2 and ten times rank 10.
    expect(counts[0]! / counts[1]!).toBeGreaterThan(1.7);
    expect(counts[0]! / counts[1]!).toBeLessThan(2.3);
    expect(counts[0]! / counts[9]!).toBeGreaterThan(8);
    expect(counts[0]! / counts[9]!).toBeLessThan(12);
  });
});
