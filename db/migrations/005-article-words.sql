-- Schema 5: the vocabulary counted by SQLite (issue 12: re-index speed).
--
-- The vocabulary table (typo correction: each surface word and the number of articles using it)
-- was counted in JavaScript, one Map look-up per word of the archive: a fifth of a re-index's
-- time. Now each article's headline and passages, lowercased, are one row of article_words, a
-- full-text index that keeps no text and no positions (contentless, detail=none: per word, only
-- which articles have it) and splits words as text/words.ts does (letters, marks and digits,
-- accents kept). Its fts5vocab view gives each word's number of articles, from which the writer
-- refreshes the vocabulary table: all of it after a large run, else the words of the articles
-- the run changed. An article's row is deleted by its id (contentless_delete) when the article
-- goes. SQLite's case folding differs from JavaScript's in a dozen characters (Greek final sigma
-- is stored as σ, the micro sign as μ): the vocabulary holds words as FTS5 folds them, which is
-- also how every query is matched.
--
-- Upgrading: the index's articles have no rows here yet, so the preparation version was raised
-- with this migration (src/ingest/preparation-rules.ts): the next `npm run reindex` rebuilds
-- every article. The vocabulary table serves typo correction as it is until then.
CREATE VIRTUAL TABLE article_words USING fts5(
  words,
  content = '', contentless_delete = 1, detail = none,
  tokenize = "unicode61 remove_diacritics 0 categories 'L* M* N*'"
);
