/**
 * The attribution after a quotation: ", said Obama", ", he told reporters", ", reads the statement
 * of the White House", "― Jane Doe", ", according to the Kremlin", ", as the memo put it".
 */
import {
  type Attribution,
  cueExtension,
  cueText,
  isAdverb,
  isPutIt,
  isSpeechVerb,
  speakerOf,
  windowSize,
} from './cues.js';
import { weakSpeechVerbs } from './lexicon.js';
import { phraseAfter } from './noun-phrases.js';
import { type Token, tokenize } from './tokens.js';

const leading = new Set([',', '—', '–', '―', '-', ':', ')', '(']);

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
