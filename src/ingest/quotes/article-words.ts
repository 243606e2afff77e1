/**
 * Where an article writes a word, asked word by word: the few names a quotation's speaker needs
 * are found with plain string searches, not by reading every word of the article. After a few
 * dozen searches the article is indexed once instead, so an article of a thousand different
 * names still costs work in proportion to its length.
 */
import { workCounter } from './tokens.js';

/** A whole word in a paragraph. */
export interface WordPlace {
  paragraph: number;
  offset: number;
}

/** Searches before the article is indexed once instead. */
const searchBudget = 24;
const letterOrDigit = /[\p{L}\p{N}]/u;
const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

export class ArticleWords {
  private readonly lowered: Array<string | undefined> = [];
  private readonly placesOf = new Map<string, WordPlace[]>();
  private readonly lowerCase = new Map<string, boolean>();
  private searches = 0;
  private indexed = false;

  constructor(private readonly paragraphs: readonly string[]) {}

  private lowerText(paragraph: number): string {
    let text = this.lowered[paragraph];
    if (text === undefined) {
      text = this.paragraphs[paragraph]!.toLowerCase();
      this.lowered[paragraph] = text;
    }
    return text;
  }

  /**
   * Where the article writes `word` (lower case) as a whole word, in any case: not inside a
   * longer word, a hyphenated one or after an apostrophe; a possessive ’s may follow.
   *
   * @example new ArticleWords(['Ada Lund’s aide met Lund.']).places('lund') // two places
   */
  places(word: string): readonly WordPlace[] {
    const known = this.placesOf.get(word);
    if (known) return known;
    if (this.indexed) return [];
    if (++this.searches > searchBudget) {
      this.index();
      return this.placesOf.get(word) ?? [];
    }
    const found: WordPlace[] = [];
    for (let paragraph = 0; paragraph < this.paragraphs.length; paragraph++) {
      const lower = this.lowerText(paragraph);
      workCounter.units += 1;
      for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) {
        const before = lower[at - 1];
        const after = lower[at + word.length];
        if (before !== undefined && (letterOrDigit.test(before) || before === "'" || before === '’'))
          continue;
        if (after !== undefined && (letterOrDigit.test(after) || after === '-')) continue;
        workCounter.units += 1;
        found.push({ paragraph, offset: at });
      }
    }
    this.placesOf.set(word, found);
    return found;
  }

  /** Every word of the article, once: what many searches would cost more than. */
  private index(): void {
    this.placesOf.clear();
    this.paragraphs.forEach((_text, paragraph) => {
      const lower = this.lowerText(paragraph);
      for (const match of lower.matchAll(wordPattern)) {
        workCounter.units += 1;
        // "lund’s" is a place of "lund"; "clinton-kaine" only of itself, as a search would find.
        const word = match[0].replace(/['’]s$/u, '');
        const list = this.placesOf.get(word);
        if (list) list.push({ paragraph, offset: match.index });
        else this.placesOf.set(word, [{ paragraph, offset: match.index }]);
      }
    });
    this.indexed = true;
  }

  /**
   * Whether the article writes `word` (lower case) in lower case somewhere: capitalised, it then
   * opens a sentence or a title rather than naming someone.
   */
  has(word: string): boolean {
    let found = this.lowerCase.get(word);
    if (found === undefined) {
      found = this.places(word).some(({ paragraph, offset }) => {
        const first = this.paragraphs[paragraph]![offset]!;
        return first !== first.toUpperCase();
      });
      this.lowerCase.set(word, found);
    }
    return found;
  }
}
