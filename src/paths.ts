import { fileURLToPath } from 'node:url';

/** The project folder (where package.json is), so defaults work from any working directory. */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const migrationsDir = fileURLToPath(new URL('../db/migrations/', import.meta.url));
export const sampleArticlesDir = fileURLToPath(new URL('../db/sample-articles/', import.meta.url));
export const defaultAliasesFile = fileURLToPath(new URL('../db/aliases.txt', import.meta.url));
export const defaultDatabaseFile = fileURLToPath(new URL('../db/readout.sqlite', import.meta.url));
