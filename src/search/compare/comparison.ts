/**
 * The shape of `/readout compare`'s answer: the event the query is about, each side's account of
 * it (its key sentences, quotations first, and what it mentions that the other accounts do not),
 * how the articles were grouped, and the other events the query also matches. Every front end
 * renders this (Slack blocks, the console, the CLI's text and JSON).
 */
import type { Attribution, InterpretedQuery, SearchHit } from '../answer.js';
import type { EventDay } from './event-day.js';

/** One event the query matches. */
export interface EventSummary {
  /** Its place among the events found, 0 the best (the offset that shows it). */
  index: number;
  /** The headline of its most relevant article. */
  title: string;
  articles: number;
  /** Its articles' outlets, each once, where known. */
  outlets: string[];
  when: EventDay;
  /** What it was ('call', 'meeting', …) when its articles say so clearly. */
  kind?: string;
}

/** One side's account of the event. */
export interface Account {
  /** Who issued it ("the White House"), or the outlet or headline it was read in. */
  name: string;
  /** Its key sentences, quotations first, attributed as search hits are. */
  statements: SearchHit[];
  /** What it mentions that the other accounts shown do not, most telling first. */
  mentionsOnly: string[];
  /** How many of the event's quotations it issued (0 when grouped by outlet or article). */
  quotations: number;
}

export interface ComparedEvent {
  summary: EventSummary;
  /** speaker: by who issued the statements; outlet or article when no two speakers can be told apart. */
  groupedBy: 'speaker' | 'outlet' | 'article';
  /** By content alone (the articles' dates are unknown), or by date and content. */
  groupedOn: 'content' | 'date_and_content';
  accounts: Account[];
  /** Other speakers quoted in the event's articles, with fewer words than an account. */
  alsoQuoted: string[];
  /** The event's articles, most relevant first. */
  articles: Attribution[];
}

export interface ComparisonAnswer {
  /** nothing_to_compare: the query has no words to find an event by. */
  kind: 'comparison' | 'nothing_to_compare';
  query: InterpretedQuery;
  /** Which event is shown (an index into `events`). */
  offset: number;
  /** Every event the query matches, best first; empty when nothing matched. */
  events: EventSummary[];
  /** The event shown; undefined when nothing matched. */
  event?: ComparedEvent;
}
