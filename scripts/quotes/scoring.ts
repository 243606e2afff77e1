/**
 * Scoring quotation extraction against a gold standard (PolNeAR's format): pure functions, so the
 * numbers the scorer prints can be checked by table tests.
 *
 * - Extraction: a predicted span matches a gold span of the same paragraph when they overlap;
 *   matching is one-to-one, largest overlap first.
 * - Attribution: over matched pairs, the predicted speaker is right when it shares a word with the
 *   gold `speaker` or `speaker_resolved` (case and accents folded; titles, pronouns and stopwords
 *   ignored — unless nothing else is left of the gold speaker, as in "the president"). A gold
 *   quotation with no speaker is matched only by a prediction with no speaker.
 * - Unnameable speakers: about 6% of PolNeAR's quotations have a bare pronoun as speaker ("he",
 *   "she", "it", "I") that the annotators did not resolve. Two rules are scored. `strict`: such a
 *   quotation is always wrong (no prediction shares a word with "he"). `project`: the project's
 *   rule (issue 10: a speaker is a name, or null when it cannot be told — never a guess), under
 *   which null is right for it and any name still wrong. Nothing else differs between the two.
 * - End to end: a quotation counts only when its span matches and its speaker is right.
 */

export interface GoldQuote {
  start: number;
  end: number;
  speaker: string | null;
  speaker_resolved?: string | null;
}

export interface PredictedQuote {
  start: number;
  end: number;
  speaker: string | null;
}

/** One paragraph's gold and predicted quotations, keyed by the paragraph id. */
export type QuotesById = ReadonlyMap<string, readonly GoldQuote[] | readonly PredictedQuote[]>;

/** How a gold quotation whose speaker no one can name is judged (see the module comment). */
export type SpeakerRule = 'strict' | 'project';

export interface Score {
  gold: number;
  predicted: number;
  matched: number;
  /** Matched quotations with the right speaker, under the project's rule. */
  attributed: number;
  /** Matched quotations whose gold speaker is a bare pronoun with no resolution. */
  unnameable: number;
  extraction: { precision: number; recall: number; f1: number };
  /** Right speakers among matched quotations, under the project's rule. */
  attribution: number;
  endToEnd: { precision: number; recall: number; f1: number };
  /** The same two under the strict rule: an unnameable speaker is always wrong. */
  strict: {
    attributed: number;
    attribution: number;
    endToEnd: { precision: number; recall: number; f1: number };
  };
}

// biome-ignore format: a word list
const stopwords = new Set([
  'the', 'a', 'an', 'of', 'and', 'in', 'on', 'at', 'for', 'to', 'from', 'by', 'with', 's', 'who', 'which', 'that',
  'he', 'she', 'it', 'they', 'we', 'i', 'you', 'him', 'her', 'them', 'his', 'its', 'their', 'our', 'my', 'your',
  'this', 'these', 'those', 'one', 'said', 'says',
]);

// biome-ignore format: a word list
const titles = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'president', 'vice', 'sen', 'senator', 'rep',
  'representative', 'gov', 'governor', 'gen', 'secretary', 'minister', 'prime', 'chancellor', 'mayor', 'judge',
  'rev', 'reverend', 'former', 'leader', 'chairman', 'chairwoman', 'spokesman', 'spokeswoman', 'spokesperson',
  'sgt', 'lt', 'col', 'capt', 'adm', 'jr', 'sr', 'us', 'u', 'democratic', 'republican', 'r', 'd',
]);

function words(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The words of a speaker that identify it: case and accents folded, titles and stopwords dropped;
 * when that leaves nothing ("the president"), the words less stopwords.
 *
 * @example speakerTokens('Mr. Obama') // ['obama']
 */
export function speakerTokens(name: string | null | undefined): string[] {
  if (!name) return [];
  const all = words(name).filter((word) => !stopwords.has(word));
  const content = all.filter((word) => !titles.has(word));
  return content.length > 0 ? content : all;
}

const barePronoun = /^\s*(?:he|she|it|they|i|we|you)\s*$/i;

/**
 * Whether no one can name a gold quotation's speaker: a bare pronoun the annotators left unresolved.
 *
 * @example isUnnameable({ start: 0, end: 1, speaker: 'she', speaker_resolved: null }) // true
 */
export function isUnnameable(gold: GoldQuote): boolean {
  return typeof gold.speaker === 'string' && barePronoun.test(gold.speaker) && !gold.speaker_resolved;
}

/**
 * Whether a predicted speaker is right for a gold quotation (see the module comment); the
 * project's rule unless told `strict`.
 *
 * @example speakerIsRight('Barack Obama', { start: 0, end: 1, speaker: 'Mr. Obama' }) // true
 */
export function speakerIsRight(
  predicted: string | null,
  gold: GoldQuote,
  rule: SpeakerRule = 'project',
): boolean {
  if (gold.speaker === null || gold.speaker === undefined) return predicted === null;
  if (isUnnameable(gold)) return rule === 'project' && predicted === null;
  if (predicted === null) return false;
  const mine = new Set(speakerTokens(predicted));
  const accepted = [...speakerTokens(gold.speaker), ...speakerTokens(gold.speaker_resolved)];
  return accepted.some((token) => mine.has(token));
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

/** One-to-one pairs of overlapping spans, largest overlap first. */
export function matchSpans<
  G extends { start: number; end: number },
  P extends { start: number; end: number },
>(gold: readonly G[], predicted: readonly P[]): Array<[G, P]> {
  const candidates: Array<{ g: number; p: number; size: number }> = [];
  gold.forEach((g, gi) => {
    predicted.forEach((p, pi) => {
      const size = overlap(g, p);
      if (size > 0) candidates.push({ g: gi, p: pi, size });
    });
  });
  candidates.sort((x, y) => y.size - x.size || x.g - y.g || x.p - y.p);
  const usedGold = new Set<number>();
  const usedPredicted = new Set<number>();
  const pairs: Array<[G, P]> = [];
  for (const { g, p } of candidates) {
    if (usedGold.has(g) || usedPredicted.has(p)) continue;
    usedGold.add(g);
    usedPredicted.add(p);
    pairs.push([gold[g]!, predicted[p]!]);
  }
  return pairs;
}

function prf(hits: number, predicted: number, gold: number): Score['extraction'] {
  const precision = predicted === 0 ? 0 : hits / predicted;
  const recall = gold === 0 ? 0 : hits / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Scores predicted quotations against gold ones, paragraph by paragraph (ids missing from
 * `predicted` count as paragraphs with no predictions).
 *
 * @example scoreQuotes(new Map([['p0', gold]]), new Map([['p0', predicted]])).endToEnd.f1
 */
export function scoreQuotes(
  gold: ReadonlyMap<string, readonly GoldQuote[]>,
  predicted: ReadonlyMap<string, readonly PredictedQuote[]>,
): Score {
  let goldCount = 0;
  let predictedCount = 0;
  let matched = 0;
  let attributed = 0;
  let strictlyAttributed = 0;
  let unnameable = 0;
  const ids = new Set([...gold.keys(), ...predicted.keys()]);
  for (const id of ids) {
    const g = gold.get(id) ?? [];
    const p = predicted.get(id) ?? [];
    goldCount += g.length;
    predictedCount += p.length;
    for (const [goldQuote, predictedQuote] of matchSpans(g, p)) {
      matched += 1;
      if (speakerIsRight(predictedQuote.speaker, goldQuote)) attributed += 1;
      if (speakerIsRight(predictedQuote.speaker, goldQuote, 'strict')) strictlyAttributed += 1;
      if (isUnnameable(goldQuote)) unnameable += 1;
    }
  }
  return {
    gold: goldCount,
    predicted: predictedCount,
    matched,
    attributed,
    unnameable,
    extraction: prf(matched, predictedCount, goldCount),
    attribution: matched === 0 ? 0 : attributed / matched,
    endToEnd: prf(attributed, predictedCount, goldCount),
    strict: {
      attributed: strictlyAttributed,
      attribution: matched === 0 ? 0 : strictlyAttributed / matched,
      endToEnd: prf(strictlyAttributed, predictedCount, goldCount),
    },
  };
}
