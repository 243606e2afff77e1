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

/** Applies every migration newer than the database's user_version, each in its own transaction. */
export function migrate(db: Db, migrations: Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new ReadoutError(
      'database_too_new',
      `database schema version ${current} is newer than this Readout (${latest}); update Readout`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      // Another process (a second re-index started together) may have applied it while this
      // one waited for the lock: read the version again under the lock.
      if (schemaVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function explainOpenError(file: string, error: unknown): Error {
  if (error instanceof ReadoutError) return error;
  const code = (error as { code?: string }).code ?? '';
  // Another connection holds the write lock while this one needs it to create or migrate the
  // schema: a re-index creating the database. Same code and words as a busy re-index run.
  if (code === 'SQLITE_BUSY') {
    return new ReadoutError(
      'reindex_busy',
      `another re-index is running on ${file}; wait for it to finish (or pass --wait)`,
      { cause: error },
    );
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new ReadoutError(
      'database_corrupt',
      `database ${file} is not a Readout database or is damaged; move it aside and run \`npm run reindex -- --full\``,
      { cause: error },
    );
  }
  // Extended codes too: a read-only folder (no room for the -wal file) is SQLITE_READONLY_DIRECTORY.
  if (
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_IOERR') ||
    code === 'SQLITE_FULL'
  ) {
    return new ReadoutError(
      'database_unwritable',
      `database ${file} cannot be written (${code}); check free disk space and permissions`,
      { cause: error },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Reads a value of the meta table (index statistics, last re-index time). */
export function readMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}
