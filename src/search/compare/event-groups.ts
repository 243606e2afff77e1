/**
 * Which articles tell of the same event: articles close in time that share participants (the
 * people and institutions they quote) and rare words. Pure: the caller reads the articles and
 * says how rare each word is in the archive.
 *
 * Two articles are compared by the rare words they share (a cosine over their word sets, each
 * word weighted by its rarity), by the speakers they share (Jaccard), and by their dates: two
 * articles published more than a week apart are never one event, and the likelihood fades
 * between two days and a week. An article whose publication date is unknown is placed by the dates
 * its text mentions; articles with no date at all are grouped by content alone.
 * Groups are built by average linkage: the two groups most alike (on average over their pairs)
 * merge while that average reaches the threshold, so one article that shares words with two
 * events does not chain them into one.
 */
export interface EventArticle {
  id: number;
  /** A partial date (src/text/partial-date.ts), or null. */
  published: string | null;
  /** The article's content words, each once. */
  words: ReadonlySet<string>;
  /** Dates its text mentions (partial dates), for placing it when its publication date is unknown. */
  mentioned?: readonly string[];
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

/** How the likelihood of one event fades with the days between two dates: 1 within two, 0 from seven. */
function fade(days: number): number {
  return days <= 2 ? 1 : days >= 7 ? 0 : (7 - days) / 5;
}

const fullDay = /^\d{4}-\d{2}-\d{2}$/;
const yearless = /^--(\d{2})-(\d{2})$/;

/** The month and day of a date known to the day ('2016-04-18', '--04-18'), as a day of a leap year. */
function dayOfYear(date: string): number | undefined {
  const match = fullDay.test(date) ? /^\d{4}-(\d{2})-(\d{2})$/.exec(date) : yearless.exec(date);
  return match ? Date.UTC(2000, Number(match[1]) - 1, Number(match[2])) / dayMs : undefined;
}

/**
 * How compatible two dates are with one event: by the days between them when both are known to
 * the day (by month and day alone, across a year's end, when either year is unknown); a month or
 * a year only is compatible when the other date falls in it; an unknown date with anything.
 */
export function timeCompatibility(a: string | null, b: string | null): number {
  if (!a || !b) return 1;
  if (fullDay.test(a) && fullDay.test(b)) return fade(Math.abs(Date.parse(a) - Date.parse(b)) / dayMs);
  const [dayA, dayB] = [dayOfYear(a), dayOfYear(b)];
  if (dayA !== undefined && dayB !== undefined) {
    const apart = Math.abs(dayA - dayB);
    return fade(Math.min(apart, 366 - apart));
  }
  if (yearless.test(a) || yearless.test(b)) {
    // A day without its year against a year or a month: apart only when the month differs.
    const [day, other] = yearless.test(a) ? [a, b] : [b, a];
    return other.length === 7 && other.slice(5, 7) !== day.slice(2, 4) ? 0 : 1;
  }
  // One of them is a month or a year: the same event only if the other date is inside it.
  const coarse = a.length <= b.length ? a : b;
  const fine = coarse === a ? b : a;
  return fine.startsWith(coarse) ? 1 : 0;
}

/**
 * The dates an article can be placed by: its publication date, or, when that is unknown, the
 * dates its text mentions (the day of the event is usually among them).
 */
function placingDates(article: EventArticle): readonly string[] {
  return article.published ? [article.published] : (article.mentioned ?? []);
}

/**
 * How compatible two articles' dates are with one event: the best of their placing dates' pairs,
 * so that background dates never part two articles; 1 when either cannot be placed.
 */
export function articlesTimeCompatibility(a: EventArticle, b: EventArticle): number {
  const [datesA, datesB] = [placingDates(a), placingDates(b)];
  if (datesA.length === 0 || datesB.length === 0) return 1;
  let best = 0;
  for (const x of datesA) for (const y of datesB) best = Math.max(best, timeCompatibility(x, y));
  return best;
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
  const time = articlesTimeCompatibility(a, b);
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
