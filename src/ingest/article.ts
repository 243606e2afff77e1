/**
 * What a loader makes of one article, before segmentation and storage.
 *
 * Loaders (src/ingest/load-*.ts) turn a file's bytes into `ArticleDraft`s: cleaned text and the
 * attribution the file or its text gives. Nothing is invented: a field the source does not give
 * is left undefined.
 */
export interface ArticleDraft {
  /** Which article of a multi-article file: '' for one-article files, else the `id` or `line N`. */
  item: string;
  title: string;
  /** Cleaned body text: paragraphs separated by a blank line, no site chrome, captions once. */
  body: string;
  source?: string;
  author?: string;
  /** 'YYYY-MM-DD', 'YYYY-MM', 'YYYY', or '--MM-DD' when the text gives a day but no year. */
  published?: string;
  url?: string;
}

/** A problem with one item of a multi-article file; the file's other items are still indexed. */
export interface ItemProblem {
  /** e.g. 'line 3' or 'item 2'. */
  where: string;
  reason: string;
}

export interface LoadedFile {
  articles: ArticleDraft[];
  problems: ItemProblem[];
}
