/**
 * The noun phrases of a text ("humanitarian access", "the border of Syria with Turkey"), by
 * compromise's part-of-speech tags: a run of adjectives and nouns, joined to the next run over
 * "of", "on", "with", "for", "from" or "against" ("pressure on the Syrian regime"), never over a
 * comma, a bracket or a clause. compromise costs about 25 µs a word on one core (more on a busy
 * one), so callers pass it only the sentences they need. Pure.
 */
import { compromise } from '../../text/compromise.js';

/** Longest phrase kept, in words: longer runs are clauses, not names of things. */
const maxPhraseWords = 7;

const bridges = new Set(['of', 'on', 'with', 'for', 'from', 'against']);
/** Words a phrase does not start with ("the", "their", "both"), though it may hold them inside. */
const leading = /^(?:#Determiner|#Possessive|#Pronoun)$/;

interface TaggedTerm {
  text: string;
  pre: string;
  post: string;
  tags: string[];
}

const possessivePronouns = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your', 'whose']);
/** Particles compromise sometimes tags as adjectives ("concern over"). */
const particles = new Set(['over', 'about', 'up', 'out', 'off', 'down', 'around', 'through']);

function isNominal(term: TaggedTerm): boolean {
  const tags = new Set(term.tags);
  if (tags.has('Pronoun') || tags.has('Date') || (tags.has('Verb') && !tags.has('Noun'))) return false;
  const word = term.text.toLowerCase();
  if (possessivePronouns.has(word) || particles.has(word)) return false;
  return tags.has('Noun') || tags.has('Adjective') || tags.has('ProperNoun') || tags.has('Acronym');
}

function isDeterminer(term: TaggedTerm): boolean {
  return possessivePronouns.has(term.text.toLowerCase()) || term.tags.some((tag) => leading.test(`#${tag}`));
}

/**
 * A run too long for one phrase, cut at its bridges into phrases of at most maxPhraseWords
 * words ("need for early distancing moderate opposition from ISIS" → two phrases).
 */
function fitted(run: TaggedTerm[]): TaggedTerm[][] {
  if (run.length <= maxPhraseWords) return [run];
  const pieces: TaggedTerm[][] = [[]];
  for (const term of run) {
    if (bridges.has(term.text.toLowerCase()) && pieces.at(-1)!.length > 0) pieces.push([]);
    pieces.at(-1)!.push(term);
  }
  const out: TaggedTerm[][] = [];
  for (const piece of pieces) {
    const last = out.at(-1);
    if (last && last.length + piece.length <= maxPhraseWords) last.push(...piece);
    else out.push(piece.length > maxPhraseWords ? piece.slice(-maxPhraseWords) : [...piece]);
  }
  return out.map((words) => {
    let start = 0;
    while (start < words.length && !isNominal(words[start]!)) start++;
    return words.slice(start);
  });
}

/** Punctuation after a term that ends a phrase (a comma, a bracket, a dash, a full stop…). */
function breaksAfter(term: TaggedTerm): boolean {
  return /[,;:.!?()[\]{}–—]|\s-\s/u.test(term.post);
}

function breaksBefore(term: TaggedTerm): boolean {
  return /[()[\]{}]/u.test(term.pre);
}

/** The phrase's words as written, without the quotation marks and brackets around them. */
function phraseText(terms: TaggedTerm[]): string {
  return (
    terms
      .map(
        (term, index) =>
          (index === 0 ? '' : term.pre) + term.text + (index === terms.length - 1 ? '' : term.post),
      )
      .join('')
      // A curly apostrophe inside a word ("Iran’s") stays; quotation marks go.
      .replace(/[“”"«»„]|(?<!\p{L})[‘’]|[‘’](?!\p{L})/gu, '')
      .replace(/\s+/gu, ' ')
      .trim()
  );
}

/**
 * The noun phrases of `text`, in order, each as written (quotation marks dropped), without a
 * leading article or possessive.
 *
 * @example nounPhrases('President Obama pointed to the need for pressure on the Syrian regime.') // ['President Obama', 'need for pressure on the Syrian regime']
 */
export function nounPhrases(text: string): string[] {
  const sentences = compromise()(text).json() as Array<{ terms: TaggedTerm[] }>;
  const phrases: string[] = [];
  for (const { terms } of sentences) {
    let current: TaggedTerm[] = [];
    let pending: TaggedTerm[] = [];
    const close = () => {
      while (current.length > 0 && !isNominal(current.at(-1)!)) current.pop();
      for (const piece of fitted(current)) if (piece.length > 0) phrases.push(phraseText(piece));
      current = [];
      pending = [];
    };
    for (const term of terms) {
      const starts = breaksBefore(term);
      if (starts) close();
      if (isNominal(term)) {
        current.push(...pending, term);
        pending = [];
      } else if (current.length > 0 && pending.length === 0 && bridges.has(term.text.toLowerCase())) {
        pending = [term];
      } else if (pending.length > 0 && isDeterminer(term)) {
        pending.push(term);
      } else if (current.length === 0 && isDeterminer(term)) {
        // A leading article is left out of the phrase.
      } else {
        close();
      }
      if (breaksAfter(term)) close();
    }
    close();
  }
  return phrases;
}
