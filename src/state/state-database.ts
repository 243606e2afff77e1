/**
 * The bot's own SQLite file (READOUT_STATE_DB): saved searches, what each has announced, and
 * feedback. Separate from the index, so the index stays read-only for the bot and a re-index
 * never waits on the bot's writes. Opened, created and migrated like the index
 * (db/state-migrations/NNN-name.sql, PRAGMA user_version); its errors name this file and its fix.
 */
import { isReadoutError, ReadoutError } from '../errors.js';
import { type Db, openDatabase } from '../index/database.js';
import { stateMigrationsDir } from '../paths.js';

/** Opens (creating and migrating when needed) the state database. */
export function openStateDatabase(file: string, migrationsFolder = stateMigrationsDir): Db {
  try {
    return openDatabase(file, { create: true, migrationsFolder, busyTimeoutMs: 2000 });
  } catch (error) {
    if (isReadoutError(error) && error.code === 'database_corrupt') {
      throw new ReadoutError(
        'database_corrupt',
        `the bot's state database ${file} is damaged; move it aside (saved searches and feedback start afresh) and start Readout again`,
        { cause: error },
      );
    }
    throw error;
  }
}
