/**
 * Keys of the index's meta table: written by the re-index at the end of a run, read by the bot
 * (App Home, /healthz, the fallback's word-frequency test) without a count(*) per query.
 */
export const metaKeys = {
  articles: 'articles',
  passages: 'passages',
  outlets: 'outlets',
  /** ISO timestamp of the last completed re-index. */
  lastReindexAt: 'last_reindex_at',
  /**
   * The version of the preparation rules (cleaning, segmenting, quotation extraction) the index
   * was built with; a re-index by code with other rules rebuilds every article.
   */
  preparedWith: 'prepared_with',
  /** JSON array of the archive folders the last re-index indexed (absolute paths). */
  articleDirs: 'article_dirs',
  /** JSON object: folder → fingerprint of its .readout.yml defaults, as last indexed. */
  folderDefaults: 'folder_defaults',
  /** Number of the last completed re-index run (1, 2, …); articles carry the run that wrote them. */
  reindexRun: 'reindex_run',
} as const;

export type MetaKey = (typeof metaKeys)[keyof typeof metaKeys];
