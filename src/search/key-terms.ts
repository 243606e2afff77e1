/**
 * A query made from a message's key terms, for "Search the archive for this": the quoted
 * phrases, the names of people, places and organisations, other proper nouns, and — when those
 * are few — its most specific common nouns. Never its stop words: only nouns and quotations are
 * taken (compromise, an English part-of-speech tagger, tells which words are which). Pure.
 */
import { compromise } from '../text/compromise.js';

/** Most terms in a made query: every term must match, so more would rarely find anything. */
export const maxKeyTerms = 4;
/** Longest phrase kept, in words. */
const maxPhraseWords = 6;

/** The words of a span as typed (case kept), without the punctuation around them. */
function spanWords(text: string): string[] {
  return (text.match(/[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu) ?? []).map((word) =>
    word.replace(/[.'’-]+$/u, ''),
  );
}

/** A term as query text: a word, or a "quoted phrase". */
function asTerm(words: string[]): string {
  return words.length === 1 ? words[0]! : `"${words.join(' ')}"`;
}

/**
 * The query for a message: at most four terms, names and quotations first.
 *
 * @example keyTermsQuery('Vladimir Putin met Barack Obama in Hangzhou') // '"Vladimir Putin" "Barack Obama" Hangzhou'
 */
export function keyTermsQuery(message: string): string {
  const doc = compromise()(message.replace(/\s+/g, ' ').slice(0, 4000));
  const terms: Array<{ words: string[]; at: number }> = [];
  const seen = new Set<string>();
  const add = (text: string, at: number): void => {
    const words = spanWords(text).slice(0, maxPhraseWords);
    const key = words.join(' ').toLowerCase();
    if (words.length === 0 || seen.has(key)) return;
    // A name inside a quotation already taken (or the other way round) is not a term of its own.
    if ([...seen].some((taken) => ` ${taken} `.includes(` ${key} `) || ` ${key} `.includes(` ${taken} `)))
      return;
    seen.add(key);
    terms.push({ words, at });
  };
  const spans = (view: { json(options: object): unknown }) =>
    (view.json({ offset: true }) as Array<{ text: string; offset: { start: number } }>).map((span) => ({
      text: span.text,
      at: span.offset.start,
    }));

  // Quotations first (someone chose those words), then names in the order the message gives them.
  const named = [...spans(doc.topics()), ...spans(doc.match('#ProperNoun+').not('(#Date|#Value)'))].sort(
    (a, b) => a.at - b.at,
  );
  for (const span of [...spans(doc.quotations()), ...named]) add(span.text, span.at);
  const names = terms.length;
  const nouns = spans(doc.match('#Noun').not('(#Pronoun|#ProperNoun|#Date|#Value|#Possessive)'))
    .filter((span) => spanWords(span.text).join('').length >= 3)
    .sort((a, b) => spanWords(b.text).join('').length - spanWords(a.text).join('').length);
  const wantedNouns = names === 0 ? 2 : names === 1 ? 2 : 0;
  for (const span of nouns.slice(0, wantedNouns)) add(span.text, span.at);

  return terms
    .slice(0, maxKeyTerms)
    .sort((a, b) => a.at - b.at)
    .map((term) => asTerm(term.words))
    .join(' ');
}
