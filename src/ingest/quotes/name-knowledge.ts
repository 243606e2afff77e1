/**
 * What the extractor knows about single words of names: whether a word is a first name (and of
 * which sex), a surname, a place or an organisation. The default reads the lexicon that ships
 * inside `compromise` (about 3,000 first names with their sex, 900 surnames, countries, cities,
 * organisations): plain lookups, no parsing, nothing downloaded. `rulesOnly` knows nothing and
 * leaves the decision to capitalisation and titles, for comparison.
 */
import nlp from 'compromise';

export type Gender = 'm' | 'f';

export interface NameKnowledge {
  /** 'm' or 'f' for a known first name, '?' for a first name of either sex, null if not one. */
  firstName(lower: string): Gender | '?' | null;
  isSurname(lower: string): boolean;
  /** A country, city or region ('syria', 'new york'). */
  isPlace(lower: string): boolean;
  isOrganization(lower: string): boolean;
  /** An ordinary word that is no name: an adjective, a verb form, a plural ('presidential', 'debates'). */
  isCommonWord(lower: string): boolean;
}

/** Knows no names: capitalisation, titles and the extractor's own word lists decide. */
export const rulesOnly: NameKnowledge = {
  firstName: () => null,
  isSurname: () => false,
  isPlace: () => false,
  isOrganization: () => false,
  isCommonWord: () => false,
};

type Lexicon = Record<string, string | string[]>;

function tagsOf(lexicon: Lexicon, lower: string): readonly string[] {
  const tags = lexicon[lower];
  if (tags === undefined) return [];
  return typeof tags === 'string' ? [tags] : tags;
}

let compromiseLexicon: NameKnowledge | undefined;

/**
 * Name knowledge from compromise's lexicon, built once.
 *
 * @example compromiseKnowledge().firstName('hillary') // 'f'
 */
export function compromiseKnowledge(): NameKnowledge {
  if (compromiseLexicon) return compromiseLexicon;
  const lexicon = (nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon;
  const places = new Set(['Country', 'City', 'Region', 'Place']);
  const names = new Set([
    'FirstName',
    'MaleName',
    'FemaleName',
    'LastName',
    'Person',
    'ProperNoun',
    'Honorific',
  ]);
  // biome-ignore format: a word list
  const common = new Set([
    'Adjective', 'Gerund', 'PastTense', 'Plural', 'PresentTense', 'Infinitive', 'Adverb', 'Comparative',
    'Superlative', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Verb', 'Modal', 'Participle',
  ]);
  compromiseLexicon = {
    firstName(lower) {
      const tags = tagsOf(lexicon, lower);
      if (tags.includes('MaleName')) return 'm';
      if (tags.includes('FemaleName')) return 'f';
      return tags.includes('FirstName') ? '?' : null;
    },
    isSurname: (lower) => tagsOf(lexicon, lower).some((tag) => tag === 'LastName' || tag === 'Person'),
    isPlace: (lower) => tagsOf(lexicon, lower).some((tag) => places.has(tag)),
    isOrganization: (lower) => tagsOf(lexicon, lower).includes('Organization'),
    isCommonWord(lower) {
      const tags = tagsOf(lexicon, lower);
      return tags.some((tag) => common.has(tag)) && !tags.some((tag) => names.has(tag));
    },
  };
  return compromiseLexicon;
}
