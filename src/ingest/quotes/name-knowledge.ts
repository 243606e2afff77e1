/**
 * What the extractor knows about single words of names: whether a word is a first name (and of
 * which sex), a surname, a place or an organisation. The default reads the lexicon that ships
 * inside `compromise` (about 3,000 first names with their sex, 900 surnames, countries, cities,
 * organisations): plain lookups, no parsing, nothing downloaded. `rulesOnly` knows nothing and
 * leaves the decision to capitalisation and titles, for comparison.
 */
import { nlp } from '../../text/compromise.js';

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
  /** A plural noun that is no name ('critics', 'officials'). */
  isPlural(lower: string): boolean;
}

/** Knows no names: capitalisation, titles and the extractor's own word lists decide. */
export const rulesOnly: NameKnowledge = {
  firstName: () => null,
  isSurname: () => false,
  isPlace: () => false,
  isOrganization: () => false,
  isCommonWord: () => false,
  isPlural: () => false,
};

type Lexicon = Record<string, string | string[]>;

// What a word is, as bits: one Map lookup answers every question about it.
const male = 1;
const female = 2;
const eitherSex = 4;
const surname = 8;
const place = 16;
const organization = 32;
const common = 64;
const plural = 128;

let compromiseLexicon: NameKnowledge | undefined;

/** The lexicon's tags of every word, folded into bits once. */
function wordBits(lexicon: Lexicon): Map<string, number> {
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
  const commonTags = new Set([
    'Adjective', 'Gerund', 'PastTense', 'Plural', 'PresentTense', 'Infinitive', 'Adverb', 'Comparative',
    'Superlative', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Verb', 'Modal', 'Participle',
  ]);
  const bits = new Map<string, number>();
  for (const [word, value] of Object.entries(lexicon)) {
    const tags = typeof value === 'string' ? [value] : value;
    let found = 0;
    if (tags.includes('MaleName')) found |= male;
    else if (tags.includes('FemaleName')) found |= female;
    else if (tags.includes('FirstName')) found |= eitherSex;
    if (tags.some((tag) => tag === 'LastName' || tag === 'Person')) found |= surname;
    if (tags.some((tag) => places.has(tag))) found |= place;
    if (tags.includes('Organization')) found |= organization;
    if (tags.some((tag) => commonTags.has(tag)) && !tags.some((tag) => names.has(tag))) found |= common;
    if (tags.includes('Plural') && !tags.some((tag) => names.has(tag))) found |= plural;
    if (found !== 0) bits.set(word, found);
  }
  return bits;
}

/**
 * Name knowledge from compromise's lexicon, built once.
 *
 * @example compromiseKnowledge().firstName('hillary') // 'f'
 */
export function compromiseKnowledge(): NameKnowledge {
  if (compromiseLexicon) return compromiseLexicon;
  const bits = wordBits((nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon);
  const has = (lower: string, bit: number) => ((bits.get(lower) ?? 0) & bit) !== 0;
  compromiseLexicon = {
    firstName(lower) {
      const found = bits.get(lower) ?? 0;
      if (found & male) return 'm';
      if (found & female) return 'f';
      return found & eitherSex ? '?' : null;
    },
    isSurname: (lower) => has(lower, surname),
    isPlace: (lower) => has(lower, place),
    isOrganization: (lower) => has(lower, organization),
    isCommonWord: (lower) => has(lower, common),
    isPlural: (lower) => has(lower, plural),
  };
  return compromiseLexicon;
}
