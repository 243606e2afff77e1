/**
 * Writing the index: the only writer, used by the re-index. A whole run is one write transaction
 * (`IndexWriter.begin` … `commit`) on a WAL database, so readers see the old index or the new one,
 * a killed run leaves the old one intact, and the write lock doubles as the re-index lock. Every
 * statement is prepared once.
 *
 * Articles, passages, documents and passages_fts are written by the ArticleStore
 * (article-store.ts), which also counts the documents' words; the vocabulary table is refreshed
 * from those counts once, at the end (`refreshVocabulary`). After the content commits, the
 * champion lists are brought in step in a second, short transaction (`finish`).
 *
 * Runs are numbered (meta 'reindex_run'); every article the run writes is stamped with its number
 * (`indexed_run`), so the bot can search a run's new and changed articles only. A --full rebuild
 * keeps the stamp of an article whose file, item and content did not change.
 */
import { ArticleStore } from './article-store.js';
import { championStamp } from './champion-entries.js';
import { ChampionLists } from './champions.js';
import type { Db } from './database.js';
import { metaKeys } from './meta.js';
import type { ArticleRecord, FileVersion } from './records.js';
import { errorCode, explainWriteError, reindexBusyError } from './sqlite-errors.js';

/** An indexed file's size and modification time (whole ms) as recorded, after its path. */
export type FileStamp = [path: string, size: number, mtimeMs: number];

/** Passages added and removed by a change. */
export interface StoreChange {
  written: number;
  removed: number;
}

/** Page cache for a re-index run, in KiB. */
const reindexCacheKib = 64 * 1024;

/**
 * FTS5 keeps the terms of new rows in memory and writes them out as a segment when they pass
 * this many bytes (its default: 1 MB), then merges segments as they pile up. A re-index writes
 * a whole archive in one transaction: with 1 MB, every few hundred passages were a segment to
 * write and merge again (100,000 passages: 2.1 s of inserts; with 8 or 16 MB, 1.4 s; with 32 or
 * 64 MB, 1.3 s). The terms take memory while they wait: kept at 16 MB, for the peak of a
 * million-passage run. The setting is stored with the table (its config), so searching
 * connections see it and never use it.
 */
export const ftsPendingBytes = 16 * 1024 * 1024;

/** Totals in the index after a run. */
export interface IndexCounts {
  articles: number;
  passages: number;
  outlets: number;
}

/** A run that adds or removes more than this share of the documents rebuilds the champion lists. */
const championRebuildShare = 0.05;

export class IndexWriter {
  private readonly statements;
  private readonly store: ArticleStore;
  private readonly deferredIndexes: string[] = [];
  /** Emptied in this run (--full): everything is written anew. */
  private full = false;
  private readonly documentsAtStart: number;
  /** The number of this run: one more than the last committed run. */
  readonly run: number;

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
    try {
      // An integer, as FTS5 requires of the setting (a JavaScript number binds as a real).
      db.prepare(`INSERT INTO passages_fts (passages_fts, rank) VALUES ('hashsize', ?)`).run(
        BigInt(ftsPendingBytes),
      );
      return new IndexWriter(db);
    } catch (error) {
      // The first write of the run: a read-only file or a full disk shows here.
      db.exec('ROLLBACK');
      throw explainWriteError(db.name, error);
    }
  }

  private constructor(private readonly db: Db) {
    const lastRun = db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck();
    this.run = Number(lastRun.get(metaKeys.reindexRun) ?? 0) + 1;
    this.store = new ArticleStore(db, this.run);
    this.documentsAtStart = db.prepare<[], number>('SELECT count(*) FROM documents').pluck().get()!;
    this.statements = {
      contentHash: db.prepare<[string], string>('SELECT content_hash FROM files WHERE path = ?').pluck(),
      anyArticle: db.prepare('SELECT 1 FROM articles LIMIT 1'),
      fileStamps: db.prepare<[], FileStamp>('SELECT path, size, mtime_ms FROM files').raw(),
      upsertFile: db.prepare(
        `INSERT INTO files (path, content_hash, size, mtime_ms, indexed_at)
         VALUES (@path, @contentHash, @size, @mtimeMs, @indexedAt)
         ON CONFLICT (path) DO UPDATE SET content_hash = excluded.content_hash, size = excluded.size,
           mtime_ms = excluded.mtime_ms, indexed_at = excluded.indexed_at`,
      ),
      touchFile: db.prepare('UPDATE files SET size = @size, mtime_ms = @mtimeMs WHERE path = @path'),
      articlesOfFile: db.prepare<[string], { id: number; item: string; content_hash: string }>(
        'SELECT id, item, content_hash FROM articles WHERE file_path = ?',
      ),
      deleteFile: db.prepare('DELETE FROM files WHERE path = ?'),
      setMeta: db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
      counts: db.prepare<[], IndexCounts>(
        `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM passages) AS passages,
                (SELECT count(DISTINCT source COLLATE NOCASE) FROM articles) AS outlets`,
      ),
      documents: db.prepare<[], number>('SELECT count(*) FROM documents').pluck(),
      documentsFrom: db.prepare<[number], number>('SELECT count(*) FROM documents WHERE id >= ?').pluck(),
      meta: db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck(),
      deleteMeta: db.prepare('DELETE FROM meta WHERE key = ?'),
      mostDocumentsPerFingerprint: db
        .prepare<[], number | null>(
          'SELECT max(n) FROM (SELECT count(*) AS n FROM documents GROUP BY fingerprint)',
        )
        .pluck(),
      documentsOfFingerprint: db
        .prepare<[string], number>('SELECT count(*) FROM documents WHERE fingerprint = ?')
        .pluck(),
    };
  }

  /** Item → article hash of each article indexed from a file (see PrepareJob.knownArticles). */
  articleHashes(path: string): Record<string, string> {
    // No prototype: an item named `__proto__` is a key like any other.
    const hashes: Record<string, string> = Object.create(null);
    for (const row of this.statements.articlesOfFile.all(path)) hashes[row.item] = row.content_hash;
    return hashes;
  }

  /** The hash of the content last indexed from a file, if it is indexed. */
  contentHash(path: string): string | undefined {
    return this.statements.contentHash.get(path);
  }

  /** Whether the index holds no articles (a first or full run). */
  isEmpty(): boolean {
    return this.statements.anyArticle.get() === undefined;
  }

  /**
   * Every indexed file's stamp, by path: one query, not one per file. Rows come as arrays, without
   * the content hashes (asked for a changed file alone): at a hundred thousand files, objects with
   * every column took a tenth of the time to re-index one changed file.
   */
  fileStamps(): Map<string, FileStamp> {
    const stamps = new Map<string, FileStamp>();
    for (const stamp of this.statements.fileStamps.all()) stamps.set(stamp[0], stamp);
    return stamps;
  }

  /** Records that a file is unchanged but its size or mtime moved (e.g. touched, or copied back). */
  touchFile(version: FileVersion): void {
    this.statements.touchFile.run({ path: version.path, size: version.size, mtimeMs: version.mtimeMs });
  }

  /** Removes a file's articles and passages from the index. Returns the number of passages removed. */
  removeFile(path: string): number {
    let removed = 0;
    for (const article of this.statements.articlesOfFile.all(path))
      removed += this.store.removeArticle(article.id);
    this.statements.deleteFile.run(path);
    return removed;
  }

  /**
   * Brings a file's articles in line with `articles`: unchanged ones (same item, same content)
   * stay as they are, changed and new ones are (re)written, and articles no longer in the file
   * are removed. A one-line edit in a 1,000-article export rewrites one article. `kept` names
   * articles known unchanged without being prepared again (PrepareJob.knownArticles).
   */
  syncFile(
    version: FileVersion,
    articles: ArticleRecord[],
    indexedAt: string,
    kept: string[] = [],
  ): StoreChange {
    const change: StoreChange = { written: 0, removed: 0 };
    const existing = new Map(this.statements.articlesOfFile.all(version.path).map((row) => [row.item, row]));
    for (const item of kept) existing.delete(item);
    this.statements.upsertFile.run({ ...version, indexedAt });
    for (const article of articles) {
      const stored = existing.get(article.draft.item);
      existing.delete(article.draft.item);
      if (stored?.content_hash === article.contentHash) continue;
      if (stored) change.removed += this.store.removeArticle(stored.id);
      change.written += this.store.addArticle(version.path, article);
    }
    for (const gone of existing.values()) change.removed += this.store.removeArticle(gone.id);
    return change;
  }

  /** Empties the whole index (for --full), in the caller's transaction. */
  clear(): void {
    this.store.rememberRuns();
    this.db.exec(`
      INSERT INTO passages_fts (passages_fts) VALUES ('delete-all');
      DELETE FROM quotations; DELETE FROM passages; DELETE FROM documents; DELETE FROM articles;
      DELETE FROM files; DELETE FROM vocabulary; DELETE FROM outlets; DELETE FROM champions;
    `);
    this.store.cleared();
    this.full = true;
  }

  /** Brings the vocabulary table (typo correction) in line with the documents of the run. */
  refreshVocabulary(): Promise<void> {
    return this.store.refreshVocabulary();
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
   * Filling an empty index: drops the secondary indexes of the tables a run fills (passages,
   * documents, articles, quotations) so they are built once at the end (a sorted build) instead
   * of a random insert per row — a passage's document, a document's fingerprint, an article's
   * URL. Nothing the run asks while writing needs them (ArticleStore finds an earlier copy of
   * a text by its document's id). `commit` rebuilds them.
   */
  deferIndexes(): void {
    const indexes = this.db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
           AND tbl_name IN ('passages', 'documents', 'articles', 'quotations')`,
      )
      .all() as Array<{ name: string; sql: string }>;
    for (const index of indexes) this.db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
    this.deferredIndexes.push(...indexes.map((index) => index.sql));
  }

  /**
   * Ends a run: rebuilds deferred indexes, records the totals and the time, and commits. Returns
   * the totals. `finish` comes next.
   */
  commit(indexedAt: string, options: { preparedWith: string }): IndexCounts {
    for (const sql of this.deferredIndexes.splice(0)) this.db.exec(sql);
    const counts = this.counts();
    this.statements.setMeta.run(metaKeys.articles, String(counts.articles));
    this.statements.setMeta.run(metaKeys.passages, String(counts.passages));
    this.statements.setMeta.run(metaKeys.outlets, String(counts.outlets));
    if (this.changed()) {
      this.statements.setMeta.run(metaKeys.indexVersion, String(this.version() + 1));
      this.statements.setMeta.run(metaKeys.documentHighWater, String(this.store.documentHighWater));
      this.statements.setMeta.run(
        metaKeys.maxDocumentsPerFingerprint,
        String(this.mostDocumentsPerFingerprint()),
      );
    }
    this.statements.deleteMeta.run(metaKeys.rebuildRequired);
    this.statements.setMeta.run(metaKeys.lastReindexAt, indexedAt);
    this.statements.setMeta.run(metaKeys.preparedWith, options.preparedWith);
    this.statements.setMeta.run(metaKeys.reindexRun, String(this.run));
    void this.store.close();
    this.db.exec('COMMIT');
    return counts;
  }

  /**
   * After COMMIT, in transactions of their own: merges FTS5 segments after a big change
   * (`optimize`), and brings the champion lists in step with the committed index (FTS5 saves
   * the totals bm25 uses when a transaction commits). The lists are rebuilt after a full run or
   * a large change, or when they missed a run — ranked in worker threads while the main thread
   * optimises — and otherwise updated. Until then the bot leaves the lists aside (their version
   * stamp is behind) and asks FTS5.
   */
  async finish(options: { optimize: boolean }): Promise<void> {
    const optimize = () => {
      if (options.optimize) this.db.transaction(() => this.optimize()).immediate();
    };
    if (!this.changed()) {
      // Nothing changed, but the lists may not match: written in another layout (by an earlier
      // Readout) or a version behind (a run stopped between its two commits). Rebuilt now, or
      // the bot would ask FTS5 for every very common word until an article changes.
      // (No stamp: an index no run has written articles to; nothing to rank.)
      const stamp = this.statements.meta.get(metaKeys.championsVersion);
      if (stamp === undefined || stamp === championStamp(this.version())) return optimize();
      return new ChampionLists(this.db).rebuild(String(this.version()), optimize);
    }
    const version = this.version();
    const champions = new ChampionLists(this.db);
    const { change } = this.store;
    const documents = this.statements.documents.get()!;
    const large =
      this.documentsAtStart === 0 ||
      Math.max(this.newDocuments(), change.removed.size) > documents * championRebuildShare;
    const current = this.statements.meta.get(metaKeys.championsVersion) === championStamp(version - 1);
    if (this.full || large || !current) return champions.rebuild(String(version), optimize);
    optimize();
    this.db.transaction(() =>
      champions.update(change, (phrase) => this.store.removedMatching(phrase), String(version)),
    )();
  }

  private changed(): boolean {
    return this.full || this.store.change.articlesChanged > 0;
  }

  private version(): number {
    return Number(this.statements.meta.get(metaKeys.indexVersion) ?? 0);
  }

  private newDocuments(): number {
    return this.statements.documentsFrom.get(this.store.change.firstNewDocument)!;
  }

  /** Most documents sharing a fingerprint: recounted after a full run, else raised by what was added. */
  private mostDocumentsPerFingerprint(): number {
    if (this.full || this.documentsAtStart === 0)
      return this.statements.mostDocumentsPerFingerprint.get() ?? 1;
    let most = Number(this.statements.meta.get(metaKeys.maxDocumentsPerFingerprint) ?? 1);
    for (const fingerprint of this.store.change.touchedFingerprints) {
      most = Math.max(most, this.statements.documentsOfFingerprint.get(fingerprint)!);
    }
    return most;
  }

  /** Abandons the run (nothing written stays) and returns `error` in words an admin can act on. */
  rollback(error: unknown): unknown {
    void this.store.close();
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
