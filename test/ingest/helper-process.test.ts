import { describe, expect, it } from 'vitest';
import { nextBatch } from '../../src/ingest/helper-process.js';
import type { PrepareJob } from '../../src/ingest/prepare-file.js';

const job = (file: string, size: number): PrepareJob => ({ file, size, mtimeMs: 0 });
const files = (batches: PrepareJob[][]) => batches.map((batch) => batch.map((j) => j.file));

/** Every batch of `jobs`, one after the other. */
function batchJobs(jobs: PrepareJob[]): PrepareJob[][] {
  const batches: PrepareJob[][] = [];
  for (let start = 0; start < jobs.length; start += batches.at(-1)!.length)
    batches.push(nextBatch(jobs, start));
  return batches;
}

describe('nextBatch', () => {
  it('keeps the order and puts small files together up to 2 MB', () => {
    const jobs = ['a', 'b', 'c'].map((name) => job(name, 900_000));
    expect(files(batchJobs(jobs))).toEqual([['a', 'b'], ['c']]);
  });

  it('sends a file larger than a batch on its own', () => {
    expect(files(batchJobs([job('small', 10), job('export', 50_000_000), job('next', 10)]))).toEqual([
      ['small'],
      ['export'],
      ['next'],
    ]);
  });

  it('puts at most 64 files in a batch, however small', () => {
    const batches = batchJobs(Array.from({ length: 200 }, (_, i) => job(`f${i}`, 100)));
    expect(batches.map((batch) => batch.length)).toEqual([64, 64, 64, 8]);
  });

  it('makes an empty batch past the end', () => {
    expect(nextBatch([job('a', 1)], 1)).toEqual([]);
  });

  it('starts where it is told (a fresh helper goes on from the file after a skipped one)', () => {
    expect(files([nextBatch([job('a', 1), job('b', 1), job('c', 1)], 1)])).toEqual([['b', 'c']]);
  });
});
