/**
 * The words that say what a text is about: its words (as the index tokenizer splits them) less
 * the function words of English (the `stopword` package's list, with the few a newsroom adds),
 * numbers and single letters; and their Porter stems, so that "border" and "borders" are one.
 * Pure.
 */

import { stemmer } from 'stemmer';
import stopword from 'stopword';
import { surfaceWords } from '../../text/words.js';

// biome-ignore format: a word list
const newsroomFunctionWords = [
  'will', 'not', 'no', 'its', 'it', 'says', 'told', 'also', 'yet', 'just', 'even', 'within', 'without',
  'upon', 'whose', 'whom', 'why', 'whether', 'said', 'say', 'per', 'via', 'amid', 'among', 'against',
  's', 't', 'mr', 'mrs', 'ms',
];

const functionWords: ReadonlySet<string> = new Set([...stopword.eng, ...newsroomFunctionWords]);

/** Whether a lowercased word carries content: not a function word, a number or a single letter. */
export function isContentWord(word: string): boolean {
  return word.length > 1 && !functionWords.has(word) && !/^\p{N}+$/u.test(word);
}

/**
 * The content words of a text, lowercased, in order, repeats kept.
 *
 * @example contentWords('The border of Syria with Turkey') // ['border', 'syria', 'turkey']
 */
export function contentWords(text: string): string[] {
  return surfaceWords(text).filter(isContentWord);
}

/**
 * A word's stem (Porter), the form under which texts are compared.
 *
 * @example stemOf('borders') // 'border'
 */
export function stemOf(word: string): string {
  return stemmer(word);
}
