/**
 * The invented names and words of the synthetic archive (synthetic-archive.ts): its outlets, and
 * word forms made of syllables, shortest for the most frequent ranks.
 */
import type { Random } from './prng.js';

const placeNames = [
  'Harlow',
  'Northgate',
  'Riverside',
  'Coastal',
  'Metro',
  'Meridian',
  'Valley',
  'Capital',
  'Lakeshore',
  'Western',
  'Pinecrest',
  'Civic',
  'Harbour',
  'Union',
  'Southfield',
  'Granite',
  'Eastbank',
  'National',
  'Ashford',
  'Bramley',
  'Cinderford',
  'Dunmore',
  'Elmstead',
  'Fairhaven',
  'Glenrock',
  'Hollowell',
  'Ironbridge',
  'Juniper',
  'Kestrel',
  'Longmarsh',
];
const paperNames = ['Courier', 'Ledger'];

/**
 * Sixty outlets, biggest first (by the Zipf weight each gets): from about a fifth of the archive
 * down to about a third of a percent. No outlet's domain contains another's, so `source:` picks one.
 */
export const outlets: readonly { name: string; domain: string }[] = paperNames.flatMap((paper, p) =>
  placeNames.map((place) => {
    const name = p === 0 ? `The ${place} ${paper}` : `${place} ${paper}`;
    return { name, domain: `${place.toLowerCase()}${paper.toLowerCase()}.example` };
  }),
);

const onsets = [
  '',
  '',
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'z',
  'br',
  'cr',
  'dr',
  'fl',
  'gr',
  'pl',
  'pr',
  'sh',
  'st',
  'th',
  'tr',
  'ch',
  'sk',
  'sl',
];
const vowels = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ea', 'ou', 'io', 'y'];
const codas = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ck', 'ng', 'rt', 'x', 'ld'];

/**
 * Invents distinct word forms, shortest for the most frequent ranks as in real language
 * (the most common words have one syllable, the rare ones three or four).
 */
export function inventVocabulary(size: number, random: Random): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  let attempts = 0;
  while (words.length < size) {
    const rank = words.length;
    const syllables =
      rank < 150
        ? 1 + (random.chance(0.2) ? 1 : 0)
        : rank < 3000
          ? random.int(1, 3)
          : rank < 20000
            ? random.int(2, 3)
            : random.int(2, 4);
    let word = '';
    for (let s = 0; s < syllables; s++) {
      word += random.pick(onsets) + random.pick(vowels);
      // Consonant clusters mostly close a word; inside it they pile up into unpronounceable forms.
      if (s === syllables - 1 || random.chance(0.25)) word += random.pick(codas);
    }
    attempts++;
    if (attempts > size * 50) throw new Error(`inventVocabulary: cannot invent ${size} distinct words`);
    if (word.length < 2 || seen.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  return words;
}
