/**
 * Other forms of a query word that FTS5's porter stemmer does not join: irregular plurals and
 * singulars (`child` ↔ `children`, `thief` ↔ `thieves`, `woman` ↔ `women`), from the `pluralize`
 * library's rules. Searched as OR alternatives of the word, the way aliases are (aliases.ts), so
 * the index and its tokenizer stay as they are. A form the stemmer already joins (`city` ↔
 * `cities`) is left out: it would only count the same matches twice in the ranking.
 */
import pluralize from 'pluralize';
import { stemmer } from 'stemmer';

// pluralize also pairs pronouns and verbs (me → us, was → were, this → these); they are not
// forms of a noun, and `us` or `were` would only add noise. Its own pairs, each made its own form.
// biome-ignore format: a word list
const notNouns = ['i', 'we', 'me', 'us', 'he', 'she', 'they', 'them', 'is', 'are', 'was', 'were', 'has', 'have', 'this', 'these', 'that', 'those', 'as'];
for (const word of notNouns) pluralize.addIrregularRule(word, word);

/** Shortest word given other forms: two-letter words are function words. */
const minLength = 3;

/**
 * The word's irregular plural or singular, when the stemmer does not already match it.
 *
 * @example otherForms('child') // ['children']
 * @example otherForms('cities') // [] (porter stems both to 'citi')
 */
export function otherForms(word: string): string[] {
  if (word.length < minLength || !/^[a-z]+$/u.test(word)) return [];
  const stem = stemmer(word);
  const forms = new Set([pluralize.plural(word), pluralize.singular(word)].map((form) => form.toLowerCase()));
  return [...forms].filter((form) => form !== word && /^[a-z]+$/u.test(form) && stemmer(form) !== stem);
}

/**
 * A possessive's owner: `bush's` → `bush`, `children’s` → `children`. Only the word before a
 * final 's counts: "Bush's" must find every Bush, not only the possessive.
 */
export function withoutPossessive(text: string): string {
  return text.replace(/(?<=\p{L}{2})['’][sS]$/u, '');
}
