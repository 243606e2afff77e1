import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ReadoutError } from '../../src/errors.js';
import { mappedBytes, openDatabase, readMigrations, schemaVersion } from '../../src/index/database.js';
import { openIndexForReading } from '../../src/index/open-for-reading.js';
import { tempDir } from '../support/fixtures.js';

describe('openDatabase', () => {
  it('creates a new database at the latest schema version, in WAL mode', () => {
    const file = path.join(tempDir(), 'sub', 'readout.sqlite');
    const db = openDatabase(file, { create: true });
    expect(schemaVersion(db)).toBe(readMigrations().length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it("maps the file for searching in the bot's read-only connection, not in the re-index's", () => {
    const file = path.join(tempDir(), 'mapped.sqlite');
    const db = openDatabase(file, { create: true });
    const reading = openIndexForReading(file).db;
    const mapped = reading.pragma('mmap_size', { simple: true }) as number;
    // SQLite caps the size at its compile-time maximum; 0 would mean no map at all.
    expect(mapped).toBeGreaterThan(0);
    expect(mapped).toBeLessThanOrEqual(mappedBytes);
    expect(db.pragma('mmap_size', { simple: true })).toBe(0);
    reading.close();
    db.close();
  });

  it('refuses a missing database unless asked to create it, naming the fix', () => {
    const file = path.join(tempDir(), 'missing.sqlite');
    expect(() => openDatabase(file)).toThrow(/does not exist; run `npm run reindex`/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('reports a file that is not a database as corrupt, with the fix', () => {
    const file = path.join(tempDir(), 'junk.sqlite');
    fs.writeFileSync(file, 'this is not a database at all, just text'.repeat(200));
    let error: unknown;
    try {
      openDatabase(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ReadoutError);
    expect((error as ReadoutError).code).toBe('database_corrupt');
    expect((error as ReadoutError).message).toMatch(/--full/);
  });

  it('migrates an older database forward and records the version', () => {
    const migrations = tempDir();
    const file = path.join(tempDir(), 'old.sqlite');
    fs.writeFileSync(path.join(migrations, '001-first.sql'), 'CREATE TABLE a (x INTEGER);');
    openDatabase(file, { create: true, migrationsFolder: migrations }).close();
    fs.writeFileSync(path.join(migrations, '002-second.sql'), 'ALTER TABLE a ADD COLUMN y TEXT;');
    const db = openDatabase(file, { migrationsFolder: migrations });
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('a')).toEqual(['x', 'y']);
    db.close();
  });

  it('refuses a database newer than the code', () => {
    const file = path.join(tempDir(), 'new.sqlite');
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openDatabase(file)).toThrow(/newer than this Readout/);
  });

  it('rejects a gap in the migration numbers', () => {
    const migrations = tempDir();
    fs.writeFileSync(path.join(migrations, '001-a.sql'), '');
    fs.writeFileSync(path.join(migrations, '003-c.sql'), '');
    expect(() => readMigrations(migrations)).toThrow(/expected migration 2/);
  });
});
