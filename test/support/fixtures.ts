/** Temp folders and article files for tests: every test writes its own fixtures. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { type Db, openDatabase } from '../../src/index/database.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temp folder, removed after the test file. */
export function tempDir(prefix = 'readout-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Writes files (relative path → text or bytes) under `dir`, creating subfolders. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

/** A new database file in a temp folder, migrated. */
export function tempDatabase(): { db: Db; file: string } {
  const file = path.join(tempDir('readout-db-'), 'readout.sqlite');
  return { db: openDatabase(file, { create: true }), file };
}

/** A short front-matter article. */
export function markdownArticle(fields: Record<string, string>, body: string): string {
  const front = Object.entries(fields)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
  return `---\n${front}\n---\n\n${body}\n`;
}
