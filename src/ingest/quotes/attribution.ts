/**
 * Finding who a quotation is given to in its own sentence: the speech cue and the words naming
 * the speaker, after the quotation (", said Obama", ", he told reporters", ", reads the statement
 * of the White House", "― Jane Doe") or before it ("Obama said:", "According to the Kremlin,",
 * "Trump called her", "The Post reports that … to"), or a transcript label ("PENCE: …").
 */
import {
  type Attribution,
  isAdverb,
  isPutIt,
  isSpeechVerb,
  speakerOf,
  usedAsNoun,
  windowSize,
} from './cues.js';
import { prepositions } from './lexicon.js';
import { type Phrase, phraseAfter, phraseBefore } from './noun-phrases.js';
import { type Token, tokenize } from './tokens.js';

export { attributionAfter } from './attribution-after.js';
export type { Attribution } from './cues.js';

/**
 * The attribution before a quotation: `text` from the start of its sentence (or the previous
 * quotation) to the opening mark. The nearest speech verb wins; its subject is the speaker.
 *
 * @example attributionBefore('Obama said: "No."', 0, 12) // { cue: 'said', speaker: { text: 'Obama', … } }
 */
export function attributionBefore(text: string, from: number, to: number): Attribution | null {
  const tokens = tokenize(text, Math.max(from, to - windowSize), to);
  // A cue with no subject ("anybody who complains", "tweets" as a noun) gives way to one further back.
  let subjectless: Attribution | null = null;
  for (let k = tokens.length - 1; k >= 0; k--) {
    const token = tokens[k]!;
    if (token.lower === 'according' && tokens[k + 1]?.lower === 'to') {
      return {
        cue: 'according to',
        speaker: speakerOf(text, tokens, phraseAfter(tokens, k + 2)),
        side: 'before',
      };
    }
    // "read" reports speech only as "the statement reads": before a quotation it is a title's verb.
    if (isPutIt(tokens, k)) {
      // "As Jane Doe, a tax lawyer, recently put it, “…”".
      const end = tokens[k - 1] && isAdverb(tokens, k - 1) ? k - 1 : k;
      const subject = phraseBefore(tokens, end);
      if (subject) return { cue: 'put it', speaker: speakerOf(text, tokens, subject), side: 'before' };
      continue;
    }
    if (!isSpeechVerb(token) || token.lower === 'read' || token.lower === 'reads') continue;
    if (usedAsNoun(tokens, k)) {
      // "Trump’s claim of “…”": the one whose claim it is, when the quotation is what was claimed
      // (not "Trump’s tweet was only “to mock”"); else a cue with nobody named yet.
      const possessor = tokens[k - 1]?.possessive ? k - 1 : tokens[k - 2]?.possessive ? k - 2 : -1;
      const content = tokens[k + 1] === undefined || /^(?:of|that|:|,)$/.test(tokens[k + 1]!.lower);
      const owner = content ? possessor : -1;
      const phrase = owner >= 0 ? phraseBefore(tokens, owner + 1) : null;
      const owned = speakerOf(text, tokens, phrase);
      if (owned) {
        // "Voss’s claim": Voss.
        const trimmed = owned.text.replace(/['’]s?$/u, '');
        return {
          cue: token.lower,
          speaker: { ...owned, text: trimmed, end: owned.start + trimmed.length },
          side: 'before',
        };
      }
      subjectless ??= { cue: token.lower, speaker: null, side: 'before' };
      continue;
    }
    if (token.lower.endsWith('ing') || tokens[k - 1]?.lower === 'was' || tokens[k - 1]?.lower === 'were') {
      // "footage of Trump saying": the name right before the participle says it…
      const named = tokens[k - 1]?.capital ? phraseBefore(tokens, k) : null;
      if (named && token.lower.endsWith('ing'))
        return { cue: token.lower, speaker: speakerOf(text, tokens, named), side: 'before' };
      // "X said in a statement, adding that…": the attribution the participle goes on from…
      if (tokens[k - 1]?.text === ',' && k >= 2) {
        const earlier = attributionBefore(text, tokens[0]!.start, tokens[k - 1]!.start);
        if (earlier?.speaker && earlier.cue && !earlier.cue.endsWith('ing'))
          return { cue: token.lower, speaker: earlier.speaker, side: 'before' };
      }
      // …and in "…, saying" or "was quoted as saying", the subject that opens the clause.
      const subject = firstPhrase(tokens, k);
      if (subject) return { cue: token.lower, speaker: speakerOf(text, tokens, subject), side: 'before' };
      continue;
    }
    let end = k;
    while (end > 0 && isAdverb(tokens, end - 1) && k - end < 3) end--;
    const relative = /^(?:who|which|that)$/.test(tokens[end - 1]?.lower ?? '');
    if (relative && tokens[end - 2]?.text === ',') end -= 2;
    // "told a woman who suggested that…": a relative clause's verb is not the sentence's.
    else if (relative) continue;
    // "Scott beamed and asked the crowd…": a second verb has the clause's subject.
    if (tokens[end - 1]?.lower === 'and') {
      const first = firstPhrase(tokens, end - 1, false, false);
      if (first) return { cue: token.lower, speaker: speakerOf(text, tokens, first), side: 'before' };
    }
    let subject = phraseBefore(tokens, end);
    // "Protesters marching through the streets chanted": not the object of a preposition.
    if (subject && prepositions.has(tokens[subject.from - 1]?.lower ?? ''))
      subject = firstPhrase(tokens, subject.from, false, false) ?? subject;
    if (subject) return { cue: token.lower, speaker: speakerOf(text, tokens, subject), side: 'before' };
    // "…," said Jane Doe, "…": the subject after the verb, right before the quotation.
    const inverted = phraseAfter(tokens, k + 1);
    if (
      inverted &&
      (inverted.to === tokens.length || /^[,:]$/.test(tokens[inverted.to]!.text)) &&
      tokens.length - inverted.to <= 1
    )
      return { cue: token.lower, speaker: speakerOf(text, tokens, inverted), side: 'before' };
    subjectless ??= { cue: token.lower, speaker: null, side: 'before' };
  }
  // "Sen. Jane Doe (D-Mo.) scolded him:" — a clause ending in a colon introduces its subject's words.
  if (tokens.at(-1)?.text === ':') {
    const subject = firstPhrase(tokens, tokens.length - 1, true);
    if (subject) return { cue: null, speaker: speakerOf(text, tokens, subject), side: 'before' };
  }
  return subjectless;
}

/**
 * The subject of the clause a few quoted words sit in, when no speech verb tells the speaker:
 * "In July, Gingrich dismissed Estonia as the “suburbs…”" → Gingrich. Null when the clause opens
 * with no name, pronoun or description.
 */
export function clauseSubject(text: string, from: number, to: number): Attribution | null {
  const tokens = tokenize(text, Math.max(from, to - windowSize), to);
  const subject = firstPhrase(tokens, tokens.length, true);
  return subject ? { cue: null, speaker: speakerOf(text, tokens, subject), side: 'clause' } : null;
}

/**
 * The first speaker phrase of a clause (after its last comma if `mainClause`), before token `end`;
 * the object of a preposition only when there is no other and `orObject`.
 */
function firstPhrase(
  tokens: readonly Token[],
  end: number,
  mainClause = false,
  orObject = true,
): Phrase | null {
  if (end <= 0) return null;
  let start = end - 1;
  const stop = mainClause ? /^[.;!?,]$/ : /^[.;!?]$/;
  while (start > 0 && !stop.test(tokens[start - 1]!.text)) start--;
  let object: Phrase | null = null;
  for (let k = start; k < Math.min(end, start + 24); k++) {
    const phrase = phraseAfter(tokens, k);
    if (!phrase || phrase.to > end) continue;
    // "During a speech, Trump…", "… a call to Ukraine and …": the object of a preposition is no
    // subject, unless the clause has no other ("A lesson from Loretta Lynch:").
    if (prepositions.has(tokens[k - 1]?.lower ?? '')) {
      object ??= phrase;
      k = phrase.to - 1;
      continue;
    }
    return phrase;
  }
  return orObject ? object : null;
}

/** A transcript label opening the quotation's words: "PENCE: Well, look…". */
export function labelInside(text: string, start: number, end: number): Attribution | null {
  const label = /^(\p{Lu}[\p{Lu}.'’\- ]{1,40}):\s/u.exec(text.slice(start, Math.min(end, start + 44)));
  if (!label || !/\p{Lu}{2}/u.test(label[1]!)) return null;
  return { cue: null, speaker: { text: label[1]!, start, end: start + label[1]!.length }, side: 'label' };
}
