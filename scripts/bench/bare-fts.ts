/**
 * The bare baseline: the same passages in a plain FTS5 table, loaded and queried the simplest
 * fast way better-sqlite3 allows. It is what Readout's own index is measured against.
 *
 * Run as a program (`node --import tsx scripts/bench/bare-fts.ts ARCHIVE_DIR DB_FILE`) it reads
 * every article of the archive — JSONL lines, or one Markdown file per article (front matter read
 * line by line) — and inserts one row per paragraph, with the article's headline, in one
 * transaction with one prepared insert; a side table keeps each row's outlet, date and quoted
 * speaker for the filters, as any application would. Then it runs FTS5 'optimize' and prints its phase times as
 * JSON. Running it as its own process lets the benchmark measure its time and peak memory like
 * the re-index's.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { BareFilter } from './queries.js';
import { attributionPattern } from './synthetic-archive.js';

export const bareTableSql = `
  CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize='porter unicode61 remove_diacritics 2');
  CREATE TABLE m (id INTEGER PRIMARY KEY, source TEXT, published TEXT, speaker TEXT);`;

const snippet = "snippet(t, 1, '*', '*', '…', 20)";
export const bareQuerySql = `SELECT rowid, ${snippet} AS snippet FROM t WHERE t MATCH ? ORDER BY rank LIMIT 5`;

/** The same query with a filter as a join on the side table (SQLite plans it as it likes). */
export function bareFilteredSql(filter: BareFilter): string {
  const conditions = [
    filter.source !== undefined ? 'm.source = @source' : '',
    filter.from !== undefined ? 'm.published >= @from' : '',
    filter.before !== undefined ? 'm.published < @before' : '',
    filter.speaker !== undefined ? 'm.speaker = @speaker' : '',
  ].filter(Boolean);
  return `SELECT t.rowid, ${snippet} AS snippet FROM t JOIN m ON m.id = t.rowid
          WHERE t MATCH @match AND ${conditions.join(' AND ')} ORDER BY rank LIMIT 5`;
}

export interface BareLoadReport {
  passages: number;
  /** Reading, parsing and inserting, in seconds. */
  insertSeconds: number;
  optimizeSeconds: number;
}

interface BareArticle {
  title: string;
  body: string;
  source?: string;
  published?: string;
}

/** Opens a database the way Readout opens its own (WAL, synchronous NORMAL), for a fair comparison. */
export function openBareDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  return db;
}

/** Every file under `dir`, sorted, recursively. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(full) : [full];
    });
}

/** A Markdown article with `key: value` front matter, read the quick way. */
function readMarkdown(text: string): BareArticle {
  const end = text.indexOf('\n---\n', 4);
  const fields: Record<string, string> = {};
  for (const line of text.slice(4, end).split('\n')) {
    const colon = line.indexOf(':');
    fields[line.slice(0, colon)] = line.slice(colon + 1).trim();
  }
  return {
    title: fields.title ?? '',
    body: text.slice(end + 5).trim(),
    source: fields.source,
    published: fields.published,
  };
}

function* articlesOf(file: string): Generator<BareArticle> {
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.md')) {
    yield readMarkdown(text);
    return;
  }
  for (const line of text.split('\n')) if (line) yield JSON.parse(line) as BareArticle;
}

/** Loads every article of `archiveDir` (JSONL or Markdown files) into a new bare FTS5 table in `dbFile`. */
export function loadBare(archiveDir: string, dbFile: string): BareLoadReport {
  const db = openBareDatabase(dbFile);
  db.exec(bareTableSql);
  const insert = db.prepare('INSERT INTO t (title, body) VALUES (?, ?)');
  const insertMeta = db.prepare('INSERT INTO m (id, source, published, speaker) VALUES (?, ?, ?, ?)');
  const files = filesUnder(archiveDir).filter((file) => /\.(jsonl|md)$/.test(file));
  const started = performance.now();
  let passages = 0;
  db.transaction(() => {
    for (const file of files) {
      for (const article of articlesOf(file)) {
        for (const paragraph of article.body.split('\n\n')) {
          const id = insert.run(article.title, paragraph).lastInsertRowid;
          // The speaker of a quotation, as an application that knows its archive's format would.
          const speaker = attributionPattern.exec(paragraph)?.[1] ?? null;
          insertMeta.run(id, article.source ?? null, article.published ?? null, speaker);
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

export interface BareQueryTiming {
  milliseconds: number[];
  hits: number;
}

/**
 * Times bare FTS5 for each benchmark query: one untimed pass to warm the caches, then `rounds`
 * timed passes. A filtered query joins the side table; a fallback query runs the AND query, and
 * the OR query when the AND finds nothing, as an application would. Returns per query its
 * timings and how many rows it found.
 */
export function timeBareQueries(
  dbFile: string,
  queries: readonly { bare: { match: string; filter?: BareFilter; fallback?: string } }[],
  rounds: number,
): BareQueryTiming[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    const plain = db.prepare(bareQuerySql);
    const statements = new Map<string, Database.Statement>();
    const run = ({ match, filter, fallback }: (typeof queries)[number]['bare']): number => {
      if (!filter) {
        const rows = plain.all(match).length;
        return rows === 0 && fallback ? plain.all(fallback).length : rows;
      }
      const sql = bareFilteredSql(filter);
      if (!statements.has(sql)) statements.set(sql, db.prepare(sql));
      return statements.get(sql)!.all({ match, ...filter }).length;
    };
    const timings = queries.map((query) => ({ query, milliseconds: [] as number[], hits: run(query.bare) }));
    for (let round = 0; round < rounds; round++) {
      for (const timing of timings) {
        const started = performance.now();
        run(timing.query.bare);
        timing.milliseconds.push(performance.now() - started);
      }
    }
    return timings.map(({ milliseconds, hits }) => ({ milliseconds, hits }));
  } finally {
    db.close();
  }
}
