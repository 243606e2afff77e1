/**
 * The words of every article, counted by SQLite for the vocabulary table that typo correction
 * searches (db/migrations/005-article-words.sql): the writer gives each article's headline and
 * passages as it writes them and names each article it removes; at the end of the run the
 * vocabulary table is refreshed from FTS5's counts. Counting the archive's words in JavaScript,
 * one Map look-up per word, was a fifth of a re-index.
 *
 * After a run that filled an empty index every word is refreshed (one pass over the counts).
 * Otherwise only the words of the articles the run wrote or removed: their texts are split into
 * a scratch index of the same tokenizer, so that exactly the words SQLite counted are looked up.
 */
import { isVocabularyWord } from '../text/words.js';
import type { Db } from './database.js';

/** As in the migration: words as text/words.ts splits them (letters, marks, digits), accents kept. */
const wordsTokenizer = `tokenize = "unicode61 remove_diacritics 0 categories 'L* M* N*'"`;

export class ArticleWords {
  private readonly statements;
  /** Whether the run only changes some articles (so only their words are refreshed). */
  private someArticles: boolean;

  /** `someArticles`: false when the run fills an empty index. */
  constructor(db: Db, someArticles: boolean) {
    this.someArticles = someArticles;
    db.exec(`
      DROP TABLE IF EXISTS temp.touched_vocabulary;
      DROP TABLE IF EXISTS temp.touched_words;
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_vocabulary USING fts5vocab(main, article_words, row);
      CREATE VIRTUAL TABLE temp.touched_words USING fts5(words, content = '', detail = none, ${wordsTokenizer});
      CREATE VIRTUAL TABLE temp.touched_vocabulary USING fts5vocab(temp, touched_words, row);
    `);
    db.function('readout_vocabulary_word', { deterministic: true }, (word) =>
      typeof word === 'string' && isVocabularyWord(word) ? 1 : 0,
    );
    this.statements = {
      add: db.prepare('INSERT INTO article_words (rowid, words) VALUES (?, ?)'),
      remove: db.prepare('DELETE FROM article_words WHERE rowid = ?'),
      clear: db.prepare("INSERT INTO article_words (article_words) VALUES ('delete-all')"),
      touch: db.prepare('INSERT INTO temp.touched_words (words) VALUES (?)'),
      forgetTouched: db.prepare("INSERT INTO temp.touched_words (touched_words) VALUES ('delete-all')"),
      clearVocabulary: db.prepare('DELETE FROM vocabulary'),
      fillVocabulary: db.prepare(
        `INSERT INTO vocabulary (word, articles)
         SELECT term, doc FROM temp.article_vocabulary WHERE readout_vocabulary_word(term)`,
      ),
      dropTouched: db.prepare(
        'DELETE FROM vocabulary WHERE word IN (SELECT term FROM temp.touched_vocabulary)',
      ),
      countTouched: db.prepare(
        `INSERT INTO vocabulary (word, articles)
         SELECT term, doc FROM temp.article_vocabulary
         WHERE term IN (SELECT term FROM temp.touched_vocabulary) AND readout_vocabulary_word(term)`,
      ),
    };
  }

  /** Counts an article's words: its headline and passages. */
  add(articleId: number, texts: string[]): void {
    // Lowercased here as text/words.ts does, so that FTS5's own folding changes only the dozen
    // characters it folds otherwise (see the migration).
    const words = texts.join('\n').toLowerCase();
    this.statements.add.run(articleId, words);
    if (this.someArticles) this.statements.touch.run(words);
  }

  /** Stops counting an article's words; `texts` are its headline and passages. */
  remove(articleId: number, texts: string[]): void {
    this.statements.remove.run(articleId);
    if (this.someArticles) this.statements.touch.run(texts.join('\n').toLowerCase());
  }

  /** Forgets every article (the index is emptied: the run fills it anew). */
  clear(): void {
    this.statements.clear.run();
    this.statements.forgetTouched.run();
    this.someArticles = false;
  }

  /** Brings the vocabulary table in line with the counts: every word, or the words touched. */
  refreshVocabulary(): void {
    if (this.someArticles) {
      this.statements.dropTouched.run();
      this.statements.countTouched.run();
      this.statements.forgetTouched.run();
    } else {
      this.statements.clearVocabulary.run();
      this.statements.fillVocabulary.run();
    }
  }
}
