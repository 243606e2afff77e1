/** Summaries of timing samples. */

/** The nearest-rank percentile (`p` in 0..100) of the samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface LatencySummary {
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

export function summariseLatencies(milliseconds: readonly number[]): LatencySummary {
  return {
    samples: milliseconds.length,
    p50: percentile(milliseconds, 50),
    p99: percentile(milliseconds, 99),
    max: percentile(milliseconds, 100),
  };
}
