import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project folder (where package.json is), so defaults work from any working directory.
 * Found by walking up: this module runs as src/paths.ts under tsx and as dist/src/paths.js when
 * compiled, at different depths.
 */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`readout: no package.json above ${start}`);
  }
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const migrationsDir = path.join(projectRoot, 'db', 'migrations');
export const stateMigrationsDir = path.join(projectRoot, 'db', 'state-migrations');
export const sampleArticlesDir = path.join(projectRoot, 'db', 'sample-articles');
export const defaultAliasesFile = path.join(projectRoot, 'db', 'aliases.txt');
export const nameWordsFile = path.join(projectRoot, 'db', 'name-words.tsv');
export const defaultDatabaseFile = path.join(projectRoot, 'db', 'readout.sqlite');
