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
import { defaultLimits, type Limits } from '../config.js';
import { ReadoutError } from '../errors.js';
import type { Db } from '../index/database.js';
import { databaseBytes } from '../index/database.js';
import { type FileStamp, IndexWriter } from '../index/writer.js';
import { type DiscoveredFiles, discoverArticleFiles, type SkippedEntry } from './discover.js';
import { FolderDefaultsReader } from './folder-defaults.js';
import { prepareInProcess, type StartingHelper } from './helper-process.js';
import { helperCount, prepareInHelperProcesses, startingHelpers } from './helper-processes.js';
import { preparationRules } from './preparation-rules.js';
import type { PreparedFile, PrepareJob } from './prepare-file.js';

export { discoverArticleFiles, type SkippedEntry } from './discover.js';

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
   * Where files are prepared: in a helper process (the default), on the other core while this
   * one writes, under the per-file limits; or 'never', here, without the time and memory limits
   * (for tests of the preparation itself).
   */
  helperProcess?: 'always' | 'never';
  /** Per-file limits (config.ts `Limits`); the defaults when absent. */
  limits?: Partial<FileLimits>;
  /** False to index without finding quotations and speakers (who: then finds none); true by default. */
  quotations?: boolean;
}

/** The limits each file is prepared under. */
export type FileLimits = Pick<Limits, 'maxFileBytes' | 'parseTimeoutMs' | 'parseMemoryMb'>;
export const defaultFileLimits: FileLimits = defaultLimits;

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
  /** Why every article was rebuilt although --full was not given, if it was. */
  rebuilt?: string;
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
  const limits: FileLimits = { ...defaultFileLimits, ...options.limits };
  // The helpers load their language data while this process finds and compares the files.
  let helpers: StartingHelper[] =
    options.helperProcess === 'never'
      ? []
      : startingHelpers(limits, options.full === true || writer.isEmpty());
  let optimize = false;
  try {
    const indexedAt = now().toISOString();
    // Articles prepared by other rules (an older Readout) are rebuilt, so every article gets what
    // this version extracts (quotations, say) without the admin having to know to ask; so is an
    // index whose quotations were switched on or off since.
    const quotations = options.quotations !== false;
    const rules = preparationRules(quotations);
    const preparedWith = writer.preparedWith();
    const outdated = !writer.isEmpty() && preparedWith !== rules;
    if (options.full || outdated) writer.clear();
    if (outdated && !options.full) {
      summary.rebuilt =
        preparedWith === preparationRules(!quotations)
          ? `quotation extraction was switched ${quotations ? 'on' : 'off'} since the last run`
          : 'the index was built by an earlier version of Readout';
    }
    if (writer.isEmpty()) writer.deferIndexes();

    const discovered = discoverArticleFiles(dirs);
    summary.ignored = discovered.ignored;
    for (const entry of discovered.unreadable) {
      summary.skipped.push(entry);
      summary.files.skipped++;
    }

    // The index holds exactly the configured folders: a file not found under them (deleted, or
    // from a folder no longer configured) is removed, unless its folder could not be read now.
    const unreadable = discovered.unreadable.map((entry) => entry.file);
    // Every indexed file at once: one query, not one per file of a hundred-thousand-file archive.
    const indexed = writer.fileStamps();
    for (const file of indexed.keys()) {
      if (!discovered.stats.has(file) && !isUnder(file, unreadable)) {
        summary.passagesRemoved += writer.removeFile(file);
        summary.files.removed++;
      }
    }

    const folders = folderDefaultsIn(discovered.articleFiles, dirs, writer);
    for (const problem of folders.reader.problems) summary.skipped.push(problem);
    const jobs = changedFiles(writer, indexed, discovered, limits.maxFileBytes, summary, folders).map(
      (job) => (quotations ? job : { ...job, quotations: false }),
    );
    // The run takes the helpers it needs (none when no file changed) and stops the others.
    const started = helpers;
    helpers = [];
    const run =
      options.helperProcess === 'never'
        ? prepareInProcess(jobs)
        : prepareInHelperProcesses(jobs, limits, helperCount(jobs), started);
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
      await writer.refreshVocabulary();
    } finally {
      run.close();
    }
    // A big change leaves many small FTS5 segments; merging them keeps queries fast.
    const passagesBefore = writer.counts().passages;
    optimize = Boolean(options.full) || summary.passagesWritten > passagesBefore / 10;
    writer.recordArchive(dirs, folders.signatures);
    const counts = writer.commit(indexedAt, { preparedWith: rules });
    summary.articles = counts.articles;
    summary.passages = counts.passages;
  } catch (error) {
    for (const { helper } of helpers) helper.kill();
    const explained = writer.rollback(error);
    // A failed run (a full disk) leaves its uncommitted frames in the WAL: give the space back.
    writer.checkpoint();
    throw explained;
  }
  try {
    // The new index is committed: the bot sees it; now tidy it and refresh the champion lists.
    await writer.finish({ optimize });
  } catch (error) {
    // Another run (`--wait`) took the write lock the moment this one committed: the new index
    // stands, and the tidy is that run's to do (champion lists of an older version are not used).
    if (!isLockTaken(error)) throw writer.rollback(error);
    writer.rollback(error);
  }
  writer.checkpoint();
  summary.durationMs = performance.now() - started;
  summary.databaseBytes = databaseBytes(db.name);
  return summary;
}

interface FoldersInRun {
  reader: FolderDefaultsReader;
  /** Folder → fingerprint of its defaults, for folders that have any (recorded for the next run). */
  signatures: Record<string, string>;
  /** Folders whose defaults changed since the last run: their files are read again. */
  changed: Set<string>;
}

/** The folder defaults (.readout.yml) in force for the files, and which changed since the last run. */
function folderDefaultsIn(files: string[], dirs: string[], writer: IndexWriter): FoldersInRun {
  const reader = new FolderDefaultsReader(dirs);
  const previous = writer.folderSignatures();
  const signatures: Record<string, string> = {};
  const changed = new Set<string>();
  for (const folder of new Set(files.map((file) => path.dirname(file)))) {
    const signature = reader.signature(folder);
    if (signature !== '') signatures[folder] = signature;
    if (signature !== (previous[folder] ?? '')) changed.add(folder);
  }
  return { reader, signatures, changed };
}

/**
 * The files to read: new ones, and known ones whose size or modification time moved. Same size
 * and time counts as unchanged without reading (as git and rsync do), unless the folder's
 * defaults changed; a moved time with the same content hash is found unchanged by the preparer.
 */
function changedFiles(
  writer: IndexWriter,
  indexed: Map<string, FileStamp>,
  discovered: DiscoveredFiles,
  maxBytes: number,
  summary: ReindexSummary,
  folders: FoldersInRun,
): PrepareJob[] {
  const jobs: PrepareJob[] = [];
  for (const file of discovered.articleFiles) {
    const stamp = indexed.get(file);
    const stat = discovered.stats.get(file)!;
    const mtimeMs = Math.trunc(stat.mtimeMs);
    const folderChanged = folders.changed.has(path.dirname(file));
    if (stamp && stamp[1] === stat.size && stamp[2] === mtimeMs && !folderChanged) {
      summary.files.unchanged++;
      continue;
    }
    const defaults = folders.reader.forFile(file);
    jobs.push({
      file,
      rawPath: discovered.rawPaths.get(file),
      size: stat.size,
      mtimeMs,
      maxBytes,
      ...(stamp && { knownHash: writer.contentHash(file), knownArticles: writer.articleHashes(file) }),
      ...(Object.keys(defaults).length > 0 && { defaults }),
    });
  }
  return jobs;
}

function skip(summary: ReindexSummary, file: string, reason: string): void {
  summary.skipped.push({ file, reason });
  summary.files.skipped++;
}

function applyPrepared(
  store: IndexWriter,
  job: PrepareJob,
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
      const change = store.syncFile(prepared.version, prepared.articles, indexedAt, prepared.kept);
      summary.passagesWritten += change.written;
      summary.passagesRemoved += change.removed;
    }
  }
}

function isLockTaken(error: unknown): boolean {
  // Champion lists are ranked in worker threads: their errors arrive as copies, code and all or
  // by message alone.
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'SQLITE_BUSY' || /database is locked/.test(String(message));
}
