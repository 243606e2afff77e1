/**
 * Subject–verb agreement: a speech verb in the third person singular ("calls", "says") cannot have
 * a plural noun as its subject. "Preys on our fears and calls people “losers”" opens with a verb,
 * its subject left out; no one named Preys said "losers".
 */
import { singularSpeechVerbs } from './lexicon.js';
import type { NameKnowledge } from './name-knowledge.js';

/**
 * Whether a one-word subject agrees in number with a speech cue: false only for a word the
 * lexicon knows as a plural noun (and no name) before a singular verb; longer subjects ("the
 * United States says") and words it does not know are given the benefit of the doubt.
 *
 * @example agreesInNumber('Critics', 'says', compromiseKnowledge()) // false
 */
export function agreesInNumber(subject: string, cue: string | null, knowledge: NameKnowledge): boolean {
  if (cue === null || !singularSpeechVerbs.has(cue)) return true;
  const words = subject.trim().split(/\s+/u);
  if (words.length !== 1) return true;
  return !knowledge.isPlural(words[0]!.toLowerCase());
}
