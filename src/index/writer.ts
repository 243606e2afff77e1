/**
 * Writing the index: the only writer, used by the re-index. A whole run is one write transaction
 * (`IndexWriter.begin` … `commit`) on a WAL database, so readers see the old index or the new one,
 * a killed run leaves the old one intact, and the write lock doubles as the re-index lock. Every
 * statement is prepared once.
 *
 * passages_fts is external-content: rows are added with the same title/body that the
 * passage_documents view returns, and removed with the FTS5 'delete' command carrying those same
 * old values (FTS5 needs them to find the tokens to remove) before the content rows go.
 * Vocabulary counts change by the thousand per run, so they are summed in memory and written
 * once at the end (`flushVocabulary`).
 *
 * Runs are numbered (meta 'reindex_run'); every article the run writes is stamped with its number
 * (`indexed_run`), so the bot can search a run's new and changed articles only. A --full rebuild
 * keeps the stamp of an article whose file, item and content did not change.
 */
import { isVocabularyWord, surfaceWords } from '../text/words.js';
import type { Db } from './database.js';
import { metaKeys } from './meta.js';
import type { ArticleRecord, FileVersion } from './records.js';
import { errorCode, explainWriteError, reindexBusyError } from './sqlite-errors.js';
import { VocabularyTally } from './vocabulary-tally.js';

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

/** Page cache for a re-index run, in KiB. */
const reindexCacheKib = 64 * 1024;

/** Totals in the index after a run. */
export interface IndexCounts {
  articles: number;
  passages: number;
  outlets: number;
}

/** The distinct vocabulary words of an article's passages (headline included). */
function articleWords(passages: Array<{ title: string; body: string }>): string[] {
  const words = new Set<string>();
  for (const passage of passages) {
    for (const word of surfaceWords(passage.title)) words.add(word);
    for (const word of surfaceWords(passage.body)) words.add(word);
  }
  return [...words].filter(isVocabularyWord);
}

export class IndexWriter {
  /** Change in the number of articles using each word, summed over the run. */
  readonly vocabulary = new VocabularyTally();
  private readonly statements;
  private readonly deferredIndexes: string[] = [];
  /** The number of this run: one more than the last committed run. */
  readonly run: number;
  /** After `clear`: the runs of the articles as they were, by file, item and content hash. */
  private previousRuns = new Map<string, number>();

  /**
   * Starts a run: takes the write lock (BEGIN IMMEDIATE) or throws `reindex_busy` when another
   * run holds it.
   */
  static begin(db: Db): IndexWriter {
    // A large page cache keeps a big run's dirty pages in memory until COMMIT instead of spilling
    // them to the WAL as it goes (bounded: 64 MB, released when the connection closes).
    db.pragma(`cache_size = -${reindexCacheKib}`);
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      if (errorCode(error) === 'SQLITE_BUSY') throw reindexBusyError(db.name, error);
      throw error;
    }
    return new IndexWriter(db);
  }

  private constructor(private readonly db: Db) {
    const lastRun = db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck();
    this.run = Number(lastRun.get(metaKeys.reindexRun) ?? 0) + 1;
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
        `INSERT INTO articles (file_path, item, content_hash, lead_position, title, source, author, published, url, indexed_run)
         VALUES (@filePath, @item, @contentHash, @lead, @title, @source, @author, @published, @url, @run)`,
      ),
      articleRuns: db.prepare<
        [],
        { file_path: string; item: string; content_hash: string; indexed_run: number }
      >('SELECT file_path, item, content_hash, indexed_run FROM articles'),
      insertPassage: db.prepare(
        'INSERT INTO passages (article_id, position, body, fingerprint) VALUES (?, ?, ?, ?)',
      ),
      insertFts: db.prepare('INSERT INTO passages_fts (rowid, title, body) VALUES (?, ?, ?)'),
      insertQuotation: db.prepare(
        `INSERT INTO quotations (passage_id, start_offset, end_offset, speaker, speaker_key, speaker_as_written, cue, partial)
         VALUES (@passageId, @start, @end, @speaker, @speakerKey, @speakerAsWritten, @cue, @partial)`,
      ),
      deleteQuotationsOfArticle: db.prepare(
        'DELETE FROM quotations WHERE passage_id IN (SELECT id FROM passages WHERE article_id = ?)',
      ),
      meta: db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck(),
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
      counts: db.prepare<[], IndexCounts>(
        `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM passages) AS passages,
                (SELECT count(DISTINCT source COLLATE NOCASE) FROM articles) AS outlets`,
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
  syncFile(version: FileVersion, articles: ArticleRecord[], indexedAt: string): StoreChange {
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

  /**
   * Counts the words of a file's articles as written (+1 each), for a file whose preparer's counts
   * were lost (a helper process stopped by the file after it).
   */
  countWordsOf(path: string): void {
    for (const article of this.statements.articlesOfFile.all(path)) {
      this.vocabulary.add(articleWords(this.statements.passagesOfArticle.all(article.id)), 1);
    }
  }

  private removeArticle(articleId: number): number {
    const passages = this.statements.passagesOfArticle.all(articleId);
    for (const passage of passages) this.statements.deleteFts.run(passage.id, passage.title, passage.body);
    this.vocabulary.add(articleWords(passages), -1);
    this.statements.deleteQuotationsOfArticle.run(articleId);
    this.statements.deletePassagesOfArticle.run(articleId);
    this.statements.deleteArticle.run(articleId);
    return passages.length;
  }

  /** Writes an article and its passages. Its words are counted here unless the preparer did. */
  private addArticle(filePath: string, article: ArticleRecord): number {
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
        run: this.previousRuns.get(articleRunKey(filePath, draft.item, article.contentHash)) ?? this.run,
      }).lastInsertRowid,
    );
    article.passages.forEach(({ body, fingerprint, quotations }, position) => {
      const passageId = this.statements.insertPassage.run(
        articleId,
        position,
        body,
        fingerprint,
      ).lastInsertRowid;
      for (const quotation of quotations ?? []) {
        this.statements.insertQuotation.run({ ...quotation, passageId, partial: quotation.partial ? 1 : 0 });
      }
      // The headline is indexed with the lead passage only; see db/migrations/001-initial.sql.
      this.statements.insertFts.run(passageId, position === article.lead ? draft.title : '', body);
    });
    if (article.words) this.vocabulary.add(article.words, 1);
    return article.passages.length;
  }

  /** Empties the whole index (for --full), in the caller's transaction. */
  clear(): void {
    this.previousRuns = new Map(
      this.statements.articleRuns
        .all()
        .map((row) => [articleRunKey(row.file_path, row.item, row.content_hash), row.indexed_run]),
    );
    this.db.exec(`
      INSERT INTO passages_fts (passages_fts) VALUES ('delete-all');
      DELETE FROM quotations; DELETE FROM passages; DELETE FROM articles; DELETE FROM files; DELETE FROM vocabulary;
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

  /** The preparation rules the index was built with (see metaKeys.preparedWith). */
  preparedWith(): string | undefined {
    return this.statements.meta.get(metaKeys.preparedWith);
  }

  /** Records which folders the index holds and the defaults their files were read with. */
  recordArchive(dirs: string[], folderSignatures: Record<string, string>): void {
    this.statements.setMeta.run(metaKeys.articleDirs, JSON.stringify(dirs));
    this.statements.setMeta.run(metaKeys.folderDefaults, JSON.stringify(folderSignatures));
  }

  /** The folder defaults' fingerprints recorded by the last run (`recordArchive`). */
  folderSignatures(): Record<string, string> {
    const recorded = this.statements.meta.get(metaKeys.folderDefaults);
    try {
      return recorded ? (JSON.parse(recorded) as Record<string, string>) : {};
    } catch {
      return {};
    }
  }

  /** Article, passage and outlet totals as they stand in this run. */
  counts(): IndexCounts {
    return this.statements.counts.get()!;
  }

  /**
   * Filling an empty index: drops the passages' secondary indexes so they are built once at the
   * end (a sorted build) instead of a random insert per passage. `finish` rebuilds them.
   */
  deferPassageIndexes(): void {
    const indexes = this.db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'passages' AND sql IS NOT NULL",
      )
      .all() as Array<{ name: string; sql: string }>;
    for (const index of indexes) this.db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
    this.deferredIndexes.push(...indexes.map((index) => index.sql));
  }

  /**
   * Ends a run: rebuilds deferred indexes, records the totals and the time, merges FTS5 segments
   * after a big change, and commits. Returns the totals.
   */
  commit(indexedAt: string, options: { optimize: boolean; preparedWith: string }): IndexCounts {
    for (const sql of this.deferredIndexes.splice(0)) this.db.exec(sql);
    const counts = this.counts();
    this.statements.setMeta.run(metaKeys.articles, String(counts.articles));
    this.statements.setMeta.run(metaKeys.passages, String(counts.passages));
    this.statements.setMeta.run(metaKeys.outlets, String(counts.outlets));
    if (options.optimize) this.optimize();
    this.statements.setMeta.run(metaKeys.lastReindexAt, indexedAt);
    this.statements.setMeta.run(metaKeys.preparedWith, options.preparedWith);
    this.statements.setMeta.run(metaKeys.reindexRun, String(this.run));
    this.db.exec('COMMIT');
    return counts;
  }

  /** Abandons the run (nothing written stays) and returns `error` in words an admin can act on. */
  rollback(error: unknown): unknown {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    return explainWriteError(this.db.name, error);
  }

  /** After COMMIT: folds the WAL back into the database file so it does not grow run after run. */
  checkpoint(): void {
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // A reader holding an old snapshot can block the checkpoint; the next run will finish it.
    }
  }

  /** Merges FTS5 index segments into one: faster queries after a large load. */
  private optimize(): void {
    this.db.exec(`INSERT INTO passages_fts (passages_fts) VALUES ('optimize')`);
  }
}

/** An article's identity and content: an article rebuilt unchanged by --full keeps its run. */
function articleRunKey(filePath: string, item: string, contentHash: string): string {
  return `${filePath}\u0000${item}\u0000${contentHash}`;
}
