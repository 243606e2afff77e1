/**
 * What each side of an event mentions that the others do not: for each side, the noun phrases of
 * its own words (its quotations and the sentences reporting what it said) built around the words
 * no other side uses, the rarest and most repeated first. Derived from the texts alone: nothing
 * is known in advance about any event or side. Pure (the noun phrases come from compromise).
 */
import { contentWords, stemOf } from './content-words.js';
import { nounPhrases } from './noun-phrases.js';

export interface MentionsOptions {
  /** How rare a (lowercase) word is, 0–1 (word-rarity.ts); `name` when the texts capitalise it. */
  rarity: (word: string, name: boolean) => number;
  /** Stems never counted as a difference: the query's words, which every side was found by. */
  ignore?: ReadonlySet<string>;
  /** Phrases per side. */
  max?: number;
  /** The noun phrases of a sentence; compromise's by default. */
  phrases?: (text: string) => string[];
  /** Most words of a side's sentences given to the phrase finder (it is the slow part). */
  maxWords?: number;
  /**
   * Whether a phrase is a name the newsroom lists (db/aliases.txt): of two wordings of one
   * mention ("Dzhabhat EN-Nusra", "Jabhat al-Nusra"), the listed one is shown.
   */
  listed?: (phrase: string) => boolean;
}

interface StemStats {
  /** In how many of the side's texts the stem occurs. */
  texts: Map<string, number>;
  /** A word the side writes for the stem. */
  word: Map<string, string>;
  /** Words written with a capital inside a sentence: names ("Turkey", not "turkey"). */
  names: Set<string>;
}

/** Every word of a text and its stem; a common word still counts this much. */
const minimumWeight = 0.25;
/** Below this rarity a word that is not a name is no mention on its own. */
const commonAlone = 0.3;

/**
 * Words written with a capital where a sentence does not start: names ("Turkey", "al-Nusra"),
 * lowercased.
 */
function namesIn(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    if (!/^\p{Lu}/u.test(match[0])) continue;
    const before = text.slice(0, match.index).replace(/[\s“”"‘’'«»([]+$/u, '');
    if (before !== '' && !/[.!?:]$/u.test(before)) names.push(match[0].toLowerCase());
  }
  return names;
}

function stemStats(texts: readonly string[]): StemStats {
  const stats: StemStats = { texts: new Map(), word: new Map(), names: new Set() };
  for (const text of texts) {
    for (const name of namesIn(text)) stats.names.add(name);
    const seen = new Set<string>();
    for (const word of contentWords(text)) {
      const stem = stemOf(word);
      if (!stats.word.has(stem)) stats.word.set(stem, word);
      if (seen.has(stem)) continue;
      seen.add(stem);
      stats.texts.set(stem, (stats.texts.get(stem) ?? 0) + 1);
    }
  }
  return stats;
}

/** Nouns that name a relation to the next noun rather than a thing ("kind of", "need for"). */
// biome-ignore format: a word list
const relationalNouns: ReadonlySet<string> = new Set(
  [
    'kind', 'sort', 'type', 'need', 'necessity', 'importance', 'status', 'part', 'number', 'lot', 'series',
    'range', 'set', 'issue', 'matter', 'question', 'case', 'fact', 'way', 'level', 'degree', 'amount', 'use',
    'lack', 'role', 'result', 'basis', 'process', 'situation', 'side', 'group', 'rest', 'end', 'beginning',
    'state', 'form', 'area', 'aspect', 'subject', 'topic',
  ].map(stemOf),
);

const sentencePattern = /[^.!?]+(?:[.!?]+|$)/gu;

/** The sentences of a side's texts that hold one of its own stems, the richest first, within a word budget. */
function sentencesWith(texts: readonly string[], own: ReadonlySet<string>, maxWords: number): string[] {
  const scored: Array<{ sentence: string; hits: number; words: number }> = [];
  for (const text of texts) {
    for (const match of text.matchAll(sentencePattern)) {
      const sentence = match[0].trim();
      const words = contentWords(sentence);
      const hits = new Set(words.map(stemOf).filter((stem) => own.has(stem))).size;
      if (hits > 0) scored.push({ sentence, hits, words: sentence.split(/\s+/u).length });
    }
  }
  scored.sort((a, b) => b.hits - a.hits);
  const chosen: string[] = [];
  let budget = maxWords;
  for (const { sentence, words } of scored) {
    if (words > budget) continue;
    chosen.push(sentence);
    budget -= words;
  }
  return chosen;
}

interface Candidate {
  text: string;
  own: string[];
  score: number;
}

/**
 * A phrase cut to the part that matters: leading words that say little (none is the side's own,
 * or only generic ones) are dropped up to the next "of", "for"… ("need for pressure on the
 * Syrian regime" → "pressure on the Syrian regime", "kind of political transition" → "political
 * transition").
 */
function trimmed(phrase: string, telling: (stem: string) => boolean): string {
  let words = phrase.split(' ');
  for (;;) {
    const bridge = words.findIndex((word, i) => i > 0 && /^(?:of|on|with|for|from|against)$/i.test(word));
    if (bridge < 0) break;
    const head = words.slice(0, bridge).join(' ');
    if (contentWords(head).some((word) => telling(stemOf(word)))) break;
    words = words.slice(bridge + 1);
    while (words.length > 1 && /^(?:the|a|an|its|their|his|her)$/i.test(words[0]!)) words = words.slice(1);
  }
  return words.join(' ');
}

/**
 * For each side (given as its texts), the phrases it mentions that no other side does, best
 * first; the same side order as `sides`.
 *
 * @example mentionsApart([['…border of Syria with Turkey…'], ['…humanitarian access…']], { rarity })
 *   // [['border of Syria with Turkey'], ['humanitarian access']]
 */
export function mentionsApart(sides: ReadonlyArray<readonly string[]>, options: MentionsOptions): string[][] {
  const {
    rarity,
    ignore = new Set<string>(),
    max = 5,
    phrases = nounPhrases,
    maxWords = 400,
    listed,
  } = options;
  // Two phrases are one mention when they share a stem of substance ("nusra"), not a particle ("al").
  const sameMention = (a: Candidate, b: Candidate) =>
    a.own.some((stem) => stem.length > 2 && b.own.includes(stem));
  const stats = sides.map(stemStats);
  return sides.map((texts, index) => {
    const others = new Set(stats.filter((_, i) => i !== index).flatMap((other) => [...other.texts.keys()]));
    const mine = stats[index]!;
    const own = new Set([...mine.texts.keys()].filter((stem) => !others.has(stem) && !ignore.has(stem)));
    if (own.size === 0) return [];
    const worth = (stem: string) => {
      const word = mine.word.get(stem)!;
      return Math.max(minimumWeight, rarity(word, mine.names.has(word)));
    };

    const candidates: Candidate[] = [];
    for (const sentence of sentencesWith(texts, own, maxWords)) {
      for (const phrase of phrases(sentence)) {
        const text = trimmed(phrase, (stem) => own.has(stem) && !relationalNouns.has(stem));
        // "President Vladimir Putin" is Putin, whom every side names: a phrase whose head word
        // (its last before any "of", "on"…) the others use too is not a difference.
        const head = contentWords(text.split(/ (?:of|on|with|for|from|against) /iu)[0]!).at(-1);
        if (head === undefined || !own.has(stemOf(head))) continue;
        const stems = [...new Set(contentWords(text).map(stemOf))].filter((stem) => !ignore.has(stem));
        const ownStems = stems.filter((stem) => own.has(stem));
        if (ownStems.length === 0) continue;
        // One common word alone ("deal", "concern") is not a mention: any account could use it.
        if (stems.length === 1 && worth(stems[0]!) < commonAlone) continue;
        // A phrase mostly of words the others use too ("the opposition") says less; one the side
        // repeats in several texts (both outlets report it) says more.
        const share = ownStems.length / stems.length;
        const support = texts.filter((t) => {
          const stemsThere = new Set(contentWords(t).map(stemOf));
          return ownStems.every((stem) => stemsThere.has(stem));
        }).length;
        const score = ownStems.reduce((sum, stem) => sum + worth(stem), 0) * Math.sqrt(share) * support;
        candidates.push({ text, own: ownStems, score });
      }
    }
    candidates.sort(
      (a, b) => b.score - a.score || b.own.length - a.own.length || a.text.length - b.text.length,
    );
    const chosen: Candidate[] = [];
    for (const candidate of candidates) {
      // The same mention in more words ("pressure on the Syrian regime" after "Syrian regime")
      // takes its place when it says nearly as much.
      const widened = chosen.findIndex(
        (taken) =>
          candidate.own.length > taken.own.length &&
          taken.own.every((stem) => candidate.own.includes(stem)) &&
          candidate.score >= 0.6 * taken.score,
      );
      if (widened >= 0) {
        if (!chosen.some((taken, i) => i !== widened && sameMention(taken, candidate)))
          chosen[widened] = candidate;
        continue;
      }
      // Another wording of a mention already chosen ("Jabhat al-Nusra" after "Dzhabhat
      // EN-Nusra", "Syria's border with Turkey" after "border of Syria with Turkey"): it takes
      // the place only when it is the listed name and the other is not.
      const wording = chosen.findIndex((taken) => sameMention(taken, candidate));
      if (wording >= 0) {
        if (listed?.(candidate.text) && !listed(chosen[wording]!.text)) chosen[wording] = candidate;
        continue;
      }
      if (chosen.length >= max) continue;
      chosen.push(candidate);
    }
    return chosen.map((candidate) => candidate.text);
  });
}
