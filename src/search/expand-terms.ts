/**
 * A query's terms as the archive is searched for them: each with its aliases (db/aliases.txt) or,
 * for a single word, its irregular forms. Pure.
 */
import { type AliasTable, aliasesFor, joinAliasNames } from './aliases.js';
import type { SearchTerm } from './corrections.js';
import type { TermAlternatives } from './fts-query.js';
import type { ParsedQuery } from './parse-query.js';
import { otherForms } from './word-forms.js';

export interface ExpandedTerms {
  terms: SearchTerm[];
  /** The excluded terms, each with its alternatives. */
  excluded: TermAlternatives[];
  /** Any words' alternatives (for corrected words). */
  expand: (words: string[], quoted: boolean) => { alternatives: TermAlternatives; aliased: boolean };
}

/**
 * The terms and exclusions of `parsed` with their alternatives.
 *
 * @example expandTerms(parseAliases('Путин | Putin'), parseQuery('putin children')).terms.map((t) => t.alternatives) // [[['putin'], ['путин']], [['children'], ['child']]]
 */
export function expandTerms(table: AliasTable, parsed: ParsedQuery): ExpandedTerms {
  const expand = (words: string[], quoted: boolean) => {
    const aliases = aliasesFor(table, words);
    if (aliases) return { alternatives: aliases, aliased: true };
    // A single word also matches its irregular forms (child → children), as an alias would.
    const forms = quoted || words.length > 1 ? [] : otherForms(words[0]!);
    return { alternatives: [words, ...forms.map((form) => [form])], aliased: false };
  };
  const terms: SearchTerm[] = joinAliasNames(table, parsed.terms).map((term) => ({
    ...term,
    ...expand(term.words, term.quoted),
  }));
  const excluded = parsed.excluded.map((term) => expand(term.words, term.quoted).alternatives);
  return { terms, excluded, expand };
}
