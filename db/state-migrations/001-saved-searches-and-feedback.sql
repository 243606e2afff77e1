-- The bot's own state, in its own SQLite file (READOUT_STATE_DB), apart from the index: the index
-- stays read-only for the bot, and a re-index never waits on a write here.

-- A search saved in a channel (/readout watch QUERY): after each re-index, what it finds among the
-- new and changed articles is posted there.
CREATE TABLE saved_searches (
  id INTEGER PRIMARY KEY,
  channel_id TEXT NOT NULL,         -- where alerts are posted (the saver's ID for a direct message)
  query TEXT NOT NULL,              -- as typed, run through readout() like any query
  created_by TEXT NOT NULL,         -- user ID of the person who saved it
  created_at TEXT NOT NULL,
  checked_run INTEGER NOT NULL,     -- the index's reindex_run up to which articles have been checked
  told_not_in_channel INTEGER NOT NULL DEFAULT 0, -- the saver was told the bot cannot post there
  disabled_at TEXT,                 -- set when the channel was archived or deleted
  disabled_reason TEXT
) STRICT;

CREATE INDEX saved_searches_channel ON saved_searches (channel_id, id) WHERE disabled_at IS NULL;

-- Articles already posted for a saved search, so that none is posted to it twice. An article is
-- known by its link, or by its archive file and headline when it has none (article IDs change
-- when an article is rewritten).
CREATE TABLE announced (
  saved_search_id INTEGER NOT NULL REFERENCES saved_searches (id) ON DELETE CASCADE,
  article_key TEXT NOT NULL,
  announced_at TEXT NOT NULL,
  PRIMARY KEY (saved_search_id, article_key)
) STRICT, WITHOUT ROWID;

-- 👍 / 👎 on answers: one vote per person per query (voting again changes it).
CREATE TABLE feedback (
  user_id TEXT NOT NULL,
  query TEXT NOT NULL,
  vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
  voted_at TEXT NOT NULL,
  PRIMARY KEY (user_id, query)
) STRICT, WITHOUT ROWID;
