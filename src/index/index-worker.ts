/**
 * Starting one of the index's worker threads (champion-worker.ts, word-counter-worker.ts) from the
 * module beside this one. Compiled, the worker is a .js file. Under tsx (development, tests, the
 * benchmark) it is the TypeScript source, and the worker registers tsx's loader first.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

export function startIndexWorker(name: string, workerData?: unknown): Worker {
  const compiled = import.meta.url.endsWith('.js');
  if (compiled) return new Worker(new URL(`./${name}.js`, import.meta.url), { workerData });
  const source = new URL(`./${name}.ts`, import.meta.url).href;
  return new Worker(
    `import(${JSON.stringify(tsxApi())})
       .then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`,
    { eval: true, workerData },
  );
}

/** tsx's ESM API module (its "import" entry, which registers the loader in this thread). */
function tsxApi(): string {
  const tsx = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  return pathToFileURL(path.join(tsx, 'dist/esm/api/index.mjs')).href;
}
