/**
 * The re-index run: read every article file under the given folders and bring the index in line
 * with them — add new files, replace changed ones, drop vanished ones, skip unchanged ones.
 *
 * The whole run is one write transaction (BEGIN IMMEDIATE … COMMIT) on a WAL database:
 * - the bot keeps reading the previous index until COMMIT, then sees the new one without a restart;
 * - a run killed at any moment leaves the previous index intact (uncommitted WAL frames are ignored);
 * - the write lock is the re-index lock: a second run finds it taken and says so (reindex_busy).
 * Bad files are named with their reason and skipped; they never stop the run.
 *
 * Work is split by cost: this process stats files and does every database write, in file order;
 * reading, decoding, cleaning and segmenting (prepare.ts) run in a helper process for large runs
 * (preparers.ts), so the two overlap on two cores.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ReadoutError } from '../errors.js';
import type { Db } from '../index/database.js';
import { databaseBytes } from '../index/database.js';
import { errorCode } from '../index/sqlite-errors.js';
import { IndexWriter, type StoredFile } from '../index/writer.js';
import { type CountedJob, prepareInHelperProcess, prepareInProcess } from './helper-process.js';
import { articleExtensions } from './load/load-article-file.js';
import type { PreparedFile } from './prepare-file.js';

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
  /**
   * Prepare files in a helper process (on the other core) while this one writes: 'auto' does
   * so when there is enough to read to repay the helper's start-up.
   */
  helperProcess?: 'auto' | 'always' | 'never';
}

/** Bytes to read from which a helper process pays off ('auto'): it takes about half a second to start. */
const helperThresholdBytes = 16 * 1024 * 1024;

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

  const writer = IndexWriter.begin(db);
  let optimize = false;
  try {
    const indexedAt = now().toISOString();
    if (options.full) writer.clear();
    if (writer.isEmpty()) writer.deferPassageIndexes();

    const discovered = discoverArticleFiles(dirs);
    summary.ignored = discovered.ignored;
    for (const entry of discovered.unreadable) {
      summary.skipped.push(entry);
      summary.files.skipped++;
    }

    const present = new Set(discovered.articleFiles);
    // Every indexed file at once: one query, not one per file of a hundred-thousand-file archive.
    const indexed = new Map(writer.allFiles().map((stored) => [stored.path, stored]));
    for (const stored of indexed.values()) {
      if (isUnder(stored.path, dirs) && !present.has(stored.path)) {
        summary.passagesRemoved += writer.removeFile(stored.path);
        summary.files.removed++;
      }
    }

    const jobs = changedFiles(indexed, discovered.articleFiles, summary);
    const bytes = jobs.reduce((sum, job) => sum + job.size, 0);
    const useHelper =
      options.helperProcess === 'always' ||
      ((options.helperProcess ?? 'auto') === 'auto' && jobs.length > 1 && bytes >= helperThresholdBytes);
    const run = useHelper ? prepareInHelperProcess(jobs) : prepareInProcess(jobs);
    try {
      let done = 0;
      for await (const prepared of run.files) {
        const job = jobs[done]!;
        applyPrepared(writer, job, prepared, indexedAt, summary);
        done++;
        options.onProgress?.({ done, total: jobs.length, file: job.file });
        // Let timers (the progress bar) and signals run on long archives.
        if (done % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      writer.flushVocabulary(await run.vocabulary());
    } finally {
      run.close();
    }
    // A big change leaves many small FTS5 segments; merging them keeps queries fast.
    const passagesBefore = writer.counts().passages;
    optimize = Boolean(options.full) || summary.passagesWritten > passagesBefore / 10;
    const counts = writer.commit(indexedAt);
    summary.articles = counts.articles;
    summary.passages = counts.passages;
  } catch (error) {
    throw writer.rollback(error);
  }
  try {
    // The new index is committed: the bot sees it; now tidy it and refresh the champion lists.
    await writer.finish({ optimize });
  } catch (error) {
    throw writer.rollback(error);
  }
  writer.checkpoint();
  summary.durationMs = performance.now() - started;
  summary.databaseBytes = databaseBytes(db.name);
  return summary;
}

/**
 * The files to read: new ones, and known ones whose size or modification time moved. Same size
 * and time counts as unchanged without reading (as git and rsync do); a moved time with the same
 * content hash is found unchanged by the preparer.
 */
function changedFiles(
  indexed: Map<string, StoredFile>,
  files: string[],
  summary: ReindexSummary,
): CountedJob[] {
  const jobs: CountedJob[] = [];
  for (const file of files) {
    const stored = indexed.get(file);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch (error) {
      skip(summary, file, `cannot read (${errorCode(error)})`);
      continue;
    }
    const mtimeMs = Math.trunc(stat.mtimeMs);
    if (stored && stored.size === stat.size && stored.mtime_ms === mtimeMs) {
      summary.files.unchanged++;
      continue;
    }
    // A new file's articles are all written, so the preparer may count their words itself.
    jobs.push({ file, size: stat.size, mtimeMs, knownHash: stored?.content_hash, countWords: !stored });
  }
  return jobs;
}

function skip(summary: ReindexSummary, file: string, reason: string): void {
  summary.skipped.push({ file, reason });
  summary.files.skipped++;
}

function applyPrepared(
  store: IndexWriter,
  job: CountedJob,
  prepared: PreparedFile,
  indexedAt: string,
  summary: ReindexSummary,
): void {
  const known = job.knownHash !== undefined;
  switch (prepared.kind) {
    case 'skipped':
      skip(
        summary,
        job.file,
        known ? `${prepared.reason} (the previous version stays in the index)` : prepared.reason,
      );
      return;
    case 'unchanged':
      store.touchFile(prepared.version);
      summary.files.unchanged++;
      return;
    case 'articles': {
      for (const reason of prepared.problems) summary.skipped.push({ file: job.file, reason });
      if (known) summary.files.updated++;
      else summary.files.added++;
      const change = store.syncFile(prepared.version, prepared.articles, indexedAt);
      summary.passagesWritten += change.written;
      summary.passagesRemoved += change.removed;
    }
  }
}
