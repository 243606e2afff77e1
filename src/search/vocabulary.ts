/**
 * Typo and spelling-variant correction over the archive's own vocabulary.
 *
 * The vocabulary table holds the surface words of the archive with the number of articles that
 * use each; this class loads it into minisearch's SearchableMap (a radix tree — the words
 * alone, not the passages, so memory grows with the vocabulary, not the archive) and answers
 * "which archive word is closest to this unknown one". Only words the index does not know are
 * looked up, so the fuzzy search never runs for an ordinary query.
 */
import SearchableMap from 'minisearch/SearchableMap';

/**
 * Edit distance allowed for a word: none under 4 letters (too many neighbours), 1 up to 7,
 * 2 from 8 — wider bounds make lookups slow and suggestions noisy on a large vocabulary.
 */
export function maxEditDistanceFor(word: string): number {
  const length = [...word].length;
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/** Closest first, then the most common: `[word, passages, distance]` candidates → the best word. */
export function pickCorrection(
  candidates: Array<[word: string, passages: number, distance: number]>,
): string | undefined {
  let best: [string, number, number] | undefined;
  for (const candidate of candidates) {
    if (candidate[2] === 0) continue;
    if (!best || candidate[2] < best[2] || (candidate[2] === best[2] && candidate[1] > best[1]))
      best = candidate;
  }
  return best?.[0];
}

export class Vocabulary {
  private words: SearchableMap<number> | undefined;

  /** `source` lists every archive word with the number of articles using it. */
  constructor(private readonly source: () => Iterable<[string, number]>) {}

  /** Loads the vocabulary now (startup), instead of on the first unknown word. */
  load(): void {
    const words = new SearchableMap<number>();
    for (const [word, articles] of this.source()) words.set(word, articles);
    this.words = words;
  }

  /** Forgets the loaded words; the next lookup reloads them (after a re-index). */
  invalidate(): void {
    this.words = undefined;
  }

  get size(): number {
    if (!this.words) this.load();
    return this.words!.size;
  }

  /** The archive word closest to `word` (lowercase), or undefined when none is close enough. */
  correct(word: string): string | undefined {
    const maxDistance = maxEditDistanceFor(word);
    if (!this.words && maxDistance > 0) this.load();
    // Closest wins, so look one edit away first: most typos are one edit, and a two-edit search
    // walks far more of the tree.
    for (let distance = 1; distance <= maxDistance; distance++) {
      const found = this.words!.fuzzyGet(word, distance);
      const best = pickCorrection([...found].map(([candidate, [articles, d]]) => [candidate, articles, d]));
      if (best) return best;
    }
    return undefined;
  }
}
