/**
 * Writing articles into the index. Every statement is prepared once; the caller (reindex.ts)
 * wraps a whole run in one transaction, so readers see the old index or the new one.
 *
 * passages_fts is external-content: rows are added with the same title/body that the
 * passage_documents view returns, and removed with the FTS5 'delete' command carrying those same
 * old values (FTS5 needs them to find the tokens to remove) before the content rows go.
 * Vocabulary counts change by the thousand per run, so they are summed in memory and written
 * once at the end (`flushVocabulary`).
 */

import { type FileVersion, type PreparedArticle, VocabularyTally } from '../ingest/prepare-file.js';
import { isVocabularyWord, surfaceWords } from '../text/words.js';
import type { Db } from './database.js';

export interface StoredFile {
  path: string;
  content_hash: string;
  size: number;
  mtime_ms: number;
}

/** Passages added and removed by a change. */
export interface StoreChange {
  written: number;
  removed: number;
}

export class IndexStore {
  /** Change in the number of articles using each word, summed over the run. */
  readonly vocabulary = new VocabularyTally();
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      file: db.prepare<[string], StoredFile>(
        'SELECT path, content_hash, size, mtime_ms FROM files WHERE path = ?',
      ),
      anyArticle: db.prepare('SELECT 1 FROM articles LIMIT 1'),
      allFiles: db.prepare<[], StoredFile>('SELECT path, content_hash, size, mtime_ms FROM files'),
      upsertFile: db.prepare(
        `INSERT INTO files (path, content_hash, size, mtime_ms, indexed_at)
         VALUES (@path, @contentHash, @size, @mtimeMs, @indexedAt)
         ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash, size = excluded.size,
           mtime_ms = excluded.mtime_ms, indexed_at = excluded.indexed_at`,
      ),
      touchFile: db.prepare('UPDATE files SET size = @size, mtime_ms = @mtimeMs WHERE path = @path'),
      insertArticle: db.prepare(
        `INSERT INTO articles (file_path, item, content_hash, lead_position, title, source, author, published, url)
         VALUES (@filePath, @item, @contentHash, @lead, @title, @source, @author, @published, @url)`,
      ),
      insertPassage: db.prepare(
        'INSERT INTO passages (article_id, position, body, fingerprint) VALUES (?, ?, ?, ?)',
      ),
      insertFts: db.prepare('INSERT INTO passages_fts (rowid, title, body) VALUES (?, ?, ?)'),
      articlesOfFile: db.prepare<[string], { id: number; item: string; content_hash: string }>(
        'SELECT id, item, content_hash FROM articles WHERE file_path = ?',
      ),
      passagesOfArticle: db.prepare<[number], { id: number; title: string; body: string }>(
        `SELECT id, title, body FROM passage_documents
         WHERE id IN (SELECT id FROM passages WHERE article_id = ?)`,
      ),
      deleteFts: db.prepare(
        `INSERT INTO passages_fts (passages_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)`,
      ),
      deletePassagesOfArticle: db.prepare('DELETE FROM passages WHERE article_id = ?'),
      deleteArticle: db.prepare('DELETE FROM articles WHERE id = ?'),
      deleteFile: db.prepare('DELETE FROM files WHERE path = ?'),
      addVocabulary: db.prepare(
        `INSERT INTO vocabulary (word, articles) VALUES (?, ?)
         ON CONFLICT (word) DO UPDATE SET articles = articles + excluded.articles`,
      ),
      pruneVocabulary: db.prepare('DELETE FROM vocabulary WHERE articles <= 0'),
      setMeta: db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
    };
  }

  file(path: string): StoredFile | undefined {
    return this.statements.file.get(path);
  }

  /** Whether the index holds no articles (a first or full run). */
  isEmpty(): boolean {
    return this.statements.anyArticle.get() === undefined;
  }

  allFiles(): StoredFile[] {
    return this.statements.allFiles.all();
  }

  /** Records that a file is unchanged but its size or mtime moved (e.g. touched, or copied back). */
  touchFile(version: FileVersion): void {
    this.statements.touchFile.run({ path: version.path, size: version.size, mtimeMs: version.mtimeMs });
  }

  /** Removes a file's articles and passages from the index. Returns the number of passages removed. */
  removeFile(path: string): number {
    let removed = 0;
    for (const article of this.statements.articlesOfFile.all(path)) removed += this.removeArticle(article.id);
    this.statements.deleteFile.run(path);
    return removed;
  }

  /**
   * Brings a file's articles in line with `articles`: unchanged ones (same item, same content)
   * stay as they are, changed and new ones are (re)written, and articles no longer in the file
   * are removed. A one-line edit in a 1,000-article export rewrites one article.
   */
  syncFile(version: FileVersion, articles: PreparedArticle[], indexedAt: string): StoreChange {
    const change: StoreChange = { written: 0, removed: 0 };
    const existing = new Map(this.statements.articlesOfFile.all(version.path).map((row) => [row.item, row]));
    this.statements.upsertFile.run({ ...version, indexedAt });
    for (const article of articles) {
      const stored = existing.get(article.draft.item);
      existing.delete(article.draft.item);
      if (stored?.content_hash === article.contentHash) continue;
      if (stored) change.removed += this.removeArticle(stored.id);
      change.written += this.addArticle(version.path, article);
    }
    for (const gone of existing.values()) change.removed += this.removeArticle(gone.id);
    return change;
  }

  private removeArticle(articleId: number): number {
    const passages = this.statements.passagesOfArticle.all(articleId);
    const words = new Set<string>();
    for (const passage of passages) {
      this.statements.deleteFts.run(passage.id, passage.title, passage.body);
      for (const word of surfaceWords(passage.title)) words.add(word);
      for (const word of surfaceWords(passage.body)) words.add(word);
    }
    this.vocabulary.add([...words].filter(isVocabularyWord), -1);
    this.statements.deletePassagesOfArticle.run(articleId);
    this.statements.deleteArticle.run(articleId);
    return passages.length;
  }

  /** Writes an article and its passages. Its words are counted here unless the preparer did. */
  private addArticle(filePath: string, article: PreparedArticle): number {
    const { draft } = article;
    const articleId = Number(
      this.statements.insertArticle.run({
        filePath,
        item: draft.item,
        contentHash: article.contentHash,
        lead: article.lead,
        title: draft.title,
        source: draft.source ?? null,
        author: draft.author ?? null,
        published: draft.published ?? null,
        url: draft.url ?? null,
      }).lastInsertRowid,
    );
    article.passages.forEach(({ body, fingerprint }, position) => {
      const passageId = this.statements.insertPassage.run(
        articleId,
        position,
        body,
        fingerprint,
      ).lastInsertRowid;
      // The headline is indexed with the lead passage only; see db/migrations/001-initial.sql.
      this.statements.insertFts.run(passageId, position === article.lead ? draft.title : '', body);
    });
    if (article.words) this.vocabulary.add(article.words, 1);
    return article.passages.length;
  }

  /** Empties the whole index (for --full), in the caller's transaction. */
  clear(): void {
    this.db.exec(`
      INSERT INTO passages_fts (passages_fts) VALUES ('delete-all');
      DELETE FROM passages; DELETE FROM articles; DELETE FROM files; DELETE FROM vocabulary;
    `);
    this.vocabulary.clear();
  }

  /** Writes the summed vocabulary changes of this run (with `counted`, words a preparer counted). */
  flushVocabulary(counted: Iterable<[string, number]> = []): void {
    this.vocabulary.merge(counted);
    for (const [word, delta] of this.vocabulary.entries()) this.statements.addVocabulary.run(word, delta);
    this.statements.pruneVocabulary.run();
    this.vocabulary.clear();
  }

  setMeta(key: string, value: string): void {
    this.statements.setMeta.run(key, value);
  }

  /** Merges FTS5 index segments into one: faster queries after a large load. */
  optimize(): void {
    this.db.exec(`INSERT INTO passages_fts (passages_fts) VALUES ('optimize')`);
  }
}
