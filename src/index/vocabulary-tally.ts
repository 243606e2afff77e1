import { isVocabularyWord } from '../text/words.js';

/**
 * Per-word change in the number of articles using it, summed over a re-index run. Vocabulary
 * counts change by the thousand per run, so they are summed in memory (here, or in the re-index's
 * helper process) and written once at the end.
 */
export class VocabularyTally {
  private readonly counts = new Map<string, { delta: number; article?: number }>();
  private articles = 0;

  /** Adds `delta` to each word (the distinct words of one article). */
  add(words: Iterable<string>, delta: number): void {
    // One map lookup per word: this runs for every article of a million-passage load.
    for (const word of words) {
      const counter = this.counts.get(word);
      if (counter) counter.delta += delta;
      else this.counts.set(word, { delta });
    }
  }

  /**
   * Counts one more article using the words of `passages` (an article's headline and passages,
   * as split into words, repeats and all): one lookup per word, no set of the article's words.
   * Only vocabulary words (text/words.ts) are counted.
   */
  addArticle(passages: Iterable<readonly string[]>): void {
    const article = ++this.articles;
    for (const words of passages) {
      for (const word of words) {
        const counter = this.counts.get(word);
        if (counter === undefined) {
          if (isVocabularyWord(word)) this.counts.set(word, { delta: 1, article });
        } else if (counter.article !== article) {
          counter.delta += 1;
          counter.article = article;
        }
      }
    }
  }

  merge(entries: Iterable<[string, number]>): void {
    for (const [word, delta] of entries) this.add([word], delta);
  }

  entries(): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    for (const [word, { delta }] of this.counts) if (delta !== 0) out.push([word, delta]);
    return out;
  }

  clear(): void {
    this.counts.clear();
  }
}
