/**
 * The shape of an answer: what `readout()` returns and what every front end renders (Slack
 * blocks, the console, the CLI's text and JSON). Rendering decides how marks look.
 */

import type { StoredAttribution } from '../index/reader.js';
import { displayTerm, type ParsedQuery } from './parse-query.js';

/** Where a passage comes from: headline, outlet, author, date, URL, file. Empty fields are unknown, never guessed. */
export type Attribution = Omit<StoredAttribution, 'id'>;

/** A verbatim quote: whole sentences of the passage, '…' where it was trimmed. */
export interface Excerpt {
  text: string;
  /** Matched words as [start, end) UTF-16 offsets into `text`, sorted, not overlapping. */
  marks: Array<[number, number]>;
}

/** A direct quotation shown as a hit's excerpt, and who said it. */
export interface QuoteShown {
  /** The quotation's words in full (the excerpt may show only part of a long one). */
  text: string;
  /** Who said it, as the article names them at their fullest; null when the article does not say. */
  speaker: string | null;
  /** The speech cue: "said", "told reporters", "according to"… */
  cue: string | null;
  /** Where the quotation is in `excerpt.text`: [start, end) UTF-16 offsets. */
  start: number;
  end: number;
}

export interface SearchHit {
  /** 1-based position in the whole ranked list (page offsets included). */
  rank: number;
  /** Relevance: higher is better (negated bm25). */
  score: number;
  passageId: number;
  articleId: number;
  excerpt: Excerpt;
  /** The headline with matched words marked, offsets into `article.title`. */
  titleMarks: Array<[number, number]>;
  article: Attribution;
  /** Other outlets that carry the same passage (syndicated copies shown once). */
  alsoIn: string[];
  /** Set when the excerpt is a direct quotation: its words and speaker. */
  quote?: QuoteShown;
  /** A partial match: the query's words and phrases this passage does not have. */
  missing?: string[];
}

export interface Correction {
  /** The word the user typed. */
  from: string;
  /** The archive's word it was replaced by. */
  to: string;
}

export interface AliasExpansion {
  /** The query word or phrase the alias list matched. */
  term: string;
  /** The other names it was also searched as. */
  alternatives: string[];
}

export interface InterpretedQuery {
  /** The query as typed (trimmed; cut to the maximum length). */
  text: string;
  /** Words and "phrases" searched for, after corrections. */
  terms: string[];
  /** Words and phrases excluded with a leading '-'. */
  excluded: string[];
  filters: {
    sources: string[];
    /** `who:` speakers asked for: only their quotations. */
    speakers: string[];
    /** Inclusive lower bound, 'YYYY-MM-DD'. */
    after?: string;
    /** Exclusive upper bound, 'YYYY-MM-DD'. */
    before?: string;
  };
  corrections: Correction[];
  aliases: AliasExpansion[];
  /**
   * Set when fewer than a page of passages have every term, and passages with some of them follow
   * (each labelled with what it lacks, `SearchHit.missing`): render as "no passage has all of:
   * {allOf}" when `complete` is 0, else "only {complete} have all of: {allOf}", and "nothing in
   * the archive matches: {unmatched}" when non-empty. `quoted`: the quoted phrases (or words)
   * the archive has; each partial match has one of them.
   */
  partial?: { allOf: string[]; unmatched: string[]; complete: number; quoted: string[] };
  /** Things ignored or changed, each a short sentence ("after:foo is not a date; ignored"). */
  notes: string[];
}

export type AnswerKind =
  /** Empty input or `help`: the caller shows usage. */
  | 'help'
  /** The input had nothing searchable (only punctuation, emoji, exclusions). */
  | 'nothing_to_search'
  | 'results';

export interface ReadoutAnswer {
  kind: AnswerKind;
  query: InterpretedQuery;
  hits: SearchHit[];
  offset: number;
  limit: number;
  /** Offset of the next page when there is one. */
  nextOffset?: number;
}

/** The query as understood, before the search adds corrections, aliases and fallbacks. */
export function interpretedQuery(parsed: ParsedQuery, extraNotes: string[] = []): InterpretedQuery {
  return {
    text: parsed.text,
    terms: parsed.terms.map(displayTerm),
    excluded: parsed.excluded.map(displayTerm),
    filters: { ...parsed.filters, speakers: [...parsed.filters.speakers] },
    corrections: [],
    aliases: [],
    notes: [...parsed.notes, ...extraNotes],
  };
}

/**
 * What the answer says about partial matches, in words (`escapeTerm` adapts the terms to the
 * renderer): which words no passage has together, how many passages have them all, and which
 * words nothing in the archive matches.
 *
 * @example partialMatchLine({ allOf: ['blair', 'wenger'], unmatched: [], complete: 0, quoted: [] }) // 'No passage has all of: blair, wenger. Showing passages with some of them, those with the rarest words first.'
 */
export function partialMatchLine(
  partial: NonNullable<InterpretedQuery['partial']>,
  escapeTerm: (text: string) => string = (text) => text,
): string {
  const allOf = partial.allOf.map(escapeTerm).join(', ');
  const { complete } = partial;
  let line =
    complete === 0
      ? `No passage has all of: ${allOf}. Showing passages with some of them, those with the rarest words first.`
      : `Only ${complete} ${complete === 1 ? 'passage has' : 'passages have'} all of: ${allOf}. After ${complete === 1 ? 'it' : 'them'}, passages with some of them (marked partial).`;
  if (partial.quoted.length === 1) line += ` Each has ${escapeTerm(partial.quoted[0]!)}.`;
  if (partial.quoted.length > 1) line += ` Each has one of: ${partial.quoted.map(escapeTerm).join(', ')}.`;
  if (partial.unmatched.length > 0)
    line += ` Nothing in the archive matches: ${partial.unmatched.map(escapeTerm).join(', ')}.`;
  return line;
}

/** The label of a partial match: `Partial match, without: blair, "white house"`. */
export function missingLabel(
  missing: readonly string[],
  escapeTerm: (text: string) => string = (text) => text,
): string {
  return `Partial match, without: ${missing.map(escapeTerm).join(', ')}`;
}
