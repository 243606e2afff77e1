/**
 * The phrase that names a speaker, read forwards after a speech verb ("said the Russian leader")
 * or backwards before one ("Sen. Claire McCaskill (D-Mo.) said"). A phrase must end in a name, a
 * role, an institution, a document or a pronoun.
 */
import {
  determiners,
  documentNouns,
  institutionNouns,
  institutionWords,
  nations,
  notNames,
  roleNouns,
  speechVerbs,
  subjectPronouns,
  titles,
} from './lexicon.js';
import type { Token } from './tokens.js';

export interface Phrase {
  /** Token indexes, first inclusive, last exclusive. */
  from: number;
  to: number;
}

// biome-ignore format: a word list
const stopWords = new Set([
  'in', 'at', 'on', 'during', 'after', 'before', 'to', 'for', 'with', 'from', 'as', 'about', 'and', 'but', 'or',
  'who', 'which', 'that', 'while', 'when', 'where', 'if', 'because', 'since', 'than', 'then', 'by', 'into',
  'is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'can',
  'not', 'also', 'later', 'earlier', 'again', 'once', 'told', 'reporters', 'there', 'here', 'so', 'yet', 'all',
  'said', 'says', 'how', 'what', 'why', 'whether', 'over', 'under', 'through', 'via', 'upon', 'against',
  'without', 'within', 'between', 'among', 'amid', 'despite', 'like', 'unlike', 'toward', 'towards',
]);

/** Capitalised words of `notNames` that still name speakers: groups ("Republicans said"). */
const groups = new Set(['democrats', 'republicans', 'americans', 'russians']);

/** A word that may head a speaker phrase. */
export function isHead(token: Token): boolean {
  if (!token.word) return false;
  // Months, weekdays and sentence adverbs ("In August,", "Meanwhile,") are capitalised but name nobody.
  if (token.capital && notNames.has(token.lower) && !groups.has(token.lower)) return false;
  if (token.capital && !stopWords.has(token.lower) && !determiners.has(token.lower)) return true;
  return (
    roleNouns.has(token.lower) ||
    documentNouns.has(token.lower) ||
    institutionWords.has(token.lower) ||
    institutionNouns.has(token.lower) ||
    titles.has(token.lower)
  );
}

function looksLikeVerb(token: Token): boolean {
  if (token.capital || roleNouns.has(token.lower) || documentNouns.has(token.lower)) return false;
  return speechVerbs.has(token.lower) || /(?:ed|ing|ly)$/.test(token.lower);
}

/**
 * Whether a clause opens at `at` with a participle ("Following a meeting, …", "Speaking at a
 * rally, …"), not a name: a capitalised -ing word first in its clause, before a lower-case word.
 * "Manning said" and "Browning, the poet," are names.
 */
function opensWithParticiple(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at]!;
  if (!token.capital || !token.lower.endsWith('ing') || token.lower.length < 5) return false;
  const previous = tokens[at - 1];
  if (previous && !/^[.!?:;,“"‘(—–]$/.test(previous.text)) return false;
  const next = tokens[at + 1];
  return next?.word === true && !next.capital && !speechVerbs.has(next.lower);
}

/** Whether a token can sit inside a speaker phrase. */
function fits(token: Token): boolean {
  if (!token.word) return false;
  if (token.capital) return !stopWords.has(token.lower) || token.lower === 'us';
  return !stopWords.has(token.lower) && !looksLikeVerb(token) && !subjectPronouns.has(token.lower);
}

/** Skips a parenthesis "(D-Mo.)" that starts at `at`; returns the index after it, or `at`. */
function skipParenthesis(tokens: readonly Token[], at: number): number {
  if (tokens[at]?.text !== '(') return at;
  for (let k = at + 1; k < Math.min(tokens.length, at + 8); k++) if (tokens[k]!.text === ')') return k + 1;
  return at;
}

/**
 * The speaker phrase starting at token `at`, or null.
 *
 * @example phraseAfter(tokenize('the Russian leader told reporters'), 0) // { from: 0, to: 3 }
 */
export function phraseAfter(tokens: readonly Token[], at: number): Phrase | null {
  const first = tokens[at];
  if (!first) return null;
  if (opensWithParticiple(tokens, at)) return null;
  if (subjectPronouns.has(first.lower)) return { from: at, to: at + 1 };
  let k = at;
  if (determiners.has(first.lower)) k++;
  let lastHead = -1;
  while (k < tokens.length && k - at < 10) {
    const token = tokens[k]!;
    if (token.text === '(') {
      const after = skipParenthesis(tokens, k);
      if (after === k) break;
      k = after;
      continue;
    }
    // "9/11 widow Terry Strada": a date written with a slash.
    if (
      token.text === '/' &&
      /^\d+$/.test(tokens[k - 1]?.text ?? '') &&
      /^\d+$/.test(tokens[k + 1]?.text ?? '')
    ) {
      k += 2;
      continue;
    }
    if (token.lower === 'of' && lastHead >= 0) {
      // "the statement of the White House", "the President of the United States".
      const next = tokens[k + 1]?.lower === 'the' ? k + 2 : k + 1;
      if (tokens[next]?.capital) {
        k = next;
        continue;
      }
      break;
    }
    // "retired Air Force general Lloyd Newton": a participle describing the name that follows.
    const describing =
      k === at &&
      /ed$/.test(token.lower) &&
      !speechVerbs.has(token.lower) &&
      (tokens[k + 1]?.capital || roleNouns.has(tokens[k + 1]?.lower ?? ''));
    if (!fits(token) && !describing) break;
    if (isHead(token) || nations.has(token.lower)) lastHead = k;
    k++;
    if (token.possessive && !tokens[k]?.word) break;
  }
  if (lastHead < 0) return null;
  return { from: at, to: lastHead + 1 };
}

/**
 * Where a description joined by "and" to the phrase at `from` starts: "the former secretary of
 * state and current Democratic presidential nominee" is one person, written as two roles. Only a
 * lower-case run after a determiner holding a role joins; "Trump and Clinton" does not.
 */
function conjoinedRole(tokens: readonly Token[], from: number): number {
  if (tokens[from - 1]?.lower !== 'and') return from;
  let role = false;
  for (let k = from - 2; k >= 0 && from - k < 10; k--) {
    const token = tokens[k]!;
    if (determiners.has(token.lower)) return role && k < from - 2 ? k : from;
    if (!token.word || (token.capital && !nations.has(token.lower))) return from;
    // After "of" a speech verb's form is a noun: "secretary of state".
    const ofWhat = tokens[k - 1]?.lower === 'of' && !stopWords.has(token.lower);
    if (token.lower !== 'of' && !fits(token) && !ofWhat) return from;
    if (roleNouns.has(token.lower) || titles.has(token.lower)) role = true;
  }
  return from;
}

/**
 * The speaker phrase ending just before token `end` (the speech verb), read backwards; an
 * appositive between commas ("Josh Earnest, the press secretary, said") gives the name before it.
 */
export function phraseBefore(tokens: readonly Token[], end: number): Phrase | null {
  let last = end - 1;
  if (tokens[last]?.text === ',') {
    // "X, the Y, said" / "X, 59, of Ashton, Md., who was there, recalled": the name before the
    // appositive — the earliest phrase that opens a clause and is followed by a comma.
    let found: Phrase | null = null;
    for (let k = last - 1; k > 0 && last - k < 40; k--) {
      const stop = tokens[k]!.text;
      if (/^[;!?:“"‘]$/.test(stop) || (stop === '.' && tokens[k + 1]?.text !== ',')) break;
      if (stop !== ',') continue;
      const name = phraseBefore(tokens, k);
      const opensClause =
        name &&
        (name.from === 0 ||
          /^(?:[,.;:!?“"‘(—–-]|as|when|while|because|though|although|if)$/i.test(
            tokens[name.from - 1]!.text,
          ));
      if (name && opensClause && tokens[name.to - 1]!.capital) found = name;
    }
    return found ?? phraseBefore(tokens, last);
  }
  if (tokens[last]?.text === ')') {
    let k = last - 1;
    while (k > 0 && k > last - 8 && tokens[k]!.text !== '(') k--;
    if (tokens[k]?.text === '(') last = k - 1;
  }
  const head = tokens[last];
  if (!head) return null;
  if (subjectPronouns.has(head.lower)) return { from: last, to: last + 1 };
  if (!isHead(head) && !nations.has(head.lower)) {
    // "The clip says": any noun after a determiner a word or three back.
    for (let k = last; k >= 0 && last - k < 4; k--) {
      if (determiners.has(tokens[k]!.lower) && k < last) return { from: k, to: last + 1 };
      if (!fits(tokens[k]!)) return null;
    }
    return null;
  }
  let from = last;
  for (let k = last - 1; k >= 0 && last - k < 10; k--) {
    const token = tokens[k]!;
    if (token.lower === 'of' && tokens[k - 1] && isHead(tokens[k - 1]!)) continue;
    if (token.lower === 'the' && tokens[k + 1]?.capital && tokens[k - 1]?.lower === 'of') {
      from = k;
      continue;
    }
    if (determiners.has(token.lower)) {
      from = k;
      break;
    }
    if (token.text === ')') {
      let open = k - 1;
      while (open > 0 && k - open < 8 && tokens[open]!.text !== '(') open--;
      if (tokens[open]?.text !== '(') break;
      k = open;
      continue;
    }
    if (!fits(token) || (token.possessive && k < last && !tokens[k + 1]!.capital && !isHead(tokens[k + 1]!)))
      break;
    from = k;
  }
  from = conjoinedRole(tokens, from);
  // An unbroken lower-case run with no determiner ("the issue overall") is not a speaker.
  const words = tokens.slice(from, last + 1);
  if (!words.some((token) => token.capital) && !determiners.has(words[0]!.lower)) {
    if (!words.some((token) => roleNouns.has(token.lower) || documentNouns.has(token.lower))) return null;
  }
  return { from, to: last + 1 };
}
