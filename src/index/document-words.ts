/**
 * The vocabulary table that typo correction searches: each surface word of the index and the
 * number of documents (distinct texts, as passages_fts indexes them) that have it, counted by
 * SQLite (db/migrations/006-document-words.sql). The store gives each document's text where it
 * adds the document to passages_fts or removes it; at the end of the run the vocabulary table is
 * brought in line. Syndicated copies of a text are one document: counted once.
 *
 * After a run that filled an empty index every word is counted from document_words (one pass over
 * FTS5's counts). Otherwise the counts are changed by the run's documents alone: the texts it
 * added and those it removed are split into two scratch indexes of the same tokenizer, and each
 * word's count moves by the documents it gained less those it lost. That is exact because the
 * vocabulary held document_words' counts before the run, and a document removed is split from
 * the very text it was added with (the index's own copy). Recounting the touched words from
 * document_words instead read every common word's whole list of documents: 0.2–0.7 s of a run
 * that changes one file of a million passages.
 */
import { isVocabularyWord } from '../text/words.js';
import type { Db } from './database.js';

/** As in the migration: words as text/words.ts splits them (letters, marks, digits), accents kept. */
const wordsTokenizer = `tokenize = "unicode61 remove_diacritics 0 categories 'L* M* N*'"`;

export class DocumentWords {
  private readonly statements;
  /** Whether the run only changes some documents (so the counts move by its changes). */
  private someDocuments: boolean;

  /** `someDocuments`: false when the run fills an empty index. */
  constructor(db: Db, someDocuments: boolean) {
    this.someDocuments = someDocuments;
    const scratch = (name: string) => `
      DROP TABLE IF EXISTS temp.${name}_vocabulary;
      DROP TABLE IF EXISTS temp.${name}_words;
      CREATE VIRTUAL TABLE temp.${name}_words USING fts5(words, content = '', detail = none, ${wordsTokenizer});
      CREATE VIRTUAL TABLE temp.${name}_vocabulary USING fts5vocab(temp, ${name}_words, row);`;
    db.exec(`
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.document_vocabulary USING fts5vocab(main, document_words, row);
      ${scratch('added')}
      ${scratch('removed')}
    `);
    db.function('readout_vocabulary_word', { deterministic: true }, (word) =>
      typeof word === 'string' && isVocabularyWord(word) ? 1 : 0,
    );
    this.statements = {
      add: db.prepare('INSERT INTO document_words (rowid, words) VALUES (?, ?)'),
      remove: db.prepare('DELETE FROM document_words WHERE rowid = ?'),
      clear: db.prepare("INSERT INTO document_words (document_words) VALUES ('delete-all')"),
      noteAdded: db.prepare('INSERT INTO temp.added_words (words) VALUES (?)'),
      noteRemoved: db.prepare('INSERT INTO temp.removed_words (words) VALUES (?)'),
      forgetAdded: db.prepare("INSERT INTO temp.added_words (added_words) VALUES ('delete-all')"),
      forgetRemoved: db.prepare("INSERT INTO temp.removed_words (removed_words) VALUES ('delete-all')"),
      clearVocabulary: db.prepare('DELETE FROM vocabulary'),
      fillVocabulary: db.prepare(
        `INSERT INTO vocabulary (word, documents)
         SELECT term, doc FROM temp.document_vocabulary WHERE readout_vocabulary_word(term)`,
      ),
      // Each word's documents gained less those lost (WHERE true: SQLite's rule for an upsert
      // from a SELECT).
      moveCounts: db.prepare(
        `INSERT INTO vocabulary (word, documents)
         SELECT term, sum(change) FROM (
           SELECT term, doc AS change FROM temp.added_vocabulary
           UNION ALL SELECT term, -doc FROM temp.removed_vocabulary
         ) WHERE true GROUP BY term HAVING sum(change) != 0 AND readout_vocabulary_word(term)
         ON CONFLICT (word) DO UPDATE SET documents = documents + excluded.documents`,
      ),
      dropUnused: db.prepare(
        'DELETE FROM vocabulary WHERE documents <= 0 AND word IN (SELECT term FROM temp.removed_vocabulary)',
      ),
    };
  }

  /** Counts a document's words: its text as indexed (the headline with a lead passage, and the body). */
  add(documentId: number, title: string, body: string): void {
    const words = wordsOf(title, body);
    this.statements.add.run(documentId, words);
    if (this.someDocuments) this.statements.noteAdded.run(words);
  }

  /** Stops counting a document's words; `title` and `body` as added. */
  remove(documentId: number, title: string, body: string): void {
    this.statements.remove.run(documentId);
    if (this.someDocuments) this.statements.noteRemoved.run(wordsOf(title, body));
  }

  /** Forgets every document (the index is emptied: the run fills it anew). */
  clear(): void {
    this.statements.clear.run();
    this.forgetChanges();
    this.someDocuments = false;
  }

  /** Brings the vocabulary table in line with the counts: every word, or by the run's changes. */
  refreshVocabulary(): void {
    if (this.someDocuments) {
      this.statements.moveCounts.run();
      this.statements.dropUnused.run();
      this.forgetChanges();
    } else {
      this.statements.clearVocabulary.run();
      this.statements.fillVocabulary.run();
    }
  }

  private forgetChanges(): void {
    this.statements.forgetAdded.run();
    this.statements.forgetRemoved.run();
  }
}

/**
 * A document's text as counted: lowercased here as text/words.ts does, so that FTS5's own case
 * folding changes only the dozen characters it folds otherwise (see migration 005).
 */
function wordsOf(title: string, body: string): string {
  return (title === '' ? body : `${title}\n${body}`).toLowerCase();
}
