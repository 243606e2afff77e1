-- Who said what: the direct quotations of each passage and their speakers, found at re-index time
-- (src/ingest/quotes). Offsets are UTF-16 positions of the quoted words (without their marks) in
-- passages.body, end exclusive. speaker is the name as the article gives it at its fullest
-- ("Barack Obama", "the Kremlin press service"), or NULL when the article does not say who;
-- speaker_key folds the forms of one speaker into one (src/text/speaker-name.ts: "putin",
-- "white house") for `who:` searches.
CREATE TABLE quotations (
  id INTEGER PRIMARY KEY,
  passage_id INTEGER NOT NULL REFERENCES passages(id),
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  speaker TEXT,
  speaker_key TEXT,
  speaker_as_written TEXT,
  cue TEXT,
  partial INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX quotations_passage ON quotations (passage_id);
CREATE INDEX quotations_speaker ON quotations (speaker_key, passage_id) WHERE speaker_key IS NOT NULL;
