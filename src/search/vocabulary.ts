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

  /**
   * The archive word closest to `word` (lowercase), or undefined when none is close enough.
   *
   * Closest wins, so one edit away is tried first, and the searches are bounded by where they
   * start: a fuzzy search walks the part of the tree its first letters allow, and over a large
   * vocabulary (hundreds of thousands of words at a million passages) a two-edit search of the
   * whole tree takes tens to hundreds of milliseconds. Most typos keep the first letter, so one
   * edit away is looked for among words that start like `word` (a small subtree), then among all
   * words (a wrong first letter); two edits away only among words that share the first two letters.
   */
  correct(word: string): string | undefined {
    const maxDistance = maxEditDistanceFor(word);
    if (maxDistance === 0) return undefined;
    if (!this.words) this.load();
    return (
      this.closest(word, 1, 1) ??
      this.closest(word, 1, 0) ??
      (maxDistance >= 2 ? this.closest(word, 2, 2) : undefined)
    );
  }

  /** The best correction `distance` edits away among words sharing `word`'s first `shared` letters. */
  private closest(word: string, distance: number, shared: number): string | undefined {
    const prefix = word.slice(0, shared);
    const found = (prefix ? this.words!.atPrefix(prefix) : this.words!).fuzzyGet(
      word.slice(shared),
      distance,
    );
    return pickCorrection([...found].map(([rest, [articles, d]]) => [prefix + rest, articles, d]));
  }
}
