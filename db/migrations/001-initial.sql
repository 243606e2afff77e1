-- Readout's index: articles (with attribution) split into passages, and a full-text index over them.
--
-- passages_fts is an external-content FTS5 table whose content is the passage_documents view, so
-- highlight() can mark exactly the tokens FTS5 matched. The headline is indexed with the article's
-- lead passage only (its first passage that is not a photo caption: headline + lede), weighted
-- above body text by the rank function:
-- it lifts the article without letting every later passage match on headline words it does not
-- contain itself (a quote should hold the words searched for). External content does not
-- maintain itself: the ingest code issues the FTS5 'delete' command with the old values before it
-- removes passages, and inserts rows after it adds them.

CREATE TABLE files (
  path TEXT PRIMARY KEY,            -- absolute path of the article file
  content_hash TEXT NOT NULL,       -- sha256 of the bytes; unchanged hash = nothing to do
  size INTEGER NOT NULL,
  mtime_ms INTEGER NOT NULL,        -- with size, lets an unchanged file be skipped without reading it
  indexed_at TEXT NOT NULL
) STRICT;

CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  file_path TEXT NOT NULL REFERENCES files(path),
  item TEXT NOT NULL DEFAULT '',    -- which article of a multi-article file ('' for a one-article file)
  content_hash TEXT NOT NULL,       -- of the article as loaded: a changed export rewrites only changed articles
  lead_position INTEGER NOT NULL DEFAULT 0, -- the passage indexed with the headline (the first that is not a caption)
  title TEXT NOT NULL,
  source TEXT,                      -- the outlet, when the file or its text names it
  author TEXT,
  published TEXT,                   -- 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or '--MM-DD' (day known, year not)
  url TEXT,
  UNIQUE (file_path, item)
) STRICT;

CREATE INDEX articles_source ON articles (source COLLATE NOCASE);

CREATE TABLE passages (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  position INTEGER NOT NULL,        -- order of the passage within its article, from 0
  body TEXT NOT NULL,
  fingerprint TEXT NOT NULL         -- hash of the normalised text: the same passage syndicated elsewhere
) STRICT;

CREATE INDEX passages_article ON passages (article_id, position);
CREATE INDEX passages_fingerprint ON passages (fingerprint);

CREATE VIEW passage_documents AS
  SELECT passages.id AS id,
         CASE WHEN passages.position = articles.lead_position THEN articles.title ELSE '' END AS title,
         passages.body AS body
  FROM passages JOIN articles ON articles.id = passages.article_id;

CREATE VIRTUAL TABLE passages_fts USING fts5(
  title, body,
  content = 'passage_documents', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- ORDER BY rank uses this: a headline match weighs twice a body match.
INSERT INTO passages_fts (passages_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0)');

-- Surface words of the archive (lowercased, as written) with the number of articles that use
-- them: the vocabulary that typo correction searches, preferring common words. fts5vocab would
-- give porter stems, and a stem fed back into MATCH can miss, so ingest keeps the words themselves.
CREATE TABLE vocabulary (
  word TEXT PRIMARY KEY,
  articles INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
