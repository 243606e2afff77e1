/**
 * What the extractor knows about single words of names: whether a word is a first name (and of
 * which sex), a surname, a place or an organisation. The default reads the lexicon that ships
 * inside `compromise` (about 3,000 first names with their sex, 900 surnames, countries, cities,
 * organisations): plain lookups, no parsing, nothing downloaded. `rulesOnly` knows nothing and
 * leaves the decision to capitalisation and titles, for comparison.
 *
 * The lexicon is read from db/name-words.tsv, where `npm run name-words` writes it
 * (scripts/name-words.ts, with `nameWordKinds` below), not from compromise itself: loading
 * compromise and folding its lexicon took each re-index helper process 0.25–0.3 s before its
 * first file, while the writer waited. A test checks the table against the installed compromise.
 */
import fs from 'node:fs';
import { nameWordsFile } from '../../paths.js';

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

/** compromise's lexicon: each word with its tag or tags. */
export type Lexicon = Record<string, string | string[]>;

/** What a word can be, as db/name-words.tsv names it. */
export const nameWordKinds = [
  'male',
  'female',
  'either-sex',
  'surname',
  'place',
  'organization',
  'common',
  'plural',
] as const;
export type NameWordKind = (typeof nameWordKinds)[number];

// What a word is, as bits (one per kind, in the order above): one Map lookup answers every
// question about it.
const bit = Object.fromEntries(nameWordKinds.map((kind, at) => [kind, 1 << at])) as Record<
  NameWordKind,
  number
>;

let compromiseLexicon: NameKnowledge | undefined;

/** The kinds compromise's tags give each word that has any, in lexicon order. */
export function nameWordsOf(lexicon: Lexicon): Array<[string, NameWordKind[]]> {
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
  const words: Array<[string, NameWordKind[]]> = [];
  for (const [word, value] of Object.entries(lexicon)) {
    const tags = typeof value === 'string' ? [value] : value;
    const kinds: NameWordKind[] = [];
    if (tags.includes('MaleName')) kinds.push('male');
    else if (tags.includes('FemaleName')) kinds.push('female');
    else if (tags.includes('FirstName')) kinds.push('either-sex');
    if (tags.some((tag) => tag === 'LastName' || tag === 'Person')) kinds.push('surname');
    if (tags.some((tag) => places.has(tag))) kinds.push('place');
    if (tags.includes('Organization')) kinds.push('organization');
    if (tags.some((tag) => commonTags.has(tag)) && !tags.some((tag) => names.has(tag))) kinds.push('common');
    if (tags.includes('Plural') && !tags.some((tag) => names.has(tag))) kinds.push('plural');
    if (kinds.length > 0) words.push([word, kinds]);
  }
  return words;
}

/**
 * The text of db/name-words.tsv for compromise's lexicon: a line per word that has a kind, the
 * word, a tab and its kinds joined by commas, after a header naming the compromise it came from.
 */
export function nameWordsText(lexicon: Lexicon, compromiseVersion: string): string {
  const header = [
    `# The words of compromise ${compromiseVersion}'s lexicon that name someone or something, or surely`,
    '# do not, as the quotation finder reads them (src/ingest/quotes/name-knowledge.ts). compromise is',
    '# MIT-licensed, (c) Spencer Kelly. Written by `npm run name-words`: do not edit by hand.',
    `# word\tkinds (${nameWordKinds.join(', ')})`,
  ];
  const lines = nameWordsOf(lexicon).map(([word, kinds]) => {
    if (/[\t\n]/.test(word))
      throw new Error(`a word of the lexicon has a tab or a line break: ${JSON.stringify(word)}`);
    return `${word}\t${kinds.join(',')}`;
  });
  return `${[...header, ...lines].join('\n')}\n`;
}

/**
 * Each word's kinds as bits, read from the text of db/name-words.tsv ('#' lines are comments;
 * a checkout that turned its line ends into CRLF reads the same).
 */
export function parseNameWords(text: string): Map<string, number> {
  const bits = new Map<string, number>();
  for (const line of text.split(/\r?\n/)) {
    if (line === '' || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    let found = 0;
    for (const kind of line.slice(tab + 1).split(',')) {
      const kindBit = bit[kind as NameWordKind];
      if (kindBit === undefined) throw new Error(`${nameWordsFile}: unknown kind of word "${kind}"`);
      found |= kindBit;
    }
    bits.set(line.slice(0, tab), found);
  }
  return bits;
}

/**
 * Name knowledge from compromise's lexicon (db/name-words.tsv), read once.
 *
 * @example compromiseKnowledge().firstName('hillary') // 'f'
 */
export function compromiseKnowledge(): NameKnowledge {
  if (compromiseLexicon) return compromiseLexicon;
  const bits = parseNameWords(fs.readFileSync(nameWordsFile, 'utf8'));
  const has = (lower: string, kind: number) => ((bits.get(lower) ?? 0) & kind) !== 0;
  compromiseLexicon = {
    firstName(lower) {
      const found = bits.get(lower) ?? 0;
      if (found & bit.male) return 'm';
      if (found & bit.female) return 'f';
      return found & bit['either-sex'] ? '?' : null;
    },
    isSurname: (lower) => has(lower, bit.surname),
    isPlace: (lower) => has(lower, bit.place),
    isOrganization: (lower) => has(lower, bit.organization),
    isCommonWord: (lower) => has(lower, bit.common),
    isPlural: (lower) => has(lower, bit.plural),
  };
  return compromiseLexicon;
}
