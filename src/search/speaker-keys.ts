/**
 * The archive's speakers, as `who:` finds them: each speaker key with its count of quotations,
 * and the keys by word. A large archive quotes tens of thousands of speakers; a `who:` name
 * tested against each of them took a quarter of a second at fifty thousand. Here it is tested
 * only against the keys that have the rarest of the words it requires (speaker-name.ts), each
 * key's words split once, when the archive's speakers are loaded.
 */
import { keyHasWords, requiredKeyWords, speakerKeyWords } from '../text/speaker-name.js';

export class SpeakerKeys {
  /** Each key's words (speakerKeyWords). */
  private readonly wordsOf = new Map<string, string[]>();
  private readonly byWord = new Map<string, string[]>();

  /** `quotations`: each speaker key of the archive and how many quotations it has. */
  constructor(readonly quotations: ReadonlyMap<string, number>) {
    for (const key of quotations.keys()) {
      const words = speakerKeyWords(key);
      this.wordsOf.set(key, words);
      for (const word of new Set(words)) {
        const keys = this.byWord.get(word);
        if (keys) keys.push(key);
        else this.byWord.set(word, [key]);
      }
    }
  }

  /** The keys a `who:` name matches (speakerMatches), in the archive's order. */
  matching(name: string): string[] {
    const required = requiredKeyWords(name);
    if (required.length === 0) return [];
    const fewest = required
      .map((word) => this.byWord.get(word) ?? [])
      .reduce((a, b) => (b.length < a.length ? b : a));
    return fewest.filter((key) => keyHasWords(this.wordsOf.get(key)!, required));
  }
}
