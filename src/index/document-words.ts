/**
 * The vocabulary table that typo correction searches: each surface word of the index and the
 * number of documents (distinct texts, as passages_fts indexes them) that have it. The store gives
 * each document's text where it adds the document to passages_fts or removes it; the words of the
 * texts a run added and of those it removed are counted apart (word-counter.ts), and at the end of
 * the run each word's count moves by the documents it gained less those it lost, in one statement.
 * That is exact because the vocabulary held the index's counts before the run, and a document
 * removed is counted from the very text it was added with (the index's own copy). A run that
 * fills an empty index starts from an empty vocabulary: every count is its documents'.
 *
 * Syndicated copies of a text are one document: counted once. (Schema 6 kept every document's
 * words in the index file, in a table read only by a run that filled the index; schema 7 dropped
 * it: see db/migrations/007-no-document-words.sql.)
 */
import type { Db } from './database.js';
import { WordCounting } from './word-counter.js';

/**
 * New documents from which a run counts their words in a worker thread (word-counter.ts): about
 * 0.05 s of tokenising on the writer's thread, against a thread's start.
 */
export const countingThreadFrom = 2000;

export class DocumentWords {
  private readonly statements;
  private added: WordCounting;
  private removed: WordCounting;
  /** Whether the run fills an empty index (the vocabulary starts empty). */
  private filling: boolean;

  /** `someDocuments`: false when the run fills an empty index. */
  constructor(
    db: Db,
    someDocuments: boolean,
    private readonly threadFrom = countingThreadFrom,
  ) {
    this.filling = !someDocuments;
    this.added = new WordCounting(threadFrom);
    this.removed = new WordCounting(threadFrom);
    const counts = 'SELECT value ->> 0 AS word, value ->> 1 AS documents FROM json_each(@counts)';
    this.statements = {
      clearVocabulary: db.prepare('DELETE FROM vocabulary'),
      // WHERE true: SQLite's rule for an upsert from a SELECT.
      gain: db.prepare(
        `INSERT INTO vocabulary (word, documents) SELECT word, documents FROM (${counts}) WHERE true
         ON CONFLICT (word) DO UPDATE SET documents = documents + excluded.documents`,
      ),
      lose: db.prepare(
        `UPDATE vocabulary SET documents = vocabulary.documents - lost.documents
         FROM (${counts}) AS lost WHERE vocabulary.word = lost.word`,
      ),
      dropUnused: db.prepare(
        `DELETE FROM vocabulary WHERE documents <= 0
           AND word IN (SELECT value ->> 0 FROM json_each(@counts))`,
      ),
    };
  }

  /** Counts a document's words: its text as indexed (the headline with a lead passage, and the body). */
  add(title: string, body: string): void {
    this.added.add(wordsOf(title, body));
  }

  /** Stops counting a document's words; `title` and `body` as added. */
  remove(title: string, body: string): void {
    this.removed.add(wordsOf(title, body));
  }

  /** Forgets every document (the index is emptied: the run fills it anew). */
  clear(): void {
    void this.close();
    this.added = new WordCounting(this.threadFrom);
    this.removed = new WordCounting(this.threadFrom);
    this.filling = true;
  }

  /** Brings the vocabulary table in line with the documents added and removed, at the end of the run. */
  async refreshVocabulary(): Promise<void> {
    const [gained, lost] = await Promise.all([this.added.countsJson(), this.removed.countsJson()]);
    if (this.filling) this.statements.clearVocabulary.run();
    this.statements.gain.run({ counts: gained });
    this.statements.lose.run({ counts: lost });
    this.statements.dropUnused.run({ counts: lost });
    // In line now: another refresh (nothing counted since) changes nothing.
    this.filling = false;
  }

  /** Stops counting (the run ended or failed); resolves once a counting thread, if any, has stopped. */
  async close(): Promise<void> {
    await Promise.all([this.added.close(), this.removed.close()]);
  }
}

/**
 * A document's text as counted: lowercased here as text/words.ts does, so that FTS5's own case
 * folding changes only the dozen characters it folds otherwise (see migration 005).
 */
function wordsOf(title: string, body: string): string {
  return (title === '' ? body : `${title}\n${body}`).toLowerCase();
}
