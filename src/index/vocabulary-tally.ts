import {
  isVocabularyWord,
  maxVocabularyWordLength,
  surfaceWords,
  WordUnit,
  wordUnit,
} from '../text/words.js';

/**
 * Per-word change in the number of articles using it, summed over a re-index run. Vocabulary
 * counts change by the thousand per run, so they are summed in memory (here, or in the re-index's
 * helper processes) and written once at the end.
 *
 * Every word of every article passes here: at 100,000 passages, eight million of them. Split
 * into strings and looked up in a Map, that was a fifth of the preparation's time, nearly all of
 * it hashing strings just made. So `addArticle` reads the words in place, hashing as it goes,
 * and makes a string only for a word it has not seen before: a hash table of its own (open
 * addressing), keyed by the word's place in the text.
 */
export class VocabularyTally {
  /** The words, by slot. */
  private words: string[] = [];
  private hashes = new Int32Array(1024);
  private deltas = new Int32Array(1024);
  /** The last article that counted each word, so that an article counts it once. */
  private stamps = new Int32Array(1024);
  /** Slot + 1 by hash (0: empty), at most half full. */
  private table = new Int32Array(2048);
  private articles = 0;

  /** Adds `delta` to each word (the distinct words of one article). */
  add(words: Iterable<string>, delta: number): void {
    for (const word of words) this.deltas[this.slotOf(word, 0, word.length, hashOf(word))]! += delta;
  }

  /**
   * Counts one more article using the vocabulary words (text/words.ts) of `texts` — its
   * headline and passages as stored — each word once however often it is used. The same words
   * as surfaceWords finds, without making a string of each.
   */
  addArticle(texts: Iterable<string>): void {
    const article = ++this.articles;
    for (const text of texts) {
      const lower = text.toLowerCase();
      if (surrogate.test(lower)) {
        // Letters outside the Basic Multilingual Plane are two units each: the plain way.
        for (const word of surfaceWords(lower)) {
          if (isVocabularyWord(word))
            this.countOnce(this.slotOf(word, 0, word.length, hashOf(word)), article);
        }
        continue;
      }
      let start = -1;
      let hash = 0;
      let letter = false;
      for (let at = 0; at <= lower.length; at++) {
        const unit = at < lower.length ? wordUnit(lower.charCodeAt(at)) : WordUnit.Separator;
        if (unit !== WordUnit.Separator) {
          if (start < 0) {
            start = at;
            hash = fnvOffset;
            letter = false;
          }
          hash = Math.imul(hash ^ lower.charCodeAt(at), fnvPrime);
          if (unit === WordUnit.Letter) letter = true;
          continue;
        }
        if (start < 0) continue;
        // A vocabulary word: 2 to 40 units, one a letter (isVocabularyWord).
        const length = at - start;
        if (letter && length >= 2 && length <= maxVocabularyWordLength) {
          this.countOnce(this.slotOf(lower, start, at, hash), article);
        }
        start = -1;
      }
    }
  }

  merge(entries: Iterable<[string, number]>): void {
    for (const [word, delta] of entries) this.add([word], delta);
  }

  entries(): Array<[string, number]> {
    const out: Array<[string, number]> = [];
    this.words.forEach((word, slot) => {
      if (this.deltas[slot] !== 0) out.push([word, this.deltas[slot]!]);
    });
    return out;
  }

  clear(): void {
    this.words = [];
    this.table.fill(0);
    this.deltas.fill(0);
    this.stamps.fill(0);
  }

  private countOnce(slot: number, article: number): void {
    if (this.stamps[slot] === article) return;
    this.stamps[slot] = article;
    this.deltas[slot]! += 1;
  }

  /** The slot of the word text[start, end), added if new. */
  private slotOf(text: string, start: number, end: number, hash: number): number {
    const mask = this.table.length - 1;
    const length = end - start;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const entry = this.table[at]!;
      if (entry === 0) {
        const slot = this.words.length;
        this.words.push(text.slice(start, end));
        if (slot === this.deltas.length) this.growSlots();
        this.hashes[slot] = hash;
        this.table[at] = slot + 1;
        if (2 * this.words.length > this.table.length) this.growTable();
        return slot;
      }
      const word = this.words[entry - 1]!;
      if (this.hashes[entry - 1] === hash && word.length === length && text.startsWith(word, start)) {
        return entry - 1;
      }
    }
  }

  private growSlots(): void {
    const grown = (array: Int32Array) => {
      const bigger = new Int32Array(array.length * 2);
      bigger.set(array);
      return bigger;
    };
    this.hashes = grown(this.hashes);
    this.deltas = grown(this.deltas);
    this.stamps = grown(this.stamps);
  }

  private growTable(): void {
    this.table = new Int32Array(this.table.length * 2);
    const mask = this.table.length - 1;
    for (let slot = 0; slot < this.words.length; slot++) {
      let at = this.hashes[slot]! & mask;
      while (this.table[at] !== 0) at = (at + 1) & mask;
      this.table[at] = slot + 1;
    }
  }
}

const surrogate = /[\ud800-\udfff]/;
// FNV-1a over UTF-16 units, 32 bits.
const fnvOffset = 0x811c9dc5 | 0;
const fnvPrime = 0x01000193;

function hashOf(word: string): number {
  let hash = fnvOffset;
  for (let at = 0; at < word.length; at++) hash = Math.imul(hash ^ word.charCodeAt(at), fnvPrime);
  return hash;
}
