/** What the reader (reader.ts) returns: rows as search and the bot use them. */
import type { QuotationRecord } from './records.js';

/** A document's headline and body with matched tokens between \u0002 and \u0003. */
export interface HighlightedPassage {
  id: number;
  title: string;
  body: string;
}

/** An article's attribution as stored. Empty fields are unknown, never guessed. */
export interface StoredAttribution {
  id: number;
  title: string;
  source: string | null;
  author: string | null;
  /** A partial date (src/text/partial-date.ts). */
  published: string | null;
  url: string | null;
  /** The archive file the article was read from. */
  file: string;
}

/** A stored quotation (see db/migrations/002-quotations.sql): a quotation as written, and its passage. */
export interface StoredQuotation extends QuotationRecord {
  passageId: number;
}

export interface IndexStats {
  articles: number;
  passages: number;
  outlets: number;
  /** ISO timestamp of the last completed re-index, if any. */
  lastReindexAt: string | null;
  /** Number of the last completed re-index run; 0 before the first. */
  reindexRun: number;
}

/** An outlet named in the archive, with how many articles it has. */
export interface OutletCount {
  source: string;
  articles: number;
}

/** An article found by its URL, with its lead passage (for a link preview). */
export interface LinkedArticle extends StoredAttribution {
  lead: string;
}

/** A passage of an article, for reading the article whole. */
export interface ArticlePassage {
  id: number;
  articleId: number;
  /** Its order in the article, from 0. */
  position: number;
  body: string;
}
