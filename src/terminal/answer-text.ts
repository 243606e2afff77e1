/**
 * A ReadoutAnswer as text for a terminal (the `npm run readout` CLI): numbered quotes with the
 * matched words emphasised, each followed by its attribution line. On a terminal, lines wrap
 * between words under their number; in a pipe each passage stays on one line, for scripts.
 */
import {
  type Excerpt,
  type InterpretedQuery,
  missingLabel,
  partialMatchLine,
  type ReadoutAnswer,
  type SearchHit,
} from '../search/answer.js';
import { displayPartialDate } from '../text/partial-date.js';
import { wrapText, wrapWithGutter } from './wrap-text.js';

export interface TextStyle {
  /** Wraps a matched word: ANSI bold on a terminal, **word** in a pipe. */
  mark: (text: string) => string;
  /** Wrap lines at this many columns (the terminal's width); undefined leaves them whole. */
  width?: number;
}

export const ansiStyle: TextStyle = { mark: (text) => `\u001b[1m${text}\u001b[22m` };
export const plainStyle: TextStyle = { mark: (text) => `**${text}**` };

/** An excerpt numbered `n`, its matched words emphasised; it wraps under its first word, not its number. */
export function numberedQuote(n: number, excerpt: Excerpt, style: TextStyle): string {
  const number = `${n}. `;
  const quote = marked(excerpt.text, excerpt.marks, style);
  return style.width ? wrapWithGutter(quote, style.width, number, ' '.repeat(number.length)) : number + quote;
}

/** `text` with its marks styled. */
export function marked(text: string, marks: Array<[number, number]>, style: TextStyle): string {
  let out = '';
  let cursor = 0;
  for (const [start, end] of marks) {
    out += text.slice(cursor, start) + style.mark(text.slice(start, end));
    cursor = end;
  }
  return out + text.slice(cursor);
}

/**
 * `"Headline" — Outlet, 5 Sep 2016, by Author · https://… · file`; a quotation's line starts with
 * its speaker: `— Barack Obama, in "Headline" — …`.
 */
export function attributionLine(hit: SearchHit): string {
  const { article } = hit;
  const parts = [hit.quote?.speaker ? `— ${hit.quote.speaker}, in "${article.title}"` : `"${article.title}"`];
  const details = [
    article.source,
    displayPartialDate(article.published),
    article.author && `by ${article.author}`,
  ]
    .filter(Boolean)
    .join(', ');
  const line = details ? `${parts[0]} — ${details}` : parts[0]!;
  return [line, article.url, article.file].filter(Boolean).join(' · ');
}

/** How the query was understood: corrections, aliases, partial matches, speakers, notes. */
export function queryLines(query: InterpretedQuery): string[] {
  const lines: string[] = [];
  for (const correction of query.corrections)
    lines.push(`showing results for ${correction.to} (not ${correction.from})`);
  for (const alias of query.aliases)
    lines.push(`${alias.term} also searched as: ${alias.alternatives.join(', ')}`);
  if (query.partial) lines.push(partialMatchLine(query.partial));
  if (query.filters.speakers.length > 0)
    lines.push(`only quotations by ${query.filters.speakers.join(' or ')}`);
  for (const note of query.notes) lines.push(`note: ${note}`);
  return lines;
}

/** The answer as numbered, attributed passages, wrapped at `style.width` when it is set. */
export function renderAnswerText(answer: ReadoutAnswer, style: TextStyle): string {
  const { query } = answer;
  const lines = queryLines(query);
  if (answer.hits.length === 0) lines.push(`no passages found for: ${query.text}`);
  for (const hit of answer.hits) {
    lines.push('');
    lines.push(numberedQuote(hit.rank, hit.excerpt, style));
    if (hit.missing) lines.push(`   (${missingLabel(hit.missing)})`);
    lines.push(`   ${attributionLine(hit)}`);
    if (hit.alsoIn.length > 0) lines.push(`   also in: ${hit.alsoIn.join(', ')}`);
  }
  if (answer.nextOffset !== undefined) lines.push('', `more results: --offset ${answer.nextOffset}`);
  return wrapText(lines.join('\n'), style.width);
}
