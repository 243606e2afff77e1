/**
 * Synonyms and transliterations that edit distance cannot reach (ISIS / ISIL / Islamic State /
 * Daesh; Jabhat / Dzhabhat / An-Nusra), from the editable list in db/aliases.txt.
 * Applied at query time, so an edit takes effect on the next query, without a re-index.
 *
 * File format: one group per line, names separated by `|`; `#` starts a comment; case-insensitive.
 */
import fs from 'node:fs';
import { surfaceWords } from '../text/words.js';

export interface AliasTable {
  /** Normalised name ("islamic state") → every name of its group, as word lists. */
  groups: Map<string, string[][]>;
}

/** Parses the alias file's text. Lines with a single name are ignored. Pure. */
export function parseAliases(text: string): AliasTable {
  const groups = new Map<string, string[][]>();
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    if (!line.includes('|')) continue;
    const names = line
      .split('|')
      .map((name) => surfaceWords(name))
      .filter((words) => words.length > 0);
    const unique = [...new Map(names.map((words) => [words.join(' '), words])).values()];
    if (unique.length < 2) continue;
    for (const words of unique) {
      const key = words.join(' ');
      // A name in two groups joins them: the alternatives of both apply.
      const existing = groups.get(key) ?? [];
      const merged = new Map([...existing, ...unique].map((w) => [w.join(' '), w]));
      groups.set(key, [...merged.values()]);
    }
  }
  return { groups };
}

/** The alternatives of a term (itself first), or undefined when the list does not name it. */
export function aliasesFor(table: AliasTable, words: string[]): string[][] | undefined {
  const key = words.join(' ');
  const group = table.groups.get(key);
  if (!group) return undefined;
  return [words, ...group.filter((alternative) => alternative.join(' ') !== key)];
}

/**
 * The alias file, re-read when its modification time changes (checked at most once a second).
 * A missing file means no aliases.
 */
export class AliasFile {
  private table: AliasTable = { groups: new Map() };
  private mtimeMs = -1;
  private checkedAt = 0;

  constructor(
    private readonly file: string | undefined,
    private readonly onError: (message: string) => void = () => {},
  ) {}

  current(): AliasTable {
    if (!this.file) return this.table;
    const now = Date.now();
    if (now - this.checkedAt < 1000) return this.table;
    this.checkedAt = now;
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(this.file).mtimeMs;
    } catch {
      if (this.mtimeMs !== 0) this.table = { groups: new Map() };
      this.mtimeMs = 0;
      return this.table;
    }
    if (mtimeMs !== this.mtimeMs) {
      try {
        this.table = parseAliases(fs.readFileSync(this.file, 'utf8'));
        this.mtimeMs = mtimeMs;
      } catch (error) {
        this.onError(
          `aliases: cannot read ${this.file} (${(error as Error).message}); keeping the previous list`,
        );
      }
    }
    return this.table;
  }
}

/** Longest alias name, in words, looked for across consecutive query words. */
const maxAliasWords = 5;

/**
 * Joins consecutive unquoted query terms that together spell an alias name, so `islamic state`
 * or `Alexander Volkov` typed without quotes still reaches its group. Longest names win.
 * `joinAliasNames(table, [[islamic], [state], [raqqa]])` → [[islamic, state], [raqqa]]
 */
export function joinAliasNames<T extends { words: string[]; quoted: boolean }>(
  table: AliasTable,
  terms: T[],
): T[] {
  const joined: T[] = [];
  for (let i = 0; i < terms.length; ) {
    let taken = 1;
    for (let span = Math.min(maxAliasWords, terms.length - i); span >= 2; span--) {
      const run = terms.slice(i, i + span);
      if (run.some((term) => term.quoted)) continue;
      if (table.groups.has(run.flatMap((term) => term.words).join(' '))) {
        joined.push({ ...run[0]!, words: run.flatMap((term) => term.words) });
        taken = span;
        break;
      }
    }
    if (taken === 1) joined.push(terms[i]!);
    i += taken;
  }
  return joined;
}
