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

export interface PassageRecord {
  /** NFC text, as stored and indexed. */
  body: string;
  /** Hash of the passage's words: the same passage in several articles (syndicated copies). */
  fingerprint: string;
}

export interface ArticleRecord {
  draft: ArticleFields;
  /** Hash of the article as loaded: an unchanged hash means nothing to rewrite. */
  contentHash: string;
  passages: PassageRecord[];
  /** The passage indexed with the headline: the first that is not a photo caption. */
  lead: number;
  /** Distinct vocabulary words of headline and passages; left out when already counted. */
  words?: string[];
}
