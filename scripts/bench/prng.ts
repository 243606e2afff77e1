/**
 * A small seeded pseudo-random generator, so the synthetic archive and its queries are the same
 * bytes on every machine and every run. Not for anything secret.
 */

/** Mixes integers into a well-spread 32-bit seed (the murmur3 finaliser, applied in turn). */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A deterministic stream of numbers from one seed (mulberry32: fast, 32 bits of state). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}

/**
 * Draws indexes from a fixed discrete distribution in constant time (Vose's alias method):
 * the archive draws tens of millions of words, so a binary search per word would show.
 */
export class AliasSampler {
  private readonly probability: Float64Array;
  private readonly alias: Int32Array;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    if (n === 0) throw new Error('AliasSampler: no weights');
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i]!;
    this.probability = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = new Float64Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i]! * n) / total;
      (scaled[i]! < 1 ? small : large).push(i);
    }
    while (small.length > 0 && large.length > 0) {
      const less = small.pop()!;
      const more = large.pop()!;
      this.probability[less] = scaled[less]!;
      this.alias[less] = more;
      scaled[more] = scaled[more]! + scaled[less]! - 1;
      (scaled[more]! < 1 ? small : large).push(more);
    }
    // Whatever is left holds probability 1 up to rounding.
    for (const i of [...small, ...large]) this.probability[i] = 1;
  }

  get size(): number {
    return this.probability.length;
  }

  sample(random: Random): number {
    const column = Math.floor(random.next() * this.probability.length);
    return random.next() < this.probability[column]! ? column : this.alias[column]!;
  }
}

/** Zipf weights 1/rank^exponent for ranks 1..n (index 0 is rank 1). */
export function zipfWeights(n: number, exponent = 1): Float64Array {
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = 1 / (i + 1) ** exponent;
  return weights;
}
