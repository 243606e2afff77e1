/**
 * compromise (the English part-of-speech tagger and lexicon the comparison and the message
 * shortcut's key terms use), loaded from its one-file CommonJS build on first use. Its ES module
 * entry is some 400 files: a process took 0.37 s to load them against 0.18 s for the bundle.
 * Loaded lazily because it costs each thread that loads it about 12 MB of heap (30 MB of a
 * process's memory): a search thread that never compares accounts, or a bot nobody sends a
 * shortcut, never pays it. The quotation finder reads only its lexicon, from db/name-words.tsv.
 */
import { createRequire } from 'node:module';
import type compromiseModule from 'compromise';

let loaded: typeof compromiseModule | undefined;

/** The compromise module, loaded the first time it is asked for. */
export function compromise(): typeof compromiseModule {
  loaded ??= createRequire(import.meta.url)('compromise') as typeof compromiseModule;
  return loaded;
}
