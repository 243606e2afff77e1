/**
 * Speech cues and what stands around them: whether a word is a speech verb here or a noun ("Trump’s
 * claim that …"), the adverbs between a subject and its verb, the words that join a cue ("said in
 * a statement"), and the speaker phrase's offsets. Shared by the readings after and before a quotation.
 */
import { adverbs, determiners, documentNouns, speechVerbs } from './lexicon.js';
import { isHead, type Phrase } from './noun-phrases.js';
import type { Token } from './tokens.js';

export interface Attribution {
  /** "said", "told", "according to", "said in a statement", "reads the statement"…; null for a label. */
  cue: string | null;
  /** The words naming the speaker, in paragraph offsets; null when the cue names none ("said in a statement"). */
  speaker: { text: string; start: number; end: number } | null;
  /** Where the cue stands: after the quotation, before it, as a label inside it; or no cue but the clause's subject. */
  side: 'after' | 'before' | 'label' | 'clause';
}

/** How far around a quotation its own sentence's attribution is looked for. */
export const windowSize = 320;
const _leading = new Set([',', '—', '–', '―', '-', ':', ')', '(']);

/** "put it", as in "as the memo put it": a speech cue of two words. */
export function isPutIt(tokens: readonly Token[], k: number): boolean {
  return tokens[k]?.lower === 'put' && tokens[k + 1]?.lower === 'it';
}

export function isSpeechVerb(token: Token | undefined): boolean {
  return token?.word === true && !token.capital && speechVerbs.has(token.lower);
}

export function speakerOf(
  text: string,
  tokens: readonly Token[],
  phrase: Phrase | null,
): Attribution['speaker'] {
  if (!phrase) return null;
  const start = tokens[phrase.from]!.start;
  const last = tokens[phrase.to - 1]!;
  // "the council’s" names the council.
  const end =
    last.possessive && phrase.to - phrase.from > 1
      ? last.end - (/s['’]$/u.test(last.text) ? 1 : 2)
      : last.end;
  return { text: text.slice(start, end), start, end };
}

/** Words between a subject and its verb: "also", "later", "forcefully", "flatly". */
export function isAdverb(tokens: readonly Token[], k: number): boolean {
  const token = tokens[k]!;
  if (adverbs.has(token.lower)) return true;
  // An -ly word, unless a determiner makes it a noun ("the family").
  return (
    token.word &&
    !token.capital &&
    token.lower.length > 4 &&
    token.lower.endsWith('ly') &&
    !determiners.has(tokens[k - 1]?.lower ?? '')
  );
}

// biome-ignore format: a word list
const nounLemmas = new Set([
  'claim', 'remark', 'comment', 'report', 'note', 'answer', 'reply', 'tweet', 'quote', 'call', 'rule', 'counter',
  'post', 'promise', 'pledge', 'vow', 'demand', 'boast', 'joke', 'quip', 'cry', 'shout', 'chant', 'charge',
  'estimate', 'forecast', 'appeal', 'whisper', 'sigh', 'groan', 'laugh', 'praise', 'label', 'brand', 'term',
  'blog', 'echo', 'plea', 'warning', 'response', 'statement', 'comment', 'insistence', 'suggestion', 'question',
  'point',
]);

/**
 * Whether a speech verb's form is a noun here: "the president’s claims", "of Republican claims",
 * "a controversial comment", "a lunch counter" — after a determiner, a possessive or "of", or after
 * a word that follows one (unless that word is the subject: "the mayor claims").
 */
export function usedAsNoun(tokens: readonly Token[], k: number): boolean {
  const token = tokens[k]!;
  const lemma = token.lower.endsWith('s') ? token.lower.slice(0, -1) : token.lower;
  if (!nounLemmas.has(lemma)) return false;
  const nounStart = (other: Token | undefined) =>
    other !== undefined && (determiners.has(other.lower) || other.possessive || other.lower === 'of');
  const previous = tokens[k - 1];
  if (nounStart(previous)) return true;
  if (!previous?.word) return false;
  // "32% of Republican claims"
  if (tokens[k - 2]?.lower === 'of') return true;
  return !isHead(previous) && nounStart(tokens[k - 2]) && !previous.capital;
}

/** "in a statement", "in an interview": words that join the cue. */
export function cueExtension(tokens: readonly Token[], at: number): number {
  if (tokens[at]?.lower !== 'in') return at;
  const noun = tokens[at + 1]?.lower === 'a' || tokens[at + 1]?.lower === 'an' ? at + 2 : at + 1;
  return tokens[noun] && documentNouns.has(tokens[noun]!.lower) ? noun + 1 : at;
}

export function cueText(text: string, tokens: readonly Token[], from: number, to: number): string {
  return text.slice(tokens[from]!.start, tokens[to - 1]!.end).toLowerCase();
}
