-- Schema 6: the vocabulary counts documents, not articles (issue 12: re-index speed).
--
-- The vocabulary table (typo correction: each surface word and how many texts use it) was counted
-- per article, from article_words (schema 5): every article's whole text, syndicated copies
-- included — two passages in five of a newsroom archive that keeps the wire. It now counts the
-- documents, the distinct texts passages_fts indexes (a headline with its lead passage, or a
-- passage alone), from document_words: one row per document, written and deleted where the
-- document is added to or removed from passages_fts. So a word is in the vocabulary exactly when
-- searching it can find something, and a wire story carried by forty outlets counts once — a
-- misspelling in it no longer looks common. The writer tokenises a third less text per run.
--
-- Upgrading: document_words starts empty, so the preparation version was raised with this
-- migration (src/ingest/preparation-rules.ts): the next `npm run reindex` rebuilds every
-- article. The vocabulary table serves typo correction as it is until then.
DROP TABLE IF EXISTS article_words;
ALTER TABLE vocabulary RENAME COLUMN articles TO documents;
CREATE VIRTUAL TABLE document_words USING fts5(
  words,
  content = '', contentless_delete = 1, detail = none,
  tokenize = "unicode61 remove_diacritics 0 categories 'L* M* N*'"
);
