/**
 * What the index stores, as the writer accepts it: the shapes ingest produces. Defined here, in the
 * index layer, so that the writer depends on nothing above it.
 */

/** A file as read now: what decides whether anything changed. */
export interface FileVersion {
  path: string;
  contentHash: string;
  size: number;
  mtimeMs: number;
}

/** An article's identity within its file and its attribution. Empty fields are unknown. */
export interface ArticleFields {
  /** Which article of a multi-article file: '' for one-article files, else the `id` or `line N`. */
  item: string;
  title: string;
  source?: string;
  author?: string;
  /** A partial date (src/text/partial-date.ts). */
  published?: string;
  url?: string;
}

/** A direct quotation in a passage and who said it (src/ingest/quotes). */
export interface QuotationRecord {
  /** UTF-16 offsets of the quoted words in the passage's body, end exclusive. */
  start: number;
  end: number;
  /** The speaker at their fullest ("Barack Obama"), a description as written, or null: unknown. */
  speaker: string | null;
  /** One key for all the forms of a speaker (src/text/speaker-name.ts), null when unknown. */
  speakerKey: string | null;
  /** The words naming the speaker in the text ("he", "the Russian leader"). */
  speakerAsWritten: string | null;
  /** The speech cue ("said", "according to"). */
  cue: string | null;
  /** A few quoted words inside a sentence rather than whole quoted sentences. */
  partial: boolean;
}

export interface PassageRecord {
  /** NFC text, as stored and indexed. */
  body: string;
  /** Hash of the passage's words: the same passage in several articles (syndicated copies). */
  fingerprint: string;
  /** Its direct quotations, in order. */
  quotations?: QuotationRecord[];
}

export interface ArticleRecord {
  draft: ArticleFields;
  /** Hash of the article as loaded: an unchanged hash means nothing to rewrite. */
  contentHash: string;
  passages: PassageRecord[];
  /** The passage indexed with the headline: the first that is not a photo caption. */
  lead: number;
}
