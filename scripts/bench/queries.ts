/**
 * The realistic queries the benchmark asks, drawn from the synthetic archive's own words:
 * two or three mid-frequency words of one topic (the way a reporter types "obama putin syria"),
 * a quoted phrase taken from an early article's text, and words with one typo.
 *
 * The list depends only on the seed, never on the archive size, so latencies at 10k and at 1M
 * passages answer the same questions. Phrases come from the first articles, which every archive
 * of 10,000 passages or more contains.
 */
import { mixSeed, Random } from './prng.js';
import type { SyntheticArchive } from './synthetic-archive.js';

export type QueryKind = 'words' | 'phrase' | 'typo';

export interface BenchQuery {
  kind: QueryKind;
  /** What a reporter types: words separated by spaces, a phrase in double quotes. */
  text: string;
}

/** Vocabulary ranks the queries draw words from: neither stop-word common nor hapax rare. */
export const midFrequencyRanks = { from: 200, to: 8000 } as const;

/** The commonest words, the archive's "the", "of" and "and": a quoted phrase does not start or end with one. */
const commonWords = 100;

/** Articles that phrases are taken from: all present in any archive of 10,000 passages. */
const phraseArticles = 400;

/** Builds `count` queries: half words, three in ten phrases, two in ten with a typo. */
export function benchQueries(archive: SyntheticArchive, count = 300): BenchQuery[] {
  const random = new Random(mixSeed(archive.seed, 0x717279));
  const rankOf = new Map(archive.vocabulary.map((word, rank) => [word, rank]));
  const queries: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const roll = i % 10;
    if (roll < 5)
      queries.push({ kind: 'words', text: topicWords(archive, random, random.int(2, 3)).join(' ') });
    else if (roll < 8) queries.push({ kind: 'phrase', text: phraseQuery(archive, random, rankOf) });
    else queries.push({ kind: 'typo', text: typoQuery(archive, random, rankOf) });
  }
  return queries;
}

function isMidFrequency(rank: number): boolean {
  return rank >= midFrequencyRanks.from && rank < midFrequencyRanks.to;
}

/** How far down a topic's word list queries go: a reporter asks for what a story is about. */
const typicalTopicWords = 20;

/** Distinct mid-frequency words among the most typical of one random topic. */
function topicWords(archive: SyntheticArchive, random: Random, count: number): string[] {
  for (;;) {
    const topic = archive.topics[random.int(0, archive.topics.length - 1)]!;
    const candidates = Array.from(topic.subarray(0, typicalTopicWords)).filter(isMidFrequency);
    if (candidates.length < count) continue;
    const words = new Set<string>();
    while (words.size < count) words.add(archive.vocabulary[random.pick(candidates)]!);
    return [...words];
  }
}

/**
 * Two or three consecutive words of one sentence of an early article, quoted; sometimes with
 * another mid-frequency word of the same paragraph, as a reporter adds a word they remember.
 */
function phraseQuery(archive: SyntheticArchive, random: Random, rankOf: Map<string, number>): string {
  for (;;) {
    const article = random.int(0, phraseArticles - 1);
    const shape = archive.shape(article);
    const position = random.int(0, 3);
    // A syndicated place holds another article's paragraph, not the one drawn for it.
    if (shape.copies.has(position)) continue;
    const paragraph = archive.paragraph(article, position, shape.topic).toLowerCase();
    const words = random
      .pick(paragraph.split('.'))
      .split(/[\s,]+/)
      .filter(Boolean);
    const length = random.int(2, 3);
    if (words.length < length) continue;
    const start = random.int(0, words.length - length);
    const chosen = words.slice(start, start + length);
    // A reporter quotes a name or a noun phrase: it starts and ends with a content word, not
    // with one of the archive's commonest words (as "of the" would), though those may sit inside.
    if ((rankOf.get(chosen[0]!) ?? 0) < commonWords || (rankOf.get(chosen.at(-1)!) ?? 0) < commonWords)
      continue;
    const phrase = `"${chosen.join(' ')}"`;
    if (!random.chance(0.4)) return phrase;
    const others = paragraph
      .split(/[\s,.]+/)
      .filter((word) => !chosen.includes(word) && isMidFrequency(rankOf.get(word) ?? -1));
    return others.length === 0 ? phrase : `${phrase} ${random.pick(others)}`;
  }
}

/** Topic words, one of them (five letters or more) mistyped by one edit into a non-word. */
function typoQuery(archive: SyntheticArchive, random: Random, known: Map<string, number>): string {
  for (;;) {
    const words = topicWords(archive, random, random.int(2, 3));
    const at = random.int(0, words.length - 1);
    const word = words[at]!;
    if (word.length < 5) continue;
    const typo = oneEdit(word, random);
    if (known.has(typo)) continue;
    words[at] = typo;
    return words.join(' ');
  }
}

const letters = 'abcdefghijklmnopqrstuvwxyz';

/** One substitution, deletion, insertion or transposition, never at the first letter (as people type). */
export function oneEdit(word: string, random: Random): string {
  const at = random.int(1, word.length - 1);
  switch (random.int(0, 3)) {
    case 0: {
      const others = letters.replace(word[at]!, '');
      return word.slice(0, at) + random.pick([...others]) + word.slice(at + 1);
    }
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + random.pick([...letters]) + word.slice(at);
    default:
      return at < word.length - 1 && word[at] !== word[at + 1]
        ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
        : word.slice(0, at) + word.slice(at + 1);
  }
}

/**
 * The bare FTS5 form of a query: every word quoted (so nothing becomes FTS5 syntax), a quoted
 * phrase kept as one phrase; terms side by side mean AND.
 */
export function bareMatchExpression(text: string): string {
  const terms: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|(\S+)/g)) {
    const words = (match[1] ?? match[2] ?? '').split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    terms.push(`"${words.map((word) => word.replaceAll('"', '""')).join(' ')}"`);
  }
  return terms.join(' ');
}
