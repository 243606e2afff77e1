/**
 * Opening the index as the bot does: read-only, never migrating, never creating. The bot must
 * not write to the index (a re-index is its only writer), so a file it cannot serve from — empty,
 * of an older or newer schema, not a database — is refused with the fix, rather than "repaired".
 *
 * The file's identity (device and inode) is kept beside the connection: a restore with `mv`, or a
 * delete and a fresh re-index, puts another file at the path, which the reader side notices and
 * reopens (src/serving/live-index.ts).
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { ReadoutError } from '../errors.js';
import { type Db, mapForReading, readMigrations, schemaVersion } from './database.js';
import { explainOpenError } from './sqlite-errors.js';

/** Which file a path named when it was opened: a replaced file has another device or inode. */
export interface FileIdentity {
  dev: number;
  ino: number;
}

export function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

const fixHint = 'run `npm run reindex` to build it';

/** The identity of the file at `file` now; `index_unavailable` when there is none. */
export function fileIdentity(file: string): FileIdentity & { size: number } {
  try {
    const stat = fs.statSync(file);
    return { dev: stat.dev, ino: stat.ino, size: stat.size };
  } catch (error) {
    throw new ReadoutError('index_unavailable', `the index ${file} is gone (deleted or moved); ${fixHint}`, {
      cause: error,
    });
  }
}

export interface ReadOnlyIndex {
  db: Db;
  identity: FileIdentity;
}

/**
 * Opens an index for searching, read-only. Throws a ReadoutError naming the file and the fix when
 * it is missing, empty, not a database, or of a schema this Readout does not have.
 */
export function openIndexForReading(
  file: string,
  options: { busyTimeoutMs?: number; migrationsFolder?: string } = {},
): ReadOnlyIndex {
  if (!fs.existsSync(file)) {
    throw new ReadoutError('database_missing', `database ${file} does not exist; ${fixHint}`);
  }
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new ReadoutError(
      'database_unwritable',
      `database ${file} cannot be opened (${(error as Error).message}); check the path and its permissions`,
      { cause: error },
    );
  }
  try {
    // The identity of the file this connection holds, read once it is open (a swap in between
    // is then noticed on the next query rather than never).
    const identity = fileIdentity(file);
    if (identity.size === 0) {
      throw new ReadoutError(
        'database_missing',
        `database ${file} is empty (0 bytes), not an index; ${fixHint}`,
      );
    }
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    mapForReading(db);
    const version = schemaVersion(db);
    const latest = readMigrations(options.migrationsFolder).at(-1)?.version ?? 0;
    if (version > latest) {
      throw new ReadoutError(
        'database_too_new',
        `database schema version ${version} is newer than this Readout (${latest}); update Readout`,
      );
    }
    if (version < latest) {
      throw new ReadoutError(
        'database_outdated',
        version === 0
          ? `database ${file} is not a Readout index; ${fixHint}`
          : `database ${file} has schema version ${version}, older than this Readout (${latest}); run \`npm run reindex\` to bring it up to date`,
      );
    }
    return { db, identity };
  } catch (error) {
    db.close();
    throw explainOpenError(file, error);
  }
}
