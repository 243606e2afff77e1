/**
 * The re-index run: read every article file under the given folders and bring the index in line
 * with them — add new files, replace changed ones, drop vanished ones, skip unchanged ones.
 *
 * The whole run is one write transaction (BEGIN IMMEDIATE … COMMIT) on a WAL database:
 * - the bot keeps reading the previous index until COMMIT, then sees the new one without a restart;
 * - a run killed at any moment leaves the previous index intact (uncommitted WAL frames are ignored);
 * - the write lock is the re-index lock: a second run finds it taken and says so (reindex_busy).
 * Bad files are named with their reason and skipped; they never stop the run.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/database';
import { ArticleError, ReadoutError } from '../errors';
import type { ArticleDraft } from './article';
import { articleExtensions, loadArticleFile } from './load-article-file';
import { segmentArticle } from './segment';
import { type FileVersion, IndexStore } from './store';

export interface ReindexProgress {
  done: number;
  total: number;
  file: string;
}

export interface ReindexOptions {
  /** Folders to read, recursively. */
  dirs: string[];
  /** Rebuild everything instead of only what changed. */
  full?: boolean;
  onProgress?: (progress: ReindexProgress) => void;
  now?: () => Date;
}

export interface SkippedEntry {
  file: string;
  /** Why, e.g. 'empty file' or 'line 3: invalid JSON (Unexpected end of JSON input)'. */
  reason: string;
}

export interface ReindexSummary {
  files: { added: number; updated: number; unchanged: number; removed: number; skipped: number };
  /** Files, or items of multi-article files, that were not indexed, each with its reason. */
  skipped: SkippedEntry[];
  /** Files of other types (images, PDFs…) that were passed over. */
  ignored: string[];
  passagesWritten: number;
  passagesRemoved: number;
  /** Totals in the index after the run. */
  articles: number;
  passages: number;
  durationMs: number;
  databaseBytes: number;
}

/** Page cache for a re-index run, in KiB. */
const reindexCacheKib = 256 * 1024;

interface DiscoveredFiles {
  articleFiles: string[];
  ignored: string[];
  unreadable: SkippedEntry[];
}

/** Lists article files under the folders (recursively, sorted); hidden files and folders are left out. */
export function discoverArticleFiles(dirs: string[]): DiscoveredFiles {
  const found: DiscoveredFiles = { articleFiles: [], ignored: [], unreadable: [] };
  const visit = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      found.unreadable.push({ file: dir, reason: `cannot read folder (${errorCode(error)})` });
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isDir = fs.statSync(full).isDirectory();
        } catch (error) {
          found.unreadable.push({ file: full, reason: `cannot read (${errorCode(error)}: broken link)` });
          continue;
        }
      }
      if (isDir) visit(full);
      else if (articleExtensions.has(path.extname(entry.name).toLowerCase())) found.articleFiles.push(full);
      else found.ignored.push(full);
    }
  };
  for (const dir of dirs) visit(path.resolve(dir));
  return found;
}

function errorCode(error: unknown): string {
  return (error as { code?: string }).code ?? (error as Error).message ?? String(error);
}

function isUnder(file: string, dirs: string[]): boolean {
  return dirs.some((dir) => file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep));
}

/** Runs a re-index on an open database. Throws ReadoutError for run-level failures (busy, missing folder, disk). */
export async function reindexArchive(db: Db, options: ReindexOptions): Promise<ReindexSummary> {
  const started = performance.now();
  const now = options.now ?? (() => new Date());
  const dirs = options.dirs.map((dir) => path.resolve(dir));
  for (const dir of dirs) {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      throw new ReadoutError('articles_missing', `folder ${dir} does not exist or is not a folder`);
    }
  }

  const summary: ReindexSummary = {
    files: { added: 0, updated: 0, unchanged: 0, removed: 0, skipped: 0 },
    skipped: [],
    ignored: [],
    passagesWritten: 0,
    passagesRemoved: 0,
    articles: 0,
    passages: 0,
    durationMs: 0,
    databaseBytes: 0,
  };

  // A large page cache keeps a big run's dirty pages in memory until COMMIT instead of spilling
  // them to the WAL as it goes (bounded: 256 MB, released when the connection closes).
  db.pragma(`cache_size = -${reindexCacheKib}`);
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    if (errorCode(error) === 'SQLITE_BUSY') {
      throw new ReadoutError(
        'reindex_busy',
        `another re-index is running on ${db.name}; wait for it to finish (or pass --wait)`,
        { cause: error },
      );
    }
    throw error;
  }

  try {
    const store = new IndexStore(db);
    const indexedAt = now().toISOString();
    if (options.full) store.clear();

    const discovered = discoverArticleFiles(dirs);
    summary.ignored = discovered.ignored;
    for (const entry of discovered.unreadable) {
      summary.skipped.push(entry);
      summary.files.skipped++;
    }

    const present = new Set(discovered.articleFiles);
    for (const stored of store.allFiles()) {
      if (isUnder(stored.path, dirs) && !present.has(stored.path)) {
        summary.passagesRemoved += store.removeFile(stored.path);
        summary.files.removed++;
      }
    }

    const total = discovered.articleFiles.length;
    for (const [index, file] of discovered.articleFiles.entries()) {
      indexOneFile(store, file, indexedAt, summary);
      options.onProgress?.({ done: index + 1, total, file });
      // Let timers (the progress bar) and signals run on long archives.
      if (index % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
    }

    store.flushVocabulary();
    const counts = db
      .prepare(
        `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM passages) AS passages,
                (SELECT count(DISTINCT source COLLATE NOCASE) FROM articles) AS outlets`,
      )
      .get() as { articles: number; passages: number; outlets: number };
    summary.articles = counts.articles;
    summary.passages = counts.passages;
    // Kept for the bot's stats (App Home, the fallback's word-frequency test) without a count(*) per query.
    store.setMeta('articles', String(counts.articles));
    store.setMeta('passages', String(counts.passages));
    store.setMeta('outlets', String(counts.outlets));
    // A big change leaves many small FTS5 segments; merging them keeps queries fast.
    if (options.full || summary.passagesWritten > counts.passages / 10) store.optimize();
    store.setMeta('last_reindex_at', indexedAt);
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw explainWriteError(db.name, error);
  }

  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch {
    // A reader holding an old snapshot can block the checkpoint; the next run will finish it.
  }
  summary.durationMs = performance.now() - started;
  summary.databaseBytes = databaseBytes(db.name);
  return summary;
}

function indexOneFile(store: IndexStore, file: string, indexedAt: string, summary: ReindexSummary): void {
  const skip = (reason: string) => {
    summary.skipped.push({ file, reason });
    summary.files.skipped++;
  };
  const stored = store.file(file);
  let stat: fs.Stats;
  let bytes: Buffer;
  try {
    stat = fs.statSync(file);
    // Same size and modification time: unchanged, without reading it (as git and rsync do).
    if (stored && stored.size === stat.size && stored.mtime_ms === Math.trunc(stat.mtimeMs)) {
      summary.files.unchanged++;
      return;
    }
    bytes = fs.readFileSync(file);
  } catch (error) {
    skip(`cannot read (${errorCode(error)})`);
    return;
  }
  const version: FileVersion = {
    path: file,
    contentHash: createHash('sha256').update(bytes).digest('hex'),
    size: stat.size,
    mtimeMs: Math.trunc(stat.mtimeMs),
  };
  if (stored && stored.content_hash === version.contentHash) {
    store.touchFile(version);
    summary.files.unchanged++;
    return;
  }

  let drafts: ArticleDraft[];
  try {
    const loaded = loadArticleFile(file, bytes);
    for (const problem of loaded.problems) {
      summary.skipped.push({ file, reason: `${problem.where}: ${problem.reason}` });
    }
    drafts = loaded.articles.filter((draft) => {
      const hasText = draft.body.trim() !== '';
      if (!hasText) summary.skipped.push({ file, reason: `${draft.item || 'article'}: no text to index` });
      return hasText;
    });
    if (drafts.length === 0) throw new ArticleError('no article with text found');
  } catch (error) {
    if (!(error instanceof ArticleError)) throw error;
    skip(stored ? `${error.message} (the previous version stays in the index)` : error.message);
    return;
  }

  if (stored) summary.files.updated++;
  else summary.files.added++;
  const change = store.syncFile(version, drafts, segmentArticle, indexedAt);
  summary.passagesWritten += change.written;
  summary.passagesRemoved += change.removed;
}

function explainWriteError(file: string, error: unknown): unknown {
  const code = errorCode(error);
  if (code === 'SQLITE_FULL') {
    return new ReadoutError(
      'database_unwritable',
      `database ${file}: the disk is full; nothing was changed`,
      {
        cause: error,
      },
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') {
    return new ReadoutError(
      'database_unwritable',
      `database ${file} cannot be written (${code}); nothing was changed — check permissions and free space`,
      { cause: error },
    );
  }
  return error;
}

/** Bytes on disk of a database with its WAL (the shared-memory index is not data). */
export function databaseBytes(file: string): number {
  let bytes = 0;
  for (const suffix of ['', '-wal']) {
    try {
      bytes += fs.statSync(file + suffix).size;
    } catch {
      // No WAL after a clean close.
    }
  }
  return bytes;
}
