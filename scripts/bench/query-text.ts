/** The text of benchmark queries: one typing slip, and the bare FTS5 form of a query. */
import type { Random } from './prng.js';

const letters = 'abcdefghijklmnopqrstuvwxyz';

/** One substitution, deletion, insertion or transposition, never at the first letter (as people type). */
export function oneEdit(word: string, random: Random): string {
  const at = random.int(1, word.length - 1);
  switch (random.int(0, 3)) {
    case 0: {
      const others = letters.replace(word[at]!, '');
      return word.slice(0, at) + random.pick([...others]) + word.slice(at + 1);
    }
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + random.pick([...letters]) + word.slice(at);
    default:
      return at < word.length - 1 && word[at] !== word[at + 1]
        ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
        : word.slice(0, at) + word.slice(at + 1);
  }
}

/**
 * The bare FTS5 form of a query: every word quoted (so nothing becomes FTS5 syntax), a quoted
 * phrase kept as one phrase; terms side by side mean AND.
 */
export function bareMatchExpression(text: string): string {
  const terms: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|(\S+)/g)) {
    const words = (match[1] ?? match[2] ?? '').split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    terms.push(`"${words.map((word) => word.replaceAll('"', '""')).join(' ')}"`);
  }
  return terms.join(' ');
}
