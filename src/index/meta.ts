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
  /** Number of the last completed re-index run (1, 2, …); articles carry the run that wrote them. */
  reindexRun: 'reindex_run',
} as const;

export type MetaKey = (typeof metaKeys)[keyof typeof metaKeys];
