/**
 * Opening Readout's SQLite file: pragmas, schema migrations, and the clear errors an admin needs
 * when the file is missing, corrupt, newer than this code, or not writable.
 *
 * The schema lives only in db/migrations/NNN-name.sql; the database records the number of the
 * last one applied in PRAGMA user_version, and opening an older database applies the rest.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ReadoutError } from '../errors.js';
import { migrationsDir } from '../paths.js';
import { explainOpenError } from './sqlite-errors.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file (and its folder) when it does not exist. The bot does not; re-index does. */
  create?: boolean;
  /** How long to wait for another connection's lock, in ms. */
  busyTimeoutMs?: number;
  /** Folder of numbered .sql migrations; tests may point elsewhere. */
  migrationsFolder?: string;
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Reads `NNN-name.sql` files in order. Numbers must start at 1 and have no gaps. */
export function readMigrations(folder = migrationsDir): Migration[] {
  const migrations = fs
    .readdirSync(folder)
    .filter((name) => /^\d+-.+\.sql$/.test(name))
    .map((name) => ({
      version: Number.parseInt(name, 10),
      name,
      sql: fs.readFileSync(path.join(folder, name), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`migrations: expected migration ${index + 1}, found ${migration.name}`);
    }
  });
  return migrations;
}

const fixHint = 'run `npm run reindex` to build it';

/**
 * How much of the file a searching connection reads through a memory map (PRAGMA mmap_size;
 * SQLite caps it at its compile-time maximum, 2 GB). A search reads pages all over a large
 * index, and through the default 2 MB page cache each is a read() call and a copy: at a million
 * passages, mapped, searches took a third to a half less time. The mapped pages are the system's
 * file cache, shared and reclaimable, not the process's own memory (though counted in its RSS).
 * The re-index's connection (openDatabase) is not mapped: it touches the whole file, and its
 * memory would seem to grow by the size of the index. The one hazard: a file cut short in place
 * by another program while mapped stops the process (SIGBUS) instead of failing a query —
 * replace an index with `mv` or a re-index, never by overwriting it (README, Operations).
 */
export const mappedBytes = 2 ** 32;

/** Maps the file for searching (see mappedBytes): the bot's and the console's reading connections, the CLI's. */
export function mapForReading(db: Db): void {
  db.pragma(`mmap_size = ${mappedBytes}`);
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const exists = fs.existsSync(file);
  if (!exists && !options.create) {
    throw new ReadoutError('database_missing', `database ${file} does not exist; ${fixHint}`);
  }
  if (!exists) fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new ReadoutError(
      'database_unwritable',
      `database ${file} cannot be opened (${(error as Error).message}); check the path and its permissions`,
      { cause: error },
    );
  }
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, readMigrations(options.migrationsFolder));
    return db;
  } catch (error) {
    db.close();
    throw explainOpenError(file, error);
  }
}

/**
 * Applies every migration newer than the database's user_version, all in one transaction: a
 * second process opening the file meanwhile waits for the whole schema (or finds it busy once),
 * never for one migration after another.
 */
export function migrate(db: Db, migrations: Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new ReadoutError(
      'database_too_new',
      `database schema version ${current} is newer than this Readout (${latest}); update Readout`,
    );
  }
  if (current === latest) return;
  db.transaction(() => {
    // Another process (a second re-index started together) may have applied some while this
    // one waited for the lock: read the version again under the lock.
    const applied = schemaVersion(db);
    for (const migration of migrations) {
      if (migration.version <= applied) continue;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Bytes on disk of a database with its WAL (the shared-memory index is not data). */
export function databaseBytes(file: string): number {
  let bytes = 0;
  for (const suffix of ['', '-wal']) {
    try {
      bytes += fs.statSync(file + suffix).size;
    } catch {
      // No WAL after a clean close.
    }
  }
  return bytes;
}
