/**
 * Which articles tell of the same event: articles close in time that share participants (the
 * people and institutions they quote) and rare words. Pure: the caller reads the articles and
 * says how rare each word is in the archive.
 *
 * Two articles are compared by the rare words they share (a cosine over their word sets, each
 * word weighted by its rarity), by the speakers they share (Jaccard), and by their dates: two
 * articles published more than a week apart are never one event, and the likelihood fades
 * between two days and a week. Articles whose dates are unknown are grouped by content alone.
 * Groups are built by average linkage: the two groups most alike (on average over their pairs)
 * merge while that average reaches the threshold, so one article that shares words with two
 * events does not chain them into one.
 */
import { partialDateStart } from '../../text/partial-date.js';

export interface EventArticle {
  id: number;
  /** A partial date (src/text/partial-date.ts), or null. */
  published: string | null;
  /** The article's content words, each once. */
  words: ReadonlySet<string>;
  /** Keys of the speakers it quotes. */
  participants: ReadonlySet<string>;
  /** How well it answers the query (0–1): orders the events. */
  relevance: number;
}

export interface EventGroup {
  /** Article ids, the most relevant first. */
  articles: number[];
  /** The sum of its three most relevant articles' relevance. */
  score: number;
}

/** Likelihood (0–1) above which groups merge. */
export const sameEventThreshold = 0.2;

const dayMs = 86_400_000;

/** Days between two dates known to the day; undefined when either is not. */
function daysApart(a: string | null, b: string | null): number | undefined {
  if (!a || !b || !/^\d{4}-\d{2}-\d{2}$/.test(a) || !/^\d{4}-\d{2}-\d{2}$/.test(b)) return undefined;
  return Math.abs(Date.parse(a) - Date.parse(b)) / dayMs;
}

/**
 * How compatible two publication dates are with one event: 1 within two days (or when either is
 * unknown), fading to 0 at a week; a month or a year only is compatible when the other date falls
 * in it.
 */
export function timeCompatibility(a: string | null, b: string | null): number {
  const days = daysApart(a, b);
  if (days !== undefined) return days <= 2 ? 1 : days >= 7 ? 0 : (7 - days) / 5;
  const [startA, startB] = [partialDateStart(a), partialDateStart(b)];
  if (startA === undefined || startB === undefined) return 1;
  // One of them is a month or a year: the same event only if the other date is inside it.
  const coarse = a!.length <= b!.length ? a! : b!;
  const fine = coarse === a ? b! : a!;
  return fine.startsWith(coarse) ? 1 : 0;
}

function weightedCosine(
  a: ReadonlySet<string>,
  b: ReadonlySet<string>,
  weight: (word: string) => number,
): number {
  let shared = 0;
  let normA = 0;
  let normB = 0;
  for (const word of a) {
    const w = weight(word) ** 2;
    normA += w;
    if (b.has(word)) shared += w;
  }
  for (const word of b) normB += weight(word) ** 2;
  return normA === 0 || normB === 0 ? 0 : shared / Math.sqrt(normA * normB);
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * How likely two articles tell of one event (0–1): rare words shared, weighed three to one
 * against speakers shared, times the compatibility of their dates.
 */
export function sameEventLikelihood(
  a: EventArticle,
  b: EventArticle,
  weight: (word: string) => number,
): number {
  const time = timeCompatibility(a.published, b.published);
  if (time === 0) return 0;
  const content = weightedCosine(a.words, b.words, weight);
  const people =
    a.participants.size > 0 && b.participants.size > 0 ? jaccard(a.participants, b.participants) : content;
  return time * (0.75 * content + 0.25 * people);
}

/**
 * The events among `articles`, the best first (by the relevance of their articles).
 *
 * @example groupEvents(articles, (word) => rarity.get(word) ?? 0)[0].articles // [12, 7]
 */
export function groupEvents(
  articles: readonly EventArticle[],
  weight: (word: string) => number,
  threshold = sameEventThreshold,
): EventGroup[] {
  const n = articles.length;
  const likelihood: number[][] = articles.map((a, i) =>
    articles.map((b, j) => (i === j ? 1 : j < i ? 0 : sameEventLikelihood(a, b, weight))),
  );
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) likelihood[i]![j] = likelihood[j]![i]!;

  let groups: number[][] = articles.map((_, i) => [i]);
  const average = (x: number[], y: number[]) => {
    let sum = 0;
    for (const i of x) for (const j of y) sum += likelihood[i]![j]!;
    return sum / (x.length * y.length);
  };
  for (;;) {
    let best: { x: number; y: number; value: number } | undefined;
    for (let x = 0; x < groups.length; x++) {
      for (let y = x + 1; y < groups.length; y++) {
        const value = average(groups[x]!, groups[y]!);
        if (value >= threshold && (!best || value > best.value)) best = { x, y, value };
      }
    }
    if (!best) break;
    const merged = [...groups[best.x]!, ...groups[best.y]!];
    groups = groups.filter((_, index) => index !== best.x && index !== best.y);
    groups.push(merged);
  }

  return groups
    .map((members) => {
      const ordered = members
        .map((i) => articles[i]!)
        .sort((a, b) => b.relevance - a.relevance || a.id - b.id);
      const score = ordered.slice(0, 3).reduce((sum, article) => sum + article.relevance, 0);
      return { articles: ordered.map((article) => article.id), score };
    })
    .sort((a, b) => b.score - a.score || a.articles[0]! - b.articles[0]!);
}
