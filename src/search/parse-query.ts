/**
 * What a reporter typed → a structured query. Pure; never throws.
 *
 * Grammar (everything else is just words):
 *   word            must appear (stemmed, case and accents folded)
 *   "two words"     exact phrase; curly quotes work too; an unclosed quote runs to the end
 *   -word -"a b"    must not appear
 *   source:tass     outlet contains "tass" (source:"voice of america" for several words)
 *   after:2016-09-01 / before:2017    a year, year-month or day; after is inclusive, before exclusive
 *   who:putin who:"white house"      only quotations by that speaker (src/text/speaker-name.ts)
 * An unknown `name:value` is two words. Words are split the way the index tokenizer splits them,
 * so a word like `An-Nusra` becomes the phrase "an nusra", and punctuation, `*`, `^`, `(`,
 * `NEAR(`… are separators, never operators. User text only ever reaches FTS5 as quoted words.
 */
import { surfaceWords } from '../text/words.js';
import { withoutPossessive } from './word-forms.js';

/** Longest query read; the rest is ignored with a note (Slack allows 4,000+ characters). */
export const maxQueryLength = 1000;
/** Most terms searched; more make slow, over-constrained queries. */
export const maxTerms = 16;

export interface QueryTerm {
  /** Lowercased words of the term, in order; more than one means a phrase. */
  words: string[];
  /** Typed in quotes by the user (an exact phrase), as opposed to a hyphenated word. */
  quoted: boolean;
}

export interface QueryFilters {
  sources: string[];
  /** `who:` names, lowercased words joined by a space: only quotations by one of them. */
  speakers: string[];
  /** Inclusive, 'YYYY-MM-DD'. */
  after?: string;
  /** Exclusive, 'YYYY-MM-DD'. */
  before?: string;
}

export interface ParsedQuery {
  kind: 'help' | 'query';
  /** The text read (trimmed, cut to maxQueryLength). */
  text: string;
  terms: QueryTerm[];
  excluded: QueryTerm[];
  filters: QueryFilters;
  notes: string[];
}

const openQuotes = '"“”„«»';
const closeQuoteFor: Record<string, string> = {
  '"': '"“”',
  '“': '”"',
  '”': '”"',
  '„': '“”"',
  '«': '»"',
  '»': '«"',
};

interface RawToken {
  text: string;
  quoted: boolean;
  negated: boolean;
  /** `name` of a `name:value` token. */
  field?: string;
}

/** Splits into whitespace-separated tokens, keeping quoted spans whole. */
function tokenize(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/u.test(text[i]!)) i++;
    if (i >= text.length) break;
    let negated = false;
    let field: string | undefined;
    if (text[i] === '-' && i + 1 < text.length && !/\s/u.test(text[i + 1]!)) {
      negated = true;
      i++;
    }
    const fieldMatch = /^([A-Za-z]+):(?=\S)/.exec(text.slice(i, i + 12));
    if (fieldMatch && ['source', 'after', 'before', 'who'].includes(fieldMatch[1]!.toLowerCase())) {
      field = fieldMatch[1]!.toLowerCase();
      i += fieldMatch[0].length;
    }
    const open = text[i]!;
    if (openQuotes.includes(open)) {
      const closers = closeQuoteFor[open] ?? '"';
      let end = i + 1;
      while (end < text.length && !closers.includes(text[end]!)) end++;
      tokens.push({ text: text.slice(i + 1, end), quoted: true, negated, field });
      i = end + 1;
    } else {
      let end = i;
      while (end < text.length && !/\s/u.test(text[end]!)) end++;
      tokens.push({ text: text.slice(i, end), quoted: false, negated, field });
      i = end;
    }
  }
  return tokens;
}

/**
 * Reads a date filter value as a period: `2017`, `2016-09`, `2016-09-05` or `2016/9/5`.
 * Returns its first day and the first day after it (ISO dates), or undefined for anything else.
 * `parseDateValue('2016-09')` → { start: '2016-09-01', next: '2016-10-01' }
 */
export function parseDateValue(value: string): { start: string; next: string } | undefined {
  const match = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(value.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] ? Number(match[2]) : undefined;
  const day = match[3] ? Number(match[3]) : undefined;
  if (year < 1000 || (month !== undefined && (month < 1 || month > 12))) return undefined;
  const iso = (y: number, m: number, d: number) =>
    `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (month === undefined) return { start: iso(year, 1, 1), next: iso(year + 1, 1, 1) };
  if (day === undefined) {
    return { start: iso(year, month, 1), next: month === 12 ? iso(year + 1, 1, 1) : iso(year, month + 1, 1) };
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  const next = new Date(date.getTime() + 86_400_000);
  return {
    start: iso(year, month, day),
    next: iso(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()),
  };
}

/** Parses a query; see the module comment for the grammar. `parseQuery('obama -trump source:tass')` */
export function parseQuery(input: string): ParsedQuery {
  const notes: string[] = [];
  // Control characters (including NUL) become spaces; they can never mean anything in a query.
  let text = input
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .trim();
  if (text.length > maxQueryLength) {
    text = text.slice(0, maxQueryLength);
    notes.push(`query shortened to its first ${maxQueryLength} characters`);
  }
  const parsed: ParsedQuery = {
    kind: 'query',
    text,
    terms: [],
    excluded: [],
    filters: { sources: [], speakers: [] },
    notes,
  };
  if (text === '' || /^(help|\?|-h|--help)$/i.test(text)) {
    parsed.kind = 'help';
    return parsed;
  }

  const seen = new Set<string>();
  for (const token of tokenize(text)) {
    if (token.field === 'source') {
      const source = token.text.trim().toLowerCase();
      if (source && !parsed.filters.sources.includes(source)) parsed.filters.sources.push(source);
      continue;
    }
    if (token.field === 'who') {
      const speaker = surfaceWords(token.text).join(' ');
      if (token.negated)
        notes.push(`-who:${token.text} is not supported (only who: narrows to a speaker); ignored`);
      else if (speaker && !parsed.filters.speakers.includes(speaker)) parsed.filters.speakers.push(speaker);
      continue;
    }
    if (token.field === 'after' || token.field === 'before') {
      const date = parseDateValue(token.text);
      if (!date)
        notes.push(`${token.field}:${token.text} is not a date (try 2016, 2016-09 or 2016-09-01); ignored`);
      else if (token.field === 'after') parsed.filters.after = date.start;
      else parsed.filters.before = date.start;
      continue;
    }
    // Inside a quoted phrase every word counts in order; elsewhere only hyphens, apostrophes and
    // dots join words into one term (An-Nusra, Obama's, U.S.); brackets, `*`, `:` and the like split.
    const pieces = token.quoted ? [token.text] : token.text.split(/[^\p{L}\p{M}\p{N}'’.‐‑-]+/u);
    // A possessive searches for its owner: Bush's finds every Bush, not only "Bush's".
    for (const piece of pieces)
      addTerm(parsed, seen, surfaceWords(token.quoted ? piece : withoutPossessive(piece)), token);
  }
  if (parsed.filters.after && parsed.filters.before && parsed.filters.after >= parsed.filters.before) {
    notes.push(
      `after:${parsed.filters.after} is not before before:${parsed.filters.before}; nothing can match both`,
    );
  }
  return parsed;
}

/** Adds a term (or exclusion) once; past maxTerms it is dropped with a note. */
function addTerm(parsed: ParsedQuery, seen: Set<string>, words: string[], token: RawToken): void {
  if (words.length === 0) return;
  const key = `${token.negated ? '-' : '+'}${words.join(' ')}`;
  if (seen.has(key)) return;
  seen.add(key);
  const list = token.negated ? parsed.excluded : parsed.terms;
  if (list.length >= maxTerms) {
    if (!parsed.notes.some((note) => note.startsWith('only the first'))) {
      parsed.notes.push(`only the first ${maxTerms} words or phrases were searched`);
    }
    return;
  }
  list.push({ words, quoted: token.quoted });
}

/** How a term is shown back to the user: `putin`, `"cessation of hostilities"`. */
export function displayTerm(term: QueryTerm): string {
  return term.quoted || term.words.length > 1 ? `"${term.words.join(' ')}"` : term.words[0]!;
}
