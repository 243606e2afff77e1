/**
 * The quotation and speaker extractor: who said what in an article.
 *
 * extract.ts        the one entry point, extractQuotations(paragraphs)
 * inherit-speakers.ts  the speaker a quotation with no attribution of its own carries over
 * quote-marks.ts    pairing quotation marks (straight, curly, « », „ “, nested, running on)
 * tokens.ts         words and sentences with offsets, and the work counter tests bound work by
 * attribution*.ts   the cue and the speaker phrase in a quotation's own sentence; cues.ts their
 *                   shared reading of speech verbs, speech nouns and adverbs
 * noun-phrases.ts   the phrase that names a speaker, read forwards or backwards from a verb
 * agreement.ts      subject–verb agreement: no plural noun is the subject of "says"
 * resolve.ts        a phrase to a speaker: a name, a pronoun's antecedent, a description's person,
 *                   an institution or the issuer of a statement; null when it cannot be told
 * discourse.ts      what the article says, read lazily: mentions per sentence, antecedents
 * persons.ts        which person a name means (surnames looked up where the article writes them)
 * mentions.ts       runs of capitalised words to person and institution names
 * roles.ts          roles and nationalities, for descriptions ("the Russian leader")
 * article-words.ts  where an article writes a word (string search, or an index past a budget)
 * lexicon.ts        the word lists; name-knowledge.ts compromise's lexicon as plain lookups
 */
export { type ExtractOptions, extractQuotations } from './extract.js';
export { compromiseKnowledge, type NameKnowledge, rulesOnly } from './name-knowledge.js';
export type { Quotation } from './types.js';
