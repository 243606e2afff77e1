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
import { createHash } from 'node:crypto';
import type { Db } from '../db/database';
import { surfaceWords, vocabularyWords } from '../search/words';
import type { ArticleDraft } from './article';

export interface StoredFile {
  path: string;
  content_hash: string;
  size: number;
  mtime_ms: number;
}

export interface FileVersion {
  path: string;
  contentHash: string;
  size: number;
  mtimeMs: number;
}

/**
 * Hash of a passage's words alone (lowercased, punctuation and spacing dropped), so the same
 * paragraph syndicated with other quote marks or spacing is recognised as the same passage.
 */
export function passageFingerprint(words: readonly string[]): string {
  return createHash('sha1').update(words.join(' ')).digest('hex').slice(0, 16);
}

export class IndexStore {
  private readonly vocabularyDelta = new Map<string, number>();
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      file: db.prepare<[string], StoredFile>(
        'SELECT path, content_hash, size, mtime_ms FROM files WHERE path = ?',
      ),
      allFiles: db.prepare<[], StoredFile>('SELECT path, content_hash, size, mtime_ms FROM files'),
      upsertFile: db.prepare(
        `INSERT INTO files (path, content_hash, size, mtime_ms, indexed_at)
         VALUES (@path, @contentHash, @size, @mtimeMs, @indexedAt)
         ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash, size = excluded.size,
           mtime_ms = excluded.mtime_ms, indexed_at = excluded.indexed_at`,
      ),
      touchFile: db.prepare('UPDATE files SET size = @size, mtime_ms = @mtimeMs WHERE path = @path'),
      insertArticle: db.prepare(
        `INSERT INTO articles (file_path, item, title, source, author, published, url)
         VALUES (@filePath, @item, @title, @source, @author, @published, @url)`,
      ),
      insertPassage: db.prepare(
        'INSERT INTO passages (article_id, position, body, fingerprint) VALUES (?, ?, ?, ?)',
      ),
      insertFts: db.prepare('INSERT INTO passages_fts (rowid, title, body) VALUES (?, ?, ?)'),
      passagesOfFile: db.prepare<[string], { id: number; title: string; body: string }>(
        `SELECT passages.id, articles.title, passages.body FROM articles
         JOIN passages ON passages.article_id = articles.id WHERE articles.file_path = ?`,
      ),
      deleteFts: db.prepare(
        `INSERT INTO passages_fts (passages_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)`,
      ),
      deletePassagesOfFile: db.prepare(
        'DELETE FROM passages WHERE article_id IN (SELECT id FROM articles WHERE file_path = ?)',
      ),
      deleteArticlesOfFile: db.prepare('DELETE FROM articles WHERE file_path = ?'),
      deleteFile: db.prepare('DELETE FROM files WHERE path = ?'),
      addVocabulary: db.prepare(
        `INSERT INTO vocabulary (word, passages) VALUES (?, ?)
         ON CONFLICT (word) DO UPDATE SET passages = passages + excluded.passages`,
      ),
      pruneVocabulary: db.prepare('DELETE FROM vocabulary WHERE passages <= 0'),
      setMeta: db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
    };
  }

  file(path: string): StoredFile | undefined {
    return this.statements.file.get(path);
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
    const passages = this.statements.passagesOfFile.all(path);
    for (const passage of passages) {
      this.statements.deleteFts.run(passage.id, passage.title, passage.body);
      this.countWords([...surfaceWords(passage.title), ...surfaceWords(passage.body)], -1);
    }
    this.statements.deletePassagesOfFile.run(path);
    this.statements.deleteArticlesOfFile.run(path);
    this.statements.deleteFile.run(path);
    return passages.length;
  }

  /**
   * Adds a file's articles, each with its passages (already segmented), replacing nothing:
   * call `removeFile` first for a changed file. Returns the number of passages written.
   */
  addFile(
    version: FileVersion,
    articles: Array<{ draft: ArticleDraft; passages: string[] }>,
    indexedAt: string,
  ): number {
    this.statements.upsertFile.run({ ...version, indexedAt });
    let written = 0;
    for (const { draft, passages } of articles) {
      const title = draft.title.normalize('NFC');
      const articleId = Number(
        this.statements.insertArticle.run({
          filePath: version.path,
          item: draft.item,
          title,
          source: draft.source ?? null,
          author: draft.author ?? null,
          published: draft.published ?? null,
          url: draft.url ?? null,
        }).lastInsertRowid,
      );
      passages.forEach((text, position) => {
        const body = text.normalize('NFC');
        const words = surfaceWords(body);
        const passageId = this.statements.insertPassage.run(
          articleId,
          position,
          body,
          passageFingerprint(words),
        ).lastInsertRowid;
        // The headline is indexed with the lead passage only; see db/migrations/001-initial.sql.
        const indexedTitle = position === 0 ? title : '';
        this.statements.insertFts.run(passageId, indexedTitle, body);
        this.countWords(position === 0 ? [...surfaceWords(title), ...words] : words, 1);
        written++;
      });
    }
    return written;
  }

  /** Empties the whole index (for --full), in the caller's transaction. */
  clear(): void {
    this.db.exec(`
      INSERT INTO passages_fts (passages_fts) VALUES ('delete-all');
      DELETE FROM passages; DELETE FROM articles; DELETE FROM files; DELETE FROM vocabulary;
    `);
    this.vocabularyDelta.clear();
  }

  /** Writes the summed vocabulary changes of this run. */
  flushVocabulary(): void {
    for (const [word, delta] of this.vocabularyDelta) {
      if (delta !== 0) this.statements.addVocabulary.run(word, delta);
    }
    this.statements.pruneVocabulary.run();
    this.vocabularyDelta.clear();
  }

  setMeta(key: string, value: string): void {
    this.statements.setMeta.run(key, value);
  }

  /** Merges FTS5 index segments into one: faster queries after a large load. */
  optimize(): void {
    this.db.exec(`INSERT INTO passages_fts (passages_fts) VALUES ('optimize')`);
  }

  private countWords(words: readonly string[], delta: number): void {
    for (const word of vocabularyWords(words)) {
      this.vocabularyDelta.set(word, (this.vocabularyDelta.get(word) ?? 0) + delta);
    }
  }
}
