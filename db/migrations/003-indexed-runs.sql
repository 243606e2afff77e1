-- Which re-index run last added or changed each article, so that the bot can run saved searches
-- over the new and changed articles of a run only (and find an article by its link, for previews).
--
-- Every committed re-index is numbered in meta 'reindex_run' (1, 2, …). The writer stamps an
-- article with the run that writes it; an unchanged article keeps its stamp, even through a
-- --full rebuild (same file, item and content: same stamp). 0 marks articles written before
-- this migration, which no later run counts as new.
ALTER TABLE articles ADD COLUMN indexed_run INTEGER NOT NULL DEFAULT 0;

CREATE INDEX articles_indexed_run ON articles (indexed_run);

-- Link previews look articles up by their URL.
CREATE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;
