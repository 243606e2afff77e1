/**
 * npm run name-words
 *
 * Writes db/name-words.tsv, what the quotation finder knows about the words of names, from the
 * lexicon of the compromise installed (src/ingest/quotes/name-knowledge.ts). Run it after
 * upgrading compromise; a test fails until the table matches the installed version.
 */
import { writeFileSync } from 'node:fs';
import { nameWordsText } from '../src/ingest/quotes/name-knowledge.js';
import { nameWordsFile } from '../src/paths.js';
import { compromise } from '../src/text/compromise.js';

const nlp = compromise();
const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
writeFileSync(nameWordsFile, nameWordsText(lexicon, nlp.version));
console.log(`name-words: wrote ${nameWordsFile}`);
