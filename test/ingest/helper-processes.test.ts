import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nextBatch, prepareInProcess } from '../../src/ingest/helper-process.js';
import {
  dealBatches,
  helperCount,
  prepareInHelperProcesses,
  startingHelpers,
} from '../../src/ingest/helper-processes.js';
import type { PreparedFile, PrepareJob } from '../../src/ingest/prepare-file.js';
import { markdownArticle, tempDir, writeFiles } from '../support/fixtures.js';

const job = (file: string, size = 100): PrepareJob => ({ file, size, mtimeMs: 0 });

describe('dealBatches', () => {
  it('deals whole batches to the helpers in turn, keeping each helper its files in order', () => {
    const jobs = Array.from({ length: 200 }, (_, i) => job(`f${i}`));
    const { shares, turns } = dealBatches(jobs, 2);
    expect(turns).toEqual([
      { helper: 0, files: 64 },
      { helper: 1, files: 64 },
      { helper: 0, files: 64 },
      { helper: 1, files: 8 },
    ]);
    expect(shares[0]!.map((j) => j.file)).toEqual(
      [...jobs.slice(0, 64), ...jobs.slice(128, 192)].map((j) => j.file),
    );
    expect(shares[1]!.map((j) => j.file)).toEqual(
      [...jobs.slice(64, 128), ...jobs.slice(192)].map((j) => j.file),
    );
  });

  it('gives a helper nothing when there are fewer batches than helpers', () => {
    const { shares, turns } = dealBatches([job('a')], 2);
    expect(turns).toEqual([{ helper: 0, files: 1 }]);
    expect(shares).toEqual([[job('a')], []]);
  });
});

describe('helperCount', () => {
  const batches = (n: number) => Array.from({ length: n * 64 }, (_, i) => job(`f${i}`));
  it.each([
    ['nothing to prepare', [], 2, 0],
    ['one core', batches(100), 1, 1],
    ['two cores, a few batches (a second process start would not pay)', batches(7), 2, 1],
    ['two cores, eight batches or more', batches(8), 2, 2],
    ['many cores: still two (the writer needs its core)', batches(100), 16, 2],
  ])('%s', (_case, jobs, cores, expected) => {
    expect(helperCount(jobs, cores)).toBe(expected);
  });
  it('keeps one helper for an archive mostly of exports larger than a batch (each held whole)', () => {
    const exports = Array.from({ length: 20 }, (_, i) => job(`export-${i}.jsonl`, 6_000_000));
    expect(nextBatch(exports, 0)).toHaveLength(1);
    expect(helperCount(exports, 2)).toBe(1);
    // One among many small files does not count: 6 MB beside 2,000 files of 30 KB.
    const articles = Array.from({ length: 2000 }, (_, i) => job(`a${i}.md`, 30_000));
    expect(helperCount([...articles, exports[0]!], 2)).toBe(2);
  });
});

describe('prepareInHelperProcesses', () => {
  let dir: string;
  let jobs: PrepareJob[];

  beforeAll(() => {
    dir = tempDir('readout-helpers-');
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) {
      files[`desk/${String(i).padStart(3, '0')}.md`] = markdownArticle(
        { title: `Harbour note ${i}`, source: i % 2 ? 'Coastal Gazette' : 'Harbour Ledger' },
        `"The ferry number ${i} leaves at dawn," said Ann Falk. The pier was repainted ${i} times.`,
      );
    }
    writeFiles(dir, files);
    jobs = Object.keys(files)
      .sort()
      .map((name) => {
        const file = path.join(dir, name);
        return { ...job(file, fs.statSync(file).size), mtimeMs: fs.statSync(file).mtimeMs };
      });
  });

  async function all(run: { files: AsyncGenerator<PreparedFile> }): Promise<PreparedFile[]> {
    const out: PreparedFile[] = [];
    for await (const prepared of run.files) out.push(prepared);
    return out;
  }

  it('prepares every file as this process would, in the order of the jobs', async () => {
    const here = prepareInProcess(jobs);
    const expected = await all(here);
    const helpers = prepareInHelperProcesses(jobs, { parseTimeoutMs: 60_000, parseMemoryMb: 512 }, 2);
    try {
      // 150 files of 64 a batch: three batches, dealt to two helpers.
      expect(dealBatches(jobs, 2).turns.map((turn) => turn.helper)).toEqual([0, 1, 0]);
      expect(await all(helpers)).toEqual(expected);
      expect(expected.filter((file) => file.kind === 'articles')).toHaveLength(150);
    } finally {
      helpers.close();
    }
  });

  it("skips a file past its time limit in the second helper's share, and prepares the files after it", async () => {
    // Nesting that costs Readability hours: no machine finishes it within the limit.
    const stuck = path.join(dir, 'nested.html');
    fs.writeFileSync(
      stuck,
      `<html><body><article><h1>Nested</h1>${'<div>'.repeat(6000)}<p>Deep.</p>${'</div>'.repeat(6000)}</article></body></html>`,
    );
    const at = 70; // in the second batch, the second helper's
    const withStuck = [...jobs.slice(0, at), job(stuck, fs.statSync(stuck).size), ...jobs.slice(at)];
    const helpers = prepareInHelperProcesses(withStuck, { parseTimeoutMs: 3_000, parseMemoryMb: 512 }, 2);
    try {
      const prepared = await all(helpers);
      expect(prepared).toHaveLength(withStuck.length);
      expect(prepared[at]).toMatchObject({
        kind: 'skipped',
        reason: expect.stringMatching(/took longer than 3 s/),
      });
      expect(prepared.filter((file) => file.kind === 'articles')).toHaveLength(jobs.length);
    } finally {
      helpers.close();
    }
  });

  it('takes helpers started before the jobs were known, and stops those it does not need', async () => {
    const limits = { parseTimeoutMs: 60_000, parseMemoryMb: 512 };
    const few = jobs.slice(0, 10);
    const expected = await all(prepareInProcess(few));
    const started = startingHelpers(limits, true, 2);
    expect(started).toHaveLength(2);
    const run = prepareInHelperProcesses(few, limits, 1, started);
    try {
      await started[1]!.helper.exited;
      expect(await all(run)).toEqual(expected);
    } finally {
      run.close();
    }
    await started[0]!.helper.exited;
  });

  it('stops every helper it was given when there is nothing to prepare', async () => {
    const started = startingHelpers({ parseTimeoutMs: 60_000, parseMemoryMb: 512 }, true, 2);
    const run = prepareInHelperProcesses([], { parseTimeoutMs: 60_000, parseMemoryMb: 512 }, 0, started);
    expect(await all(run)).toEqual([]);
    await Promise.all(started.map(({ helper }) => helper.exited));
  });

  it.each([
    [1, 'a run of every file on one core', true, 1],
    [2, 'a run of every file on two cores', true, 2],
    [1, 'a run of the changed files on two cores', false, 2],
  ])('starts %i helper(s) first for %s', (count, _case, everyFile, cores) => {
    const started = startingHelpers({ parseTimeoutMs: 60_000, parseMemoryMb: 512 }, everyFile, cores);
    for (const { helper } of started) helper.kill();
    expect(started).toHaveLength(count);
  });

  it('starts a second helper when the files call for two and one was started', async () => {
    const limits = { parseTimeoutMs: 60_000, parseMemoryMb: 512 };
    const expected = await all(prepareInProcess(jobs));
    const started = startingHelpers(limits, false, 2);
    expect(started).toHaveLength(1);
    const run = prepareInHelperProcesses(jobs, limits, 2, started);
    try {
      expect(await all(run)).toEqual(expected);
    } finally {
      run.close();
    }
    await started[0]!.helper.exited;
  });
});
