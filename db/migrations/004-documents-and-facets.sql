-- Schema 4: speed where reporters really search (issue 12).
--
-- 1. The full-text index holds each distinct passage text once. A "document" is a headline-and-
--    passage text as indexed; every passage is a copy of one document, so a wire story carried
--    by 40 outlets is one row of passages_fts with 40 copies, and ranking never meets the copies.
--    passages_fts reads its text from one copy (documents.passage_id; any copy will do, they are
--    the same text) through the document_texts view. Quotations stay tied to passages (copies):
--    a copy's speakers are resolved within its own article.
-- 2. Facets: each copy carries the facets the filters test — its outlet (source and URL host,
--    numbered in outlets) and the first day its publication date covers (YYYYMMDD; NULL when the
--    year is unknown, so no date filter passes it); its quotations (`who:`) and its article's
--    re-index run (saved searches) are tested beside them. A filtered search asks FTS5 for the
--    words and keeps a document only when one of its copies passes, tested before bm25 is
--    computed (src/index/facet-statements.ts), so filtering never grows the ranking.
-- 3. Champion lists: for each very common word, the documents it scores highest in, with what
--    bm25 needs to score them again (weighted frequency, length) and a bound no other document
--    reaches, so a search for that word is answered without ranking most of the archive
--    (src/index/champions.ts). Kept in step with the index by every re-index.
--
-- Upgrading: schemas 1–3 stored one index row per passage. The passages, their quotations, the
-- full-text index and the vocabulary are dropped here; articles and files stay, marked as
-- prepared by an older Readout, so the next `npm run reindex` reads every file again and rebuilds
-- them (no --full needed), keeping each unchanged article's re-index run (saved searches do not
-- see the whole archive as new). Until then searches answer that the index needs that re-index
-- (meta rebuild_required).

INSERT INTO meta (key, value)
  SELECT 'rebuild_required', 'the index was built by an older Readout; run `npm run reindex` to rebuild it'
  WHERE EXISTS (SELECT 1 FROM articles);
DELETE FROM meta WHERE key IN ('articles', 'passages', 'outlets', 'prepared_with');

DELETE FROM quotations;
DROP TABLE passages_fts;
DROP VIEW passage_documents;
DROP TABLE passages;
DELETE FROM vocabulary;

CREATE TABLE outlets (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,             -- the article's outlet as stored ('' when unknown)
  host TEXT NOT NULL,               -- lowercased host of its URL ('' when none)
  UNIQUE (source, host)
) STRICT;

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,           -- never reused (meta document_high_water): champion lists name documents by id
  fingerprint TEXT NOT NULL,        -- of its words: documents with the same one are one passage syndicated
  passage_id INTEGER,               -- the copy whose text passages_fts reads
  copies INTEGER NOT NULL
) STRICT;

CREATE INDEX documents_fingerprint ON documents (fingerprint);

CREATE TABLE passages (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  position INTEGER NOT NULL,        -- order of the passage within its article, from 0
  body TEXT NOT NULL,
  document_id INTEGER NOT NULL,     -- the distinct text it is a copy of
  outlet INTEGER NOT NULL,          -- facet: the article's outlet
  day INTEGER                       -- facet: first day of its publication date, YYYYMMDD
) STRICT;

CREATE INDEX passages_article ON passages (article_id, position);
-- The filters' probe (does a copy of this document pass?) and the choice of the copy to show:
-- covering, no table row is read.
CREATE INDEX passages_document ON passages (document_id, outlet, day, article_id);

CREATE VIEW document_texts AS
  SELECT documents.id AS id,
         CASE WHEN passages.position = articles.lead_position THEN articles.title ELSE '' END AS title,
         passages.body AS body
  FROM documents
  JOIN passages ON passages.id = documents.passage_id
  JOIN articles ON articles.id = passages.article_id;

CREATE VIRTUAL TABLE passages_fts USING fts5(
  title, body,
  content = 'document_texts', content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- ORDER BY rank uses this: a headline match weighs twice a body match.
INSERT INTO passages_fts (passages_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0)');

CREATE TABLE champions (
  word TEXT PRIMARY KEY,            -- a surface word as searched (lowercase)
  documents INTEGER NOT NULL,       -- documents it matches (its IDF)
  bound REAL NOT NULL,              -- no document outside the list scores higher for it (bm25 without IDF)
  avgdl REAL NOT NULL,              -- the index's average length the list was ordered for
  entries BLOB NOT NULL             -- (document id, weighted frequency, length) as int32 triples, best first
) STRICT, WITHOUT ROWID;
