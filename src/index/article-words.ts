/**
 * The words of every article, counted by SQLite for the vocabulary table that typo correction
 * searches (db/migrations/005-article-words.sql): the writer gives each article's headline and
 * passages as it writes them and names each article it removes; at the end of the run the
 * vocabulary table is brought in line.
 *
 * After a run that filled an empty index every word is counted from article_words (one pass over
 * FTS5's counts). Otherwise the counts are changed by the run's articles alone: the texts it
 * wrote and those it removed are split into two scratch indexes of the same tokenizer, and each
 * word's count moves by the articles it gained less those it lost. That is exact because the
 * vocabulary held article_words' counts before the run, and an article removed is split from
 * the very texts it was added with (the index's own copy). Recounting the touched words from
 * article_words instead read every common word's whole list of articles: 0.2–0.7 s of a run
 * that changes one file of a million passages.
 */
import { isVocabularyWord } from '../text/words.js';
import type { Db } from './database.js';

/** As in the migration: words as text/words.ts splits them (letters, marks, digits), accents kept. */
const wordsTokenizer = `tokenize = "unicode61 remove_diacritics 0 categories 'L* M* N*'"`;

export class ArticleWords {
  private readonly statements;
  /** Whether the run only changes some articles (so the counts move by its changes). */
  private someArticles: boolean;

  /** `someArticles`: false when the run fills an empty index. */
  constructor(db: Db, someArticles: boolean) {
    this.someArticles = someArticles;
    const scratch = (name: string) => `
      DROP TABLE IF EXISTS temp.${name}_vocabulary;
      DROP TABLE IF EXISTS temp.${name}_words;
      CREATE VIRTUAL TABLE temp.${name}_words USING fts5(words, content = '', detail = none, ${wordsTokenizer});
      CREATE VIRTUAL TABLE temp.${name}_vocabulary USING fts5vocab(temp, ${name}_words, row);`;
    db.exec(`
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_vocabulary USING fts5vocab(main, article_words, row);
      ${scratch('added')}
      ${scratch('removed')}
    `);
    db.function('readout_vocabulary_word', { deterministic: true }, (word) =>
      typeof word === 'string' && isVocabularyWord(word) ? 1 : 0,
    );
    this.statements = {
      add: db.prepare('INSERT INTO article_words (rowid, words) VALUES (?, ?)'),
      remove: db.prepare('DELETE FROM article_words WHERE rowid = ?'),
      clear: db.prepare("INSERT INTO article_words (article_words) VALUES ('delete-all')"),
      noteAdded: db.prepare('INSERT INTO temp.added_words (words) VALUES (?)'),
      noteRemoved: db.prepare('INSERT INTO temp.removed_words (words) VALUES (?)'),
      forgetAdded: db.prepare("INSERT INTO temp.added_words (added_words) VALUES ('delete-all')"),
      forgetRemoved: db.prepare("INSERT INTO temp.removed_words (removed_words) VALUES ('delete-all')"),
      clearVocabulary: db.prepare('DELETE FROM vocabulary'),
      fillVocabulary: db.prepare(
        `INSERT INTO vocabulary (word, articles)
         SELECT term, doc FROM temp.article_vocabulary WHERE readout_vocabulary_word(term)`,
      ),
      // Each word's articles gained less those lost (WHERE true: SQLite's rule for an upsert
      // from a SELECT).
      moveCounts: db.prepare(
        `INSERT INTO vocabulary (word, articles)
         SELECT term, sum(change) FROM (
           SELECT term, doc AS change FROM temp.added_vocabulary
           UNION ALL SELECT term, -doc FROM temp.removed_vocabulary
         ) WHERE true GROUP BY term HAVING sum(change) != 0 AND readout_vocabulary_word(term)
         ON CONFLICT (word) DO UPDATE SET articles = articles + excluded.articles`,
      ),
      dropUnused: db.prepare(
        'DELETE FROM vocabulary WHERE articles <= 0 AND word IN (SELECT term FROM temp.removed_vocabulary)',
      ),
    };
  }

  /** Counts an article's words: its headline and passages. */
  add(articleId: number, texts: string[]): void {
    // Lowercased here as text/words.ts does, so that FTS5's own folding changes only the dozen
    // characters it folds otherwise (see the migration).
    const words = texts.join('\n').toLowerCase();
    this.statements.add.run(articleId, words);
    if (this.someArticles) this.statements.noteAdded.run(words);
  }

  /** Stops counting an article's words; `texts` are its headline and passages, as added. */
  remove(articleId: number, texts: string[]): void {
    this.statements.remove.run(articleId);
    if (this.someArticles) this.statements.noteRemoved.run(texts.join('\n').toLowerCase());
  }

  /** Forgets every article (the index is emptied: the run fills it anew). */
  clear(): void {
    this.statements.clear.run();
    this.forgetChanges();
    this.someArticles = false;
  }

  /** Brings the vocabulary table in line with the counts: every word, or by the run's changes. */
  refreshVocabulary(): void {
    if (this.someArticles) {
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
