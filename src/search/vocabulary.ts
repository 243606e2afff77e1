/**
 * Typo and spelling-variant correction over the archive's own vocabulary.
 *
 * The vocabulary table holds the surface words of the archive with the number of documents that
 * use each; this class loads it into minisearch's SearchableMap (a radix tree — the words
 * alone, not the passages, so memory grows with the vocabulary, not the archive) and answers
 * "which archive word is closest to this unknown one". Only words the index does not know are
 * looked up, so the fuzzy search never runs for an ordinary query.
 */
import damerau from 'damerau-levenshtein';
import SearchableMap from 'minisearch/SearchableMap';
import { maxVocabularyWordLength } from '../text/words.js';

/**
 * Edit distance allowed for a word: none under 4 letters (too many neighbours), 1 up to 7,
 * 2 from 8 — wider bounds make lookups slow and suggestions noisy on a large vocabulary.
 */
export function maxEditDistanceFor(word: string): number {
  const length = [...word].length;
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/**
 * Closest first (by Damerau distance: a swap of two letters is one edit), then the most common
 * in the archive: `[word, documents, distance]` candidates → the best word.
 */
export function pickCorrection(
  candidates: Array<[word: string, documents: number, distance: number]>,
): string | undefined {
  let best: [string, number, number] | undefined;
  for (const candidate of candidates) {
    if (candidate[2] === 0) continue;
    if (!best || candidate[2] < best[2] || (candidate[2] === best[2] && candidate[1] > best[1]))
      best = candidate;
  }
  return best?.[0];
}

/** The word with each pair of neighbouring letters swapped: `wegner` → `ewgner`, `wgener`, … */
export function transpositions(word: string): string[] {
  const letters = [...word];
  const swapped = new Set<string>();
  for (let i = 0; i + 1 < letters.length; i++) {
    if (letters[i] === letters[i + 1]) continue;
    const copy = [...letters];
    [copy[i], copy[i + 1]] = [copy[i + 1]!, copy[i]!];
    swapped.add(copy.join(''));
  }
  return [...swapped];
}

export class Vocabulary {
  private words: SearchableMap<number> | undefined;

  /** `source` lists every archive word with the number of documents using it. */
  constructor(private readonly source: () => Iterable<[string, number]>) {}

  /** Loads the vocabulary now (startup), instead of on the first unknown word. */
  load(): void {
    const words = new SearchableMap<number>();
    for (const [word, documents] of this.source()) words.set(word, documents);
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
   * Distance is Damerau's (a transposition counts as one edit: `wegner` is one edit from both
   * `wenger` and `werner`), and among equally close words the one more documents use wins.
   * `accept` may turn a candidate down (a real word is not rewritten into another).
   *
   * Closest wins, so one edit away is tried first, and the searches are bounded by where they
   * start: a fuzzy search walks the part of the tree its first letters allow, and over a large
   * vocabulary (hundreds of thousands of words at a million passages) a two-edit search of the
   * whole tree takes tens to hundreds of milliseconds. Most typos keep the first letter, so one
   * edit away is looked for among words that start like `word` (a small subtree), then among all
   * words (a wrong first letter); two edits away only among words that share the first two letters.
   */
  correct(word: string, accept: (candidate: string) => boolean = () => true): string | undefined {
    const maxDistance = maxEditDistanceFor(word);
    // No archive word is longer than maxVocabularyWordLength: a longer one cannot be a slip of one.
    if (maxDistance === 0 || word.length > maxVocabularyWordLength + maxDistance) return undefined;
    if (!this.words) this.load();
    // minisearch's fuzzy search counts a swap as two edits, so the swapped spellings are looked
    // up (and, for two edits, searched around) as well.
    const swaps = transpositions(word);
    const pick = (found: Map<string, number>, distance: number) =>
      pickCorrection(
        [...found]
          .filter(([candidate]) => accept(candidate))
          .map(([candidate, documents]) => [candidate, documents, damerau(word, candidate).steps])
          .filter(([, , steps]) => steps === distance) as Array<[string, number, number]>,
      );
    const oneEdit = (shared: number) => {
      const found = this.around(word, 1, shared);
      for (const swapped of swaps) {
        const documents = this.words!.get(swapped);
        if (documents !== undefined && swapped.startsWith(word.slice(0, shared)))
          found.set(swapped, documents);
      }
      return pick(found, 1);
    };
    const twoEdits = () => {
      const found = this.around(word, 2, 2);
      for (const swapped of swaps) for (const [w, n] of this.around(swapped, 1, 2)) found.set(w, n);
      return pick(found, 2);
    };
    return oneEdit(1) ?? oneEdit(0) ?? (maxDistance >= 2 ? twoEdits() : undefined);
  }

  /** Words `distance` (Levenshtein) edits from `word` among words sharing its first `shared` letters. */
  private around(word: string, distance: number, shared: number): Map<string, number> {
    const prefix = word.slice(0, shared);
    const tree = prefix ? this.words!.atPrefix(prefix) : this.words!;
    const found = new Map<string, number>();
    for (const [rest, [documents]] of tree.fuzzyGet(word.slice(shared), distance))
      found.set(prefix + rest, documents);
    return found;
  }
}
