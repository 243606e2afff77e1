/**
 * SQLite failures in words an admin or a reporter can act on. The one place that reads SQLite
 * error codes: opening (missing, corrupt, too new, locked), writing (disk full, read-only) and
 * reading at query time (the index damaged or replaced underneath the bot).
 */
import { ReadoutError } from '../errors.js';

/** The SQLite (or Node) error code of an error, or its message when it has none. */
export function errorCode(error: unknown): string {
  return (error as { code?: string }).code ?? (error as Error).message ?? String(error);
}

/** Another connection holds the write lock: a re-index is running. */
export function reindexBusyError(file: string, cause: unknown): ReadoutError {
  return new ReadoutError(
    'reindex_busy',
    `another re-index is running on ${file}; wait for it to finish (or pass --wait)`,
    { cause },
  );
}

/** Why a database could not be opened or migrated; other errors are returned as they are. */
export function explainOpenError(file: string, error: unknown): Error {
  if (error instanceof ReadoutError) return error;
  const code = errorCode(error);
  // Another connection holds the write lock while this one needs it to create or migrate the
  // schema: a re-index creating the database. Same code and words as a busy re-index run.
  if (code === 'SQLITE_BUSY') return reindexBusyError(file, error);
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

/** Why a re-index's write failed; other errors are returned as they are. */
export function explainWriteError(file: string, error: unknown): unknown {
  const code = errorCode(error);
  if (code === 'SQLITE_FULL') {
    return new ReadoutError(
      'database_unwritable',
      `database ${file}: the disk is full; nothing was changed`,
      {
        cause: error,
      },
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') {
    return new ReadoutError(
      'database_unwritable',
      `database ${file} cannot be written (${code}); nothing was changed — check permissions and free space`,
      { cause: error },
    );
  }
  return error;
}

/**
 * Why a query against the index failed: a damaged, replaced or half-migrated index is an
 * `index_unavailable` ReadoutError (the reporter is told to ask an admin); anything else is a bug
 * and is returned as it is.
 */
export function explainReadError(file: string, error: unknown): unknown {
  if (error instanceof ReadoutError) return error;
  const code = errorCode(error);
  const damaged =
    code === 'SQLITE_CORRUPT' ||
    code === 'SQLITE_NOTADB' ||
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    // The schema changed underneath (a file from another version restored in place).
    (code === 'SQLITE_ERROR' && /no such (?:table|column)|fts5: /i.test((error as Error).message ?? ''));
  if (!damaged) return error;
  return new ReadoutError(
    'index_unavailable',
    `the index ${file} cannot be read (${code}); run \`npm run reindex -- --full\``,
    { cause: error },
  );
}
