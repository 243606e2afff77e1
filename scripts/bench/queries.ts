/**
 * The queries the benchmark asks, by class, drawn from the synthetic archive's own words — the
 * shapes reporters really type: two or three mid-frequency words of one topic ("obama putin
 * syria"), one very common word, one rare word, a quoted phrase, words with a typo, words
 * narrowed to a rare outlet or to a date range (also with a very common word), a word of what
 * a person said narrowed to their quotations (`who:`), the words of a syndicated wire story, and words no passage has together (the partial-match fallback).
 *
 * Each query carries its bare-FTS5 equivalent: the same words (the right spelling for a typo),
 * the same filter as a join on the passages' metadata, and for the fallback the OR query that
 * follows the empty AND. A filtered query also carries the same words without the filter, so the
 * report can set filtered latency beside unfiltered.
 *
 * The list depends only on the seed, never on the archive size, so latencies at 100k and at 1M
 * passages answer the same questions. Phrases and syndicated stories come from the first
 * stories, which every archive of 10,000 passages or more contains.
 */
import { mixSeed, Random } from './prng.js';
import { bareMatchExpression, oneEdit } from './query-text.js';
import { attributionPattern, outlets, type SyntheticArchive } from './synthetic-archive.js';

export { bareMatchExpression, oneEdit } from './query-text.js';

export const queryClasses = [
  'words',
  'common',
  'rare',
  'phrase',
  'typo',
  'source',
  'common-source',
  'dates',
  'common-dates',
  'who',
  'syndicated',
  'fallback',
] as const;

export type QueryClass = (typeof queryClasses)[number];

/** A filter bare FTS5 applies as a join on the passages' metadata. */
export interface BareFilter {
  /** Outlet name, exactly. */
  source?: string;
  /** Published on or after, 'YYYY-MM-DD'. */
  from?: string;
  /** Published before, 'YYYY-MM-DD'. */
  before?: string;
  /** A quotation in the passage by this speaker (full name, exactly). */
  speaker?: string;
}

export interface BenchQuery {
  kind: QueryClass;
  /** What a reporter types: words, a phrase in double quotes, `source:` / `after:` / `before:`. */
  text: string;
  /** The same words without the filter (filtered classes only). */
  unfiltered?: string;
  /** What bare FTS5 is asked. */
  bare: { match: string; filter?: BareFilter; fallback?: string };
}

/** Vocabulary ranks the queries draw words from: neither stop-word common nor hapax rare. */
export const midFrequencyRanks = { from: 200, to: 8000 } as const;
/** "Very common": the twenty commonest words, each in a quarter to all of the passages. */
export const veryCommonRanks = { from: 0, to: 20 } as const;
/** "Rare": tens of occurrences at 100,000 passages. */
export const rareRanks = { from: 10_000, to: 30_000 } as const;

/** The commonest words, the archive's "the", "of" and "and": a quoted phrase does not start or end with one. */
const commonWords = 100;

/** Stories that phrases and syndicated stories are taken from: all present in any archive of 10,000 passages. */
const earlyStories = 400;

/** The twenty smallest outlets: about half a percent of the archive each. */
export const rareOutlets = outlets.slice(-20);

/** Builds `count` queries, an equal share of each class (in class order, interleaved). */
export function benchQueries(archive: SyntheticArchive, count = 300): BenchQuery[] {
  const rankOf = new Map(archive.vocabulary.map((word, rank) => [word, rank]));
  const streams = new Map(
    queryClasses.map((kind, i) => [kind, new Random(mixSeed(archive.seed, 0x717279, i))]),
  );
  const queries: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const kind = queryClasses[i % queryClasses.length]!;
    queries.push(makeQuery(kind, archive, streams.get(kind)!, rankOf));
  }
  return queries;
}

function makeQuery(
  kind: QueryClass,
  archive: SyntheticArchive,
  random: Random,
  rankOf: Map<string, number>,
): BenchQuery {
  const plain = (words: string[]): BenchQuery => ({
    kind,
    text: words.join(' '),
    bare: { match: bareMatchExpression(words.join(' ')) },
  });
  switch (kind) {
    case 'words':
      return plain(topicWords(archive, random, random.int(2, 3)));
    case 'common':
      return plain([wordOfRanks(archive, random, veryCommonRanks)]);
    case 'rare':
      return plain([wordOfRanks(archive, random, rareRanks)]);
    case 'phrase': {
      const text = phraseQuery(archive, random, rankOf);
      return { kind, text, bare: { match: bareMatchExpression(text) } };
    }
    case 'typo': {
      const { typed, meant } = typoQuery(archive, random, rankOf);
      return { kind, text: typed, bare: { match: bareMatchExpression(meant) } };
    }
    case 'source':
      return withOutlet(kind, topicWords(archive, random, 1), random);
    case 'common-source':
      return withOutlet(kind, [wordOfRanks(archive, random, veryCommonRanks)], random);
    case 'dates':
      return withDates(kind, topicWords(archive, random, 2), random);
    case 'common-dates':
      return withDates(kind, [wordOfRanks(archive, random, veryCommonRanks)], random);
    case 'who':
      return quotedWord(archive, random, rankOf);
    case 'syndicated':
      return plain(syndicatedWords(archive, random, rankOf));
    case 'fallback': {
      const words = [0, 1, 2].map(() => topicWords(archive, random, 1)[0]!);
      const text = words.join(' ');
      return {
        kind,
        text,
        bare: { match: bareMatchExpression(text), fallback: words.map((w) => `"${w}"`).join(' OR ') },
      };
    }
  }
}

/** The words narrowed to one of the smallest outlets (`source:` its domain name). */
function withOutlet(kind: QueryClass, words: string[], random: Random): BenchQuery {
  const outlet = random.pick(rareOutlets);
  const text = words.join(' ');
  return {
    kind,
    text: `${text} source:${outlet.domain.replace(/\.example$/, '')}`,
    unfiltered: text,
    bare: { match: bareMatchExpression(text), filter: { source: outlet.name } },
  };
}

/** The words narrowed to a span of years, or to before or after a year. */
function withDates(kind: QueryClass, words: string[], random: Random): BenchQuery {
  const text = words.join(' ');
  const from = random.int(2006, 2022);
  const to = Math.min(2026, from + random.int(1, 4));
  const [typed, filter]: [string, BareFilter] = random.chance(0.5)
    ? [`after:${from} before:${to}`, { from: `${from}-01-01`, before: `${to}-01-01` }]
    : random.chance(0.5)
      ? [`before:${2006 + random.int(1, 3)}`, {}]
      : [`after:${2022 + random.int(0, 3)}`, {}];
  if (typed.startsWith('before:')) filter.before = `${typed.slice(7)}-01-01`;
  if (typed.startsWith('after:') && !typed.includes(' ')) filter.from = `${typed.slice(6)}-01-01`;
  return {
    kind,
    text: `${text} ${typed}`,
    unfiltered: text,
    bare: { match: bareMatchExpression(text), filter },
  };
}

/**
 * A mid-frequency word of a quotation in an early story, narrowed to its speaker's quotations
 * (`who:` the surname, as reporters type it; bare FTS5 joins on the speaker of the paragraph).
 */
function quotedWord(archive: SyntheticArchive, random: Random, rankOf: Map<string, number>): BenchQuery {
  for (;;) {
    const story = random.int(0, earlyStories - 1);
    const shape = archive.shape(story);
    const paragraph = archive.paragraph(story, random.int(0, Math.min(3, shape.paragraphs - 1)), shape.topic);
    const speaker = attributionPattern.exec(paragraph)?.[1];
    if (!speaker) continue;
    const quoted = paragraph.slice(1, paragraph.indexOf('," said')).toLowerCase();
    const words = [...new Set(quoted.split(/[\s,.]+/))].filter((word) =>
      isMidFrequency(rankOf.get(word) ?? -1),
    );
    if (words.length === 0) continue;
    const word = random.pick(words);
    return {
      kind: 'who',
      text: `${word} who:${speaker.split(' ')[1]!.toLowerCase()}`,
      unfiltered: word,
      bare: { match: bareMatchExpression(word), filter: { speaker } },
    };
  }
}

function wordOfRanks(archive: SyntheticArchive, random: Random, ranks: { from: number; to: number }): string {
  return archive.vocabulary[random.int(ranks.from, ranks.to - 1)]!;
}

/** Two mid-frequency words of one paragraph of an early wire story (carried by 5–40 outlets). */
function syndicatedWords(archive: SyntheticArchive, random: Random, rankOf: Map<string, number>): string[] {
  for (;;) {
    const story = random.int(0, earlyStories - 1);
    const shape = archive.shape(story);
    if (shape.copies.length === 0) continue;
    const paragraph = archive.paragraph(story, random.int(0, Math.min(3, shape.paragraphs - 1)), shape.topic);
    const words = [...new Set(paragraph.toLowerCase().split(/[\s,.]+/))].filter((word) =>
      isMidFrequency(rankOf.get(word) ?? -1),
    );
    if (words.length < 2) continue;
    const first = random.pick(words);
    const second = random.pick(words.filter((word) => word !== first));
    return [first, second];
  }
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
 * Two or three consecutive words of one sentence of an early story, quoted; sometimes with
 * another mid-frequency word of the same paragraph, as a reporter adds a word they remember.
 */
function phraseQuery(archive: SyntheticArchive, random: Random, rankOf: Map<string, number>): string {
  for (;;) {
    const story = random.int(0, earlyStories - 1);
    const shape = archive.shape(story);
    const paragraph = archive.paragraph(story, random.int(0, 3), shape.topic).toLowerCase();
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
function typoQuery(
  archive: SyntheticArchive,
  random: Random,
  known: Map<string, number>,
): { typed: string; meant: string } {
  for (;;) {
    const words = topicWords(archive, random, random.int(2, 3));
    const at = random.int(0, words.length - 1);
    const word = words[at]!;
    if (word.length < 5) continue;
    const typo = oneEdit(word, random);
    if (known.has(typo)) continue;
    const meant = words.join(' ');
    words[at] = typo;
    return { typed: words.join(' '), meant };
  }
}
