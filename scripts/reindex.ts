/**
 * npm run reindex -- [DIR...] [--full] [--wait]
 *
 * Brings the SQLite index (READOUT_DB) in line with the article folders (default READOUT_ARTICLES).
 * Exit status: 0 every file indexed; 1 done, but some files or items were skipped (listed);
 * 2 nothing could be done (bad usage, missing folder, unusable database); 3 another re-index holds
 * the lock (try later, or pass --wait).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig, loadDotenv } from '../src/config.js';
import { describeError, ReadoutError } from '../src/errors.js';
import { openDatabase } from '../src/index/database.js';
import { type ReindexProgress, type ReindexSummary, reindexArchive } from '../src/ingest/reindex.js';
import { formatBytes, formatDuration, printable } from '../src/terminal/format.js';

export const exitCodes = { ok: 0, skipped: 1, failed: 2, busy: 3 } as const;

const usage = `usage: npm run reindex -- [DIR...] [--full] [--wait]

  DIR     folders of articles to index, read recursively (default: READOUT_ARTICLES)
  --full  rebuild the whole index instead of only what changed
  --wait  when another re-index is running, wait for it instead of exiting with status 3

exit status: 0 all indexed, 1 some files skipped, 2 nothing could be done, 3 another re-index is running`;

function fail(message: string, code: number): never {
  process.stderr.write(`reindex: ${message}\n`);
  process.exit(code);
}

function progressReporter(): { update: (progress: ReindexProgress) => void; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: 'reindex [{bar}] {value}/{total} files  {eta_formatted} left',
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update: ({ done, total }) => {
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(done);
      },
      stop: () => started && bar.stop(),
    };
  }
  let last = performance.now();
  return {
    update: ({ done, total }) => {
      const now = performance.now();
      if (now - last > 5000 || done === total) {
        process.stderr.write(`reindex: ${done}/${total} files\n`);
        last = now;
      }
    },
    stop: () => {},
  };
}

export function formatSummary(summary: ReindexSummary, databaseFile: string): string {
  // Names and reasons come from the archive: shown escaped, one line each.
  const rel = (file: string) => printable(path.relative(process.cwd(), file) || file);
  const { files } = summary;
  const lines = [
    `reindex: done in ${formatDuration(summary.durationMs)} — ${rel(databaseFile)} (${formatBytes(summary.databaseBytes)})`,
    `  files: ${files.added} added, ${files.updated} updated, ${files.unchanged} unchanged, ${files.removed} removed, ${files.skipped} skipped`,
    `  passages: ${summary.passagesWritten} written, ${summary.passagesRemoved} removed; the index holds ${summary.articles} articles, ${summary.passages} passages`,
  ];
  if (summary.skipped.length > 0) {
    lines.push(`  skipped (${summary.skipped.length}):`);
    for (const entry of summary.skipped) lines.push(`    ${rel(entry.file)}: ${printable(entry.reason)}`);
  }
  if (summary.ignored.length > 0) {
    const shown = summary.ignored.slice(0, 5).map(rel).join(', ');
    const more = summary.ignored.length > 5 ? `, and ${summary.ignored.length - 5} more` : '';
    lines.push(`  ignored, not article files (${summary.ignored.length}): ${shown}${more}`);
  }
  return lines.join('\n');
}

function readArgs() {
  try {
    return parseArgs({
      options: {
        full: { type: 'boolean' },
        wait: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`, exitCodes.failed);
  }
}

/**
 * Opens (or creates) the index. Another run creating the same new database holds its lock for
 * the schema: that is reindex_busy too, and --wait waits for it here as well.
 */
function openIndex(file: string, wait: boolean) {
  try {
    return openDatabase(file, { create: true, busyTimeoutMs: 0 });
  } catch (error) {
    if (!(error instanceof ReadoutError && error.code === 'reindex_busy' && wait)) throw error;
    process.stderr.write('reindex: another re-index is running; waiting for it to finish…\n');
    const db = openDatabase(file, { create: true, busyTimeoutMs: 3_600_000 });
    db.pragma('busy_timeout = 0');
    return db;
  }
}

async function main(): Promise<void> {
  const args = readArgs();
  if (args.values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }

  loadDotenv();
  const config = loadConfig();
  const dirs = args.positionals.length > 0 ? args.positionals : config.articleDirs;
  const db = openIndex(config.databaseFile, Boolean(args.values.wait));
  const progress = progressReporter();
  let summary: ReindexSummary;
  try {
    const run = () =>
      reindexArchive(db, {
        dirs,
        full: args.values.full,
        onProgress: progress.update,
        limits: config.limits,
        quotations: config.quotations,
      });
    try {
      summary = await run();
    } catch (error) {
      if (!(error instanceof ReadoutError && error.code === 'reindex_busy' && args.values.wait)) throw error;
      process.stderr.write('reindex: another re-index is running; waiting for it to finish…\n');
      db.pragma('busy_timeout = 3600000');
      summary = await run();
    }
  } finally {
    progress.stop();
    db.close();
  }
  process.stdout.write(`${formatSummary(summary, config.databaseFile)}\n`);
  process.exitCode = summary.skipped.length > 0 ? exitCodes.skipped : exitCodes.ok;
}

main().catch((error: unknown) => {
  if (error instanceof ReadoutError) {
    fail(error.message, error.code === 'reindex_busy' ? exitCodes.busy : exitCodes.failed);
  }
  fail(`unexpected error: ${describeError(error)}`, exitCodes.failed);
});
