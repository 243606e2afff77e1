/**
 * The parsers only some articles need, loaded on first use rather than when a re-index helper
 * starts: linkedom (web pages, and Markdown with markup), Readability (web pages), marked
 * (Markdown with markup) and gray-matter (front matter beyond plain `key: value` lines) were
 * 0.18 s of the 0.41 s a helper took to load, and most archives need few of them — news copy in
 * Markdown is mostly plain paragraphs under simple front matter. Loaded through `require` (their
 * CommonJS builds: the same packages and versions), which a module can call when it needs one.
 */
import { createRequire } from 'node:module';
import type * as ReadabilityModule from '@mozilla/readability';
import type GrayMatter from 'gray-matter';
import type * as Linkedom from 'linkedom';
import type * as MarkedModule from 'marked';

const require = createRequire(import.meta.url);

/** A module loaded by the first call, and the same one after. */
function onFirstUse<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= load();
    return loaded;
  };
}

export const linkedom = onFirstUse(() => require('linkedom') as typeof Linkedom);
export const readability = onFirstUse(() => require('@mozilla/readability') as typeof ReadabilityModule);
export const marked = onFirstUse(() => require('marked') as typeof MarkedModule);
export const grayMatter = onFirstUse(() => require('gray-matter') as typeof GrayMatter);
