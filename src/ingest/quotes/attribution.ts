/**
 * Finding who a quotation is given to in its own sentence: the speech cue and the words naming
 * the speaker, after the quotation (", said Obama", ", he told reporters", ", reads the statement
 * of the White House", "― Jane Doe") or before it ("Obama said:", "According to the Kremlin,",
 * "Trump called her", "The Post reports that … to"), or a transcript label ("PENCE: …").
 */
import { adverbs, determiners, documentNouns, speechVerbs, weakSpeechVerbs } from './lexicon';
import { isHead, type Phrase, phraseAfter, phraseBefore } from './noun-phrases';
import { type Token, tokenize } from './tokens';

export interface Attribution {
  /** "said", "told", "according to", "said in a statement", "reads the statement"…; null for a label. */
  cue: string | null;
  /** The words naming the speaker, in paragraph offsets; null when the cue names none ("said in a statement"). */
  speaker: { text: string; start: number; end: number } | null;
  /** Where the cue stands: after the quotation, before it, as a label inside it; or no cue but the clause's subject. */
  side: 'after' | 'before' | 'label' | 'clause';
}

/** How far around a quotation its own sentence's attribution is looked for. */
const windowSize = 320;
const leading = new Set([',', '—', '–', '―', '-', ':', ')', '(']);

/** "put it", as in "as the memo put it": a speech cue of two words. */
function isPutIt(tokens: readonly Token[], k: number): boolean {
  return tokens[k]?.lower === 'put' && tokens[k + 1]?.lower === 'it';
}

function isSpeechVerb(token: Token | undefined): boolean {
  return token?.word === true && !token.capital && speechVerbs.has(token.lower);
}

function speakerOf(text: string, tokens: readonly Token[], phrase: Phrase | null): Attribution['speaker'] {
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
function isAdverb(tokens: readonly Token[], k: number): boolean {
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
]);

/**
 * Whether a speech verb's form is a noun here: "the president’s claims", "of Republican claims",
 * "a controversial comment", "a lunch counter" — after a determiner, a possessive or "of", or after
 * a word that follows one (unless that word is the subject: "the mayor claims").
 */
function usedAsNoun(tokens: readonly Token[], k: number): boolean {
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
function cueExtension(tokens: readonly Token[], at: number): number {
  if (tokens[at]?.lower !== 'in') return at;
  const noun = tokens[at + 1]?.lower === 'a' || tokens[at + 1]?.lower === 'an' ? at + 2 : at + 1;
  return tokens[noun] && documentNouns.has(tokens[noun]!.lower) ? noun + 1 : at;
}

function cueText(text: string, tokens: readonly Token[], from: number, to: number): string {
  return text.slice(tokens[from]!.start, tokens[to - 1]!.end).toLowerCase();
}

/**
 * The attribution after a quotation: `text` from the closing mark to the end of the sentence.
 * `closed` asks for one that stands alone as the sentence's close ("…?” Trump said." — where the
 * quotation's question mark does not end the sentence), not a new sentence ("Trump said it…").
 *
 * @example attributionAfter('"Yes," he said.', 6, 15) // { cue: 'said', speaker: { text: 'he', … } }
 */
export function attributionAfter(text: string, from: number, to: number, closed = false): Attribution | null {
  const tokens = tokenize(text, from, Math.min(to, from + windowSize));
  const found = findAfter(text, tokens);
  if (!found) return null;
  if (closed && !closesSentence(tokens, found.last + 1)) return null;
  return found.attribution;
}

// biome-ignore format: a word list
const afterAttribution = new Set([
  'on', 'in', 'at', 'during', 'after', 'before', 'while', 'when', 'yesterday', 'today', 'tonight', 'last', 'this',
  'earlier', 'later', 'reporters', 'journalists', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'saturday', 'sunday', 'and', 'but', 'as', 'from', 'via', 'to',
]);

/** Whether the words from token `at` close a sentence an attribution began: nothing, or a when or where. */
function closesSentence(tokens: readonly Token[], at: number): boolean {
  const next = tokens[at];
  return next === undefined || !next.word || afterAttribution.has(next.lower);
}

function findAfter(
  text: string,
  tokens: readonly Token[],
): { attribution: Attribution; last: number } | null {
  let at = 0;
  while (at < tokens.length && leading.has(tokens[at]!.text) && at < 3) at++;
  const first = tokens[at];
  if (!first) return null;
  // "― Jane Doe" at the end of a line: the epigraph convention.
  if (at > 0 && /[—―–-]/.test(tokens[at - 1]!.text) && !isSpeechVerb(first)) {
    const phrase = phraseAfter(tokens, at);
    const next = phrase ? tokens[phrase.to] : undefined;
    // The name ends its line, or the text, or the next quotation opens after it.
    const rest = phrase ? text.slice(tokens[phrase.to - 1]!.end, tokens[phrase.to - 1]!.end + 3) : '';
    if (phrase && tokens[phrase.from]!.capital && (!next || /^\.?(?:\s*$|\s*\n|\s+["“«„])/.test(rest)))
      return {
        attribution: { cue: null, speaker: speakerOf(text, tokens, phrase), side: 'after' },
        last: phrase.to - 1,
      };
  }
  // ", per the party's bylaws".
  if (first.lower === 'per') {
    const phrase = phraseAfter(tokens, at + 1);
    if (phrase)
      return {
        attribution: { cue: 'per', speaker: speakerOf(text, tokens, phrase), side: 'after' },
        last: phrase.to - 1,
      };
  }
  if (first.lower === 'according' && tokens[at + 1]?.lower === 'to') {
    const phrase = phraseAfter(tokens, at + 2);
    return {
      attribution: { cue: 'according to', speaker: speakerOf(text, tokens, phrase), side: 'after' },
      last: phrase ? phrase.to - 1 : at + 1,
    };
  }
  if (isSpeechVerb(first)) {
    // ", said Obama" / ", said in a statement" / ", reads the statement of the White House".
    let cueEnd = cueExtension(tokens, at + 1);
    if (first.lower === 'reads' || first.lower === 'read') cueEnd = at + 1;
    // "“…” suggests that Phoenix…": a verb of the quotation's own clause, not an attribution.
    if (tokens[cueEnd]?.lower === 'that') return null;
    const phrase = phraseAfter(tokens, cueEnd);
    if (phrase && (first.lower === 'reads' || first.lower === 'read')) {
      return {
        attribution: {
          cue: cueText(text, tokens, at, Math.min(phrase.to, at + 3)),
          speaker: speakerOf(text, tokens, phrase),
          side: 'after',
        },
        last: phrase.to - 1,
      };
    }
    // A verb with nobody after it ("…, adding that") leaves the speaker to the words before the
    // quotation, unless it reports a document ("said in a statement").
    if (!phrase && (cueEnd === at + 1 || weakSpeechVerbs.has(first.lower))) return null;
    return {
      attribution: {
        cue: cueText(text, tokens, at, cueEnd),
        speaker: speakerOf(text, tokens, phrase),
        side: 'after',
      },
      last: Math.max(cueEnd, phrase?.to ?? 0) - 1,
    };
  }
  // ", Obama said" / ", the Kremlin press service said in a statement" / ", it said" /
  // ", as a Homeland Security memo put it".
  const direct = subjectThenVerb(text, tokens, first.lower === 'as' ? at + 1 : at);
  if (direct) return { attribution: direct, last: direct.verbEnd - 1 };
  // "… is held accountable, Warren said.": an attribution closing the sentence after a comma.
  for (let k = at + 1; k < tokens.length; k++) {
    if (/^[.;!?]$/.test(tokens[k]!.text)) break;
    if (tokens[k]!.text !== ',') continue;
    const late = subjectThenVerb(text, tokens, k + 1);
    if (late?.speaker && /^[.;!?]?$/.test(tokens[late.verbEnd]?.text ?? ''))
      return { attribution: late, last: late.verbEnd - 1 };
  }
  return null;
}

const prepositions = new Set(['in', 'at', 'for', 'of', 'from', 'with', 'on']);

/** The speech verb after a subject: past "(D-Mo.)", "in the Clinton ad", ", a historian who …,". */
function verbAfter(tokens: readonly Token[], from: number): number {
  let k = from;
  if (tokens[k]?.text === '(') {
    while (k < tokens.length && k - from < 8 && tokens[k]!.text !== ')') k++;
    k++;
  }
  if (prepositions.has(tokens[k]?.lower ?? '')) {
    const start = k;
    while (k < tokens.length && k - start < 6 && tokens[k]!.word && !isSpeechVerb(tokens[k])) k++;
  } else if (tokens[k]?.text === ',') {
    // An appositive: up to the comma before the verb.
    const start = k;
    for (k = start + 1; k < tokens.length && k - start < 30; k++) {
      // ", R-Ky., said": a full stop before a comma ends an abbreviation, not the sentence.
      if (tokens[k]!.text === '.' && tokens[k + 1]?.text === ',') continue;
      if (/^[.;!?:]$/.test(tokens[k]!.text)) return -1;
      if (tokens[k]!.text === ',' && isSpeechVerb(tokens[k + 1])) {
        k++;
        break;
      }
    }
  }
  const adverbStart = k;
  while (k < tokens.length && isAdverb(tokens, k) && k - adverbStart < 3) k++;
  return isSpeechVerb(tokens[k]) || isPutIt(tokens, k) ? k : -1;
}

function subjectThenVerb(
  text: string,
  tokens: readonly Token[],
  at: number,
): (Attribution & { verbEnd: number }) | null {
  const phrase = phraseAfter(tokens, at);
  if (!phrase) return null;
  const verb = verbAfter(tokens, phrase.to);
  if (verb < 0) return null;
  const cueEnd = isPutIt(tokens, verb) ? verb + 2 : cueExtension(tokens, verb + 1);
  return {
    cue: cueText(text, tokens, verb, cueEnd),
    speaker: speakerOf(text, tokens, phrase),
    side: 'after',
    verbEnd: cueEnd,
  };
}

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
    if (subject && clausePrepositions.has(tokens[subject.from - 1]?.lower ?? ''))
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
    if (clausePrepositions.has(tokens[k - 1]?.lower ?? '')) {
      object ??= phrase;
      k = phrase.to - 1;
      continue;
    }
    return phrase;
  }
  return orObject ? object : null;
}

// biome-ignore format: a word list
const clausePrepositions = new Set([
  'to', 'of', 'for', 'with', 'from', 'by', 'about', 'against', 'into', 'at', 'on', 'in', 'over', 'under', 'than',
  'during', 'after', 'before', 'since', 'until', 'despite', 'through', 'throughout', 'amid', 'among', 'within',
  'without', 'like', 'unlike', 'toward', 'towards', 'upon', 'via',
]);

/** A transcript label opening the quotation's words: "PENCE: Well, look…". */
export function labelInside(text: string, start: number, end: number): Attribution | null {
  const label = /^(\p{Lu}[\p{Lu}.'’\- ]{1,40}):\s/u.exec(text.slice(start, Math.min(end, start + 44)));
  if (!label || !/\p{Lu}{2}/u.test(label[1]!)) return null;
  return { cue: null, speaker: { text: label[1]!, start, end: start + label[1]!.length }, side: 'label' };
}
