/**
 * `/readout timeline` in the benchmark: `timeline()` called in-process on the built index, warm
 * (one untimed pass), over three sets of queries:
 * - the benchmark's own queries (the same that readout() and bare FTS5 answer), for comparison;
 * - one mid-frequency word each (the first word of each "words" query): what a reporter asks a
 *   timeline for, a name or a subject, matching far more passages than two or three words do;
 * - the archive's commonest words, which match more passages than a timeline reads (its cap):
 *   the worst case a search thread can be given.
 */
import fs from 'node:fs';
import { defaultAliasesFile } from '../../src/paths.js';
import type { BenchQuery } from './queries.js';
import { type LatencySummary, summariseLatencies } from './stats.js';

export interface TimelineQuerySet {
  latency: LatencySummary;
  queries: number;
  /** Queries whose timeline has at least one entry. */
  answered: number;
  /** Median number of entries (articles) on the whole timeline. */
  medianEntries: number;
}

export interface TimelineBenchResult {
  benchQueries: TimelineQuerySet;
  oneWord: TimelineQuerySet;
  commonest: TimelineQuerySet;
}

/** The single-word and commonest-word queries of the timeline measurement. */
export function timelineQueries(queries: BenchQuery[], vocabulary: readonly string[]) {
  const oneWord = [...new Set(queries.filter((q) => q.kind === 'words').map((q) => q.text.split(' ')[0]!))];
  return { oneWord, commonest: vocabulary.slice(0, 5) };
}

export async function timeTimeline(
  databaseFile: string,
  sets: { benchQueries: string[]; oneWord: string[]; commonest: string[] },
  rounds: number,
): Promise<TimelineBenchResult> {
  const { openDatabase } = await import('../../src/index/database.js');
  const { SearchIndex } = await import('../../src/search/search-index.js');
  const { IndexReader } = await import('../../src/index/reader.js');
  const { timeline } = await import('../../src/readout.js');
  const db = openDatabase(databaseFile);
  try {
    const aliasesFile = fs.existsSync(defaultAliasesFile) ? defaultAliasesFile : undefined;
    const search = new SearchIndex(new IndexReader(db), { aliasesFile });
    const entries = (text: string): number => {
      const result = timeline(text, {}, { search });
      if (result.kind === 'failed') throw new Error(`timeline failed: ${result.detail}`);
      return result.total;
    };
    const measure = (texts: string[]): TimelineQuerySet => {
      const totals = texts.map(entries);
      const milliseconds: number[] = [];
      for (let round = 0; round < rounds; round++) {
        for (const text of texts) {
          const started = performance.now();
          entries(text);
          milliseconds.push(performance.now() - started);
        }
      }
      const sorted = [...totals].sort((a, b) => a - b);
      return {
        latency: summariseLatencies(milliseconds),
        queries: texts.length,
        answered: totals.filter((total) => total > 0).length,
        medianEntries: sorted[Math.floor(sorted.length / 2)] ?? 0,
      };
    };
    return {
      benchQueries: measure(sets.benchQueries),
      oneWord: measure(sets.oneWord),
      commonest: measure(sets.commonest),
    };
  } finally {
    db.close();
  }
}
