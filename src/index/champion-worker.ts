/**
 * A worker thread ranking some of the very common words for their champion lists
 * (word-ranking.ts) on a read-only connection of its own, so that a large index's lists are
 * ranked on both cores while the re-index optimises the full-text index. It reads the index as
 * last committed; optimising changes neither documents nor the statistics bm25 uses.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { FtsTotals } from './bm25.js';
import { WordRanking } from './word-ranking.js';

export interface ChampionWork {
  file: string;
  words: Array<{ word: string; documents: number }>;
  totals: FtsTotals;
  size: number;
}

const work = workerData as ChampionWork;
const db = new Database(work.file, { readonly: true });
try {
  const ranking = new WordRanking(db);
  if (work.words.length * work.size > work.totals.rows) ranking.readEveryDocument();
  parentPort!.postMessage(
    work.words.map(({ word, documents }) => ranking.rank(word, documents, work.totals, work.size)),
  );
} finally {
  db.close();
}
