/**
 * Ranking when no passage has every word of a query: by how much of the query a passage covers,
 * each word weighted by its rarity, so a passage with a rare name and a common word beats one
 * with two common words. No word is left out: every word the archive knows is weighed, and the
 * words it does not know are reported, never dropped in silence.
 *
 * The search asks FTS5 for one set of words at a time, heaviest set first, and excludes the
 * query's other words (`a AND b NOT (c OR d)`), so each passage is found once, under exactly the
 * words it has; within a set, bm25 ranks as usual. Pure: the weights come from the caller.
 */

import { stemmer } from 'stemmer';
import type { MarkWeight } from './excerpt.js';

/** Most words weighed for partial matches: 2^12 sets of words is already far more than a page needs. */
export const maxWeighedTerms = 12;

/**
 * A word's weight: the inverse document frequency bm25 gives it, from the number of documents
 * using it. Rarer is heavier; a word in every article still weighs a little.
 *
 * @example termWeight(10, 2000) > termWeight(1500, 2000) // true
 */
export function termWeight(documentsUsing: number, documents: number): number {
  const used = Math.min(Math.max(documentsUsing, 0), documents);
  return Math.log(1 + (documents - used + 0.5) / (used + 0.5));
}

/**
 * Sets of terms (as lists of indexes into `weights`) in the order partial matches are shown:
 * heaviest total weight first, then more terms, then earlier terms. `includeAll` adds the set of
 * every term (when some query word matched nothing, the passages with all the others come first).
 *
 * @example coverageOrder([3, 1], false) // [[0], [1]]
 */
export function coverageOrder(weights: readonly number[], includeAll: boolean): number[][] {
  const count = Math.min(weights.length, maxWeighedTerms);
  const full = (1 << count) - 1;
  const sets: Array<{ members: number[]; weight: number }> = [];
  for (let mask = full - (includeAll ? 0 : 1); mask > 0; mask--) {
    const members: number[] = [];
    let weight = 0;
    for (let i = 0; i < count; i++) {
      if (mask & (1 << i)) {
        members.push(i);
        weight += weights[i]!;
      }
    }
    sets.push({ members, weight });
  }
  sets.sort(
    (a, b) =>
      b.weight - a.weight ||
      b.members.length - a.members.length ||
      a.members.join(',').localeCompare(b.members.join(','), 'en', { numeric: true }),
  );
  return sets.map((set) => set.members);
}

/**
 * For choosing excerpt sentences: which query term a matched word belongs to, by its porter stem
 * (the tokenizer's), and the term's weight. A word of no term (it cannot happen, but a re-index
 * may change a passage between queries) counts as the lightest term.
 */
export function markWeights(
  terms: ReadonlyArray<{ key: string; alternatives: string[][]; weight: number }>,
): MarkWeight {
  const byStem = new Map<string, { term: string; weight: number }>();
  for (const { key, alternatives, weight } of terms) {
    for (const word of alternatives.flat()) byStem.set(stemmer(word), { term: key, weight });
  }
  const lightest = Math.min(...terms.map((term) => term.weight), 1);
  const seen = new Map<string, { term: string; weight: number }>();
  return (word) => {
    const lower = word.toLowerCase();
    let found = seen.get(lower);
    if (!found) {
      found = byStem.get(stemmer(lower)) ?? { term: lower, weight: lightest };
      seen.set(lower, found);
    }
    return found;
  };
}
