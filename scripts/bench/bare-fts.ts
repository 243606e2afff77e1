/**
 * The bare baseline: the same passages in a plain FTS5 table, loaded and queried the simplest
 * fast way better-sqlite3 allows. It is what Readout's own index is measured against.
 *
 * Run as a program (`node --import tsx scripts/bench/bare-fts.ts ARCHIVE_DIR DB_FILE`) it loads
 * every JSONL file of the archive — one row per paragraph, with the article's headline — in one
 * transaction with one prepared insert, runs FTS5 'optimize', and prints its phase times as JSON.
 * Running it as its own process lets the benchmark measure its peak memory like the re-index's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export const bareTableSql =
  "CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='porter unicode61 remove_diacritics 2')";

export const bareQuerySql =
  "SELECT rowid, snippet(t, 1, '*', '*', '…', 20) AS snippet FROM t WHERE t MATCH ? ORDER BY rank LIMIT 5";

export interface BareLoadReport {
  passages: number;
  /** Reading, parsing and inserting, in seconds. */
  insertSeconds: number;
  optimizeSeconds: number;
}

/** Opens a database the way Readout opens its own (WAL, synchronous NORMAL), for a fair comparison. */
export function openBareDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

/** Loads every `*.jsonl` file of `archiveDir` into a new bare FTS5 table in `dbFile`. */
export function loadBare(archiveDir: string, dbFile: string): BareLoadReport {
  const db = openBareDatabase(dbFile);
  db.exec(bareTableSql);
  const insert = db.prepare('INSERT INTO t (title, body) VALUES (?, ?)');
  const files = fs
    .readdirSync(archiveDir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
  const started = performance.now();
  let passages = 0;
  db.transaction(() => {
    for (const name of files) {
      const text = fs.readFileSync(path.join(archiveDir, name), 'utf8');
      for (const line of text.split('\n')) {
        if (!line) continue;
        const article = JSON.parse(line) as { title: string; body: string };
        for (const paragraph of article.body.split('\n\n')) {
          insert.run(article.title, paragraph);
          passages++;
        }
      }
    }
  })();
  const inserted = performance.now();
  db.exec("INSERT INTO t (t) VALUES ('optimize')");
  const optimized = performance.now();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return {
    passages,
    insertSeconds: (inserted - started) / 1000,
    optimizeSeconds: (optimized - inserted) / 1000,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [archiveDir, dbFile] = process.argv.slice(2);
  if (!archiveDir || !dbFile) {
    console.error('usage: bare-fts.ts ARCHIVE_DIR DB_FILE');
    process.exit(2);
  }
  fs.rmSync(dbFile, { force: true });
  console.log(JSON.stringify(loadBare(archiveDir, dbFile)));
}

/**
 * Times the bare query for each benchmark query: one untimed pass to warm the caches, then
 * `rounds` timed passes. Returns per query its timings and how many rows it found.
 */
export function timeBareQueries(
  dbFile: string,
  queries: readonly { text: string }[],
  rounds: number,
  toMatch: (text: string) => string,
): Array<{ milliseconds: number[]; hits: number }> {
  const db = new Database(dbFile, { readonly: true });
  try {
    const select = db.prepare(bareQuerySql);
    const timings = queries.map((query) => {
      const match = toMatch(query.text);
      return { match, milliseconds: [] as number[], hits: select.all(match).length };
    });
    for (let round = 0; round < rounds; round++) {
      for (const timing of timings) {
        const started = performance.now();
        select.all(timing.match);
        timing.milliseconds.push(performance.now() - started);
      }
    }
    return timings.map(({ milliseconds, hits }) => ({ milliseconds, hits }));
  } finally {
    db.close();
  }
}
