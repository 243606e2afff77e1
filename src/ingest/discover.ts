/**
 * Finding the article files under the configured folders. The archive is untrusted input: a
 * FIFO or a device would block or flood the reader, a link can lead anywhere (the bot's `.env`,
 * `/dev/zero`, a cycle back to its own folder). So:
 *
 * - only regular files are read; FIFOs, sockets and devices are listed as skipped with the reason;
 * - a symbolic link is followed only when its target lies inside one of the configured folders;
 *   one leading elsewhere is listed as skipped, never read;
 * - each real file and folder (device and inode) is visited once, so a link to `.` or a cycle of
 *   links neither repeats the archive nor loops;
 * - names are read as bytes: a name that is not UTF-8 (a Latin-1 name from an old system) is
 *   shown decoded as Latin-1 and opened by its bytes, never lost as "not found".
 */
import fs from 'node:fs';
import path from 'node:path';
import { errorCode } from '../index/sqlite-errors.js';
import { articleExtensions } from './load/article-formats.js';

export interface SkippedEntry {
  file: string;
  /** Why, e.g. 'empty file' or 'line 3: invalid JSON (Unexpected end of JSON input)'. */
  reason: string;
}

export interface DiscoveredFiles {
  /** Article files in folder order, each real file once, as paths under the configured folders. */
  articleFiles: string[];
  /** Files of other types (images, PDFs…), passed over. */
  ignored: string[];
  /** Entries that are not read, with the reason: unreadable folders, broken links, links out, FIFOs. */
  unreadable: SkippedEntry[];
  /** The bytes of the paths whose names are not UTF-8 (the string is their Latin-1 reading). */
  rawPaths: Map<string, Buffer>;
  /** Size and modification time of each article file, as found. */
  stats: Map<string, { size: number; mtimeMs: number }>;
}

const separator = Buffer.from(path.sep);
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A path as text: UTF-8 when it is, else Latin-1 (every byte a character, nothing lost). */
function pathText(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

/**
 * A path on the walk: its text, and its bytes when the text does not name it (the path is not
 * UTF-8). Most archives never need the bytes; building them for every file (and decoding them
 * back) was a third of the time to find a hundred thousand files.
 */
interface WalkPath {
  text: string;
  bytes?: Buffer;
}

/** The path of `name` (as readdir gives it) inside `dir`, and the name as text. */
function child(dir: WalkPath, name: Buffer): { path: WalkPath; name: string } {
  const text = name.toString('utf8');
  // A lossy decoding shows U+FFFD where a byte is not UTF-8; only then is the strict check needed.
  if (dir.bytes === undefined && (!text.includes('\uFFFD') || pathText(name) === text)) {
    return { path: { text: dir.text + path.sep + text }, name: text };
  }
  const bytes = Buffer.concat([dir.bytes ?? Buffer.from(dir.text), separator, name]);
  return { path: { text: pathText(bytes), bytes }, name: pathText(name) };
}

/** What to give fs calls for a path on the walk. */
const fsPath = (at: WalkPath) => at.bytes ?? at.text;

function isInside(target: Buffer, roots: Buffer[]): boolean {
  return roots.some(
    (root) =>
      target.equals(root) ||
      (target.length > root.length &&
        target.subarray(0, root.length).equals(root) &&
        (root.at(-1) === separator[0] || target[root.length] === separator[0])),
  );
}

/** What kind of non-regular file a stat describes, for the reason it is skipped. */
function specialKind(stat: fs.Stats | fs.Dirent<Buffer>): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a file or folder';
}

/**
 * Lists the article files under `dirs` (recursively, in name order); hidden files and folders are
 * left out. See the module comment for what is followed and what is skipped.
 *
 * @example discoverArticleFiles(['/srv/archive']).articleFiles // ['/srv/archive/2023/a.md', …]
 */
export function discoverArticleFiles(dirs: string[]): DiscoveredFiles {
  const found: DiscoveredFiles = {
    articleFiles: [],
    ignored: [],
    unreadable: [],
    rawPaths: new Map(),
    stats: new Map(),
  };
  const roots: Buffer[] = [];
  for (const dir of dirs) {
    try {
      roots.push(fs.realpathSync(Buffer.from(path.resolve(dir)), { encoding: 'buffer' }));
    } catch {
      // Reported when the folder itself is visited.
    }
  }
  const seen = new Set<string>();
  /** True the first time a real file or folder is met. */
  const firstVisit = (stat: fs.Stats) => {
    const key = `${stat.dev}:${stat.ino}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const skip = (at: WalkPath, reason: string) => found.unreadable.push({ file: at.text, reason });

  const addFile = (at: WalkPath, name: string, stat: fs.Stats) => {
    if (!firstVisit(stat)) return;
    if (at.bytes) found.rawPaths.set(at.text, at.bytes);
    if (!articleExtensions.has(path.extname(name).toLowerCase())) {
      found.ignored.push(at.text);
      return;
    }
    found.articleFiles.push(at.text);
    found.stats.set(at.text, { size: stat.size, mtimeMs: stat.mtimeMs });
  };

  const visit = (dir: WalkPath) => {
    let entries: fs.Dirent<Buffer>[];
    try {
      entries = fs.readdirSync(fsPath(dir), { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      skip(dir, `cannot read folder (${errorCode(error)})`);
      return;
    }
    for (const entry of entries.sort((a, b) => Buffer.compare(a.name, b.name))) {
      if (entry.name[0] === 0x2e) continue; // hidden: starts with '.'
      const { path: full, name } = child(dir, entry.name);
      try {
        if (entry.isSymbolicLink()) {
          let target: Buffer;
          try {
            target = fs.realpathSync(fsPath(full), { encoding: 'buffer' });
          } catch (error) {
            skip(full, `cannot read (${errorCode(error)}: broken link)`);
            continue;
          }
          if (!isInside(target, roots)) {
            skip(full, 'a link to outside the archive folders; not followed');
            continue;
          }
          const stat = fs.statSync(target);
          if (stat.isDirectory()) {
            if (firstVisit(stat)) visit(full);
          } else if (stat.isFile()) addFile(full, name, stat);
          else skip(full, `not a regular file (a link to ${specialKind(stat)})`);
        } else if (entry.isDirectory()) {
          if (firstVisit(fs.statSync(fsPath(full)))) visit(full);
        } else if (entry.isFile()) {
          addFile(full, name, fs.statSync(fsPath(full)));
        } else {
          skip(full, `not a regular file (${specialKind(entry)})`);
        }
      } catch (error) {
        skip(full, `cannot read (${errorCode(error)})`);
      }
    }
  };
  for (const dir of dirs) {
    const root = { text: path.resolve(dir) };
    try {
      if (firstVisit(fs.statSync(root.text))) visit(root);
    } catch (error) {
      skip(root, `cannot read folder (${errorCode(error)})`);
    }
  }
  return found;
}
