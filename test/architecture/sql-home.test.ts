/**
 * Only src/index (the index) and src/state (the bot's own database) hold SQL. dependency-cruiser
 * (npm run lint) keeps better-sqlite3 imports there; this keeps SQL text and statement calls
 * there too, so a Db handle passed up a layer cannot grow queries of its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

const sqlText = /['"`]\s*(?:SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|BEGIN|COMMIT|ROLLBACK|PRAGMA|WITH)\b/;
const statementCall = /\.(?:prepare|pragma)\(|\bdb\.exec\(/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('where SQL lives', () => {
  const src = path.join(projectRoot, 'src');
  const homes = ['index', 'state'].map((folder) => path.join(src, folder) + path.sep);
  const outside = sourceFiles(src).filter((file) => !homes.some((home) => file.startsWith(home)));

  it('finds the files it checks', () => {
    expect(outside.length).toBeGreaterThan(30);
  });

  it('has no SQL text or statement call outside src/index and src/state', () => {
    const offenders = outside.flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${path.relative(projectRoot, file)}:${i + 1}` }))
        .filter(({ line }) => sqlText.test(line) || statementCall.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
