/**
 * A worker thread asking FTS5 for some of the very common words' best documents (WordRanking.best)
 * on a read-only connection of its own, so that a large index's words are ranked on both cores
 * while the re-index optimises the full-text index and reads every document's length and
 * facets, from which it makes the lists. It reads the index as last committed; optimising
 * changes neither documents nor the statistics bm25 uses.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { WordRanking } from './word-ranking.js';

export interface ChampionWork {
  file: string;
  words: string[];
  /** Documents to keep per word (the worker returns one more: the best left out). */
  size: number;
}

const work = workerData as ChampionWork;
const db = new Database(work.file, { readonly: true });
try {
  const ranking = new WordRanking(db);
  const best = work.words.map((word) => ranking.best(word, work.size));
  parentPort!.postMessage(
    best,
    best.flatMap(({ ids, ranks }) => [ids.buffer as ArrayBuffer, ranks.buffer as ArrayBuffer]),
  );
} finally {
  db.close();
}
