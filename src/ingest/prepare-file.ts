/**
 * Preparing an article file for the index, without touching the database: read, hash, decode,
 * load, clean, segment into passages, fingerprint them and find their quotations.
 *
 * This is the CPU-heavy half of a re-index. It runs in the re-index process for small runs and
 * in a helper process (helper-process.ts) for large ones, so that preparing the next files
 * overlaps with writing the current one into SQLite on the other core.
 */
// crypto.hash: one call per digest, without a Hash object per passage (Node 20.12+).
import { createHash, hash } from 'node:crypto';
import fs from 'node:fs';
import { ArticleError, describeError } from '../errors.js';
import type { ArticleRecord, FileVersion, PassageRecord } from '../index/records.js';
import { speakerKey } from '../text/speaker-name.js';
import { joinedSurfaceWords } from '../text/words.js';
import type { ArticleDraft } from './article.js';
import { isPhotoCaption } from './clean/captions.js';
import type { FileDefaults } from './folder-defaults.js';
import { loadArticleFile } from './load/load-article-file.js';
import { displayName } from './quotes/display-name.js';
import { extractQuotations } from './quotes/index.js';
import { segmentArticle } from './segment.js';
import { type PreparedBody, SyndicatedBodies } from './syndicated-bodies.js';

/** A prepared article: what the index writer stores. */
export type PreparedArticle = ArticleRecord;

export type PreparedFile =
  | { kind: 'unchanged'; version: FileVersion }
  | { kind: 'skipped'; reason: string }
  | {
      kind: 'articles';
      version: FileVersion;
      /** The articles new or changed since the index took the file, prepared. */
      articles: PreparedArticle[];
      /** The items of the articles the index already has as they are (`knownArticles`): not prepared again. */
      kept: string[];
      problems: string[];
    };

export interface PrepareJob {
  file: string;
  /** The path's bytes when its name is not UTF-8 (`file` is then its Latin-1 reading). */
  rawPath?: Uint8Array;
  /** Largest file read, in bytes (a larger one is skipped unread). */
  maxBytes?: number;
  /** Size and modification time read by the caller (the file is read only when they changed). */
  size: number;
  mtimeMs: number;
  /** Content hash of the indexed version, when the file is in the index. */
  knownHash?: string;
  /**
   * Item → article hash (articleHash) of each article the index has from the file: an article of
   * a changed export that hashes the same is kept, not cut, fingerprinted and searched for
   * quotations again (a one-line edit in a 1,000-article export prepares one article).
   */
  knownArticles?: Record<string, string>;
  /** What the folder's .readout.yml gives the file's articles where they say nothing. */
  defaults?: FileDefaults;
  /** False when quotations are not extracted (READOUT_QUOTATIONS=off); extracted by default. */
  quotations?: boolean;
}

/**
 * Hash of a passage's words alone (lowercased, punctuation and spacing dropped), so the same
 * paragraph syndicated with other quote marks or spacing is recognised as the same passage.
 */
export function passageFingerprint(body: string): string {
  return hash('sha1', joinedSurfaceWords(body), 'hex').slice(0, 16);
}

/** Hash of an article as loaded (text and attribution). */
export function articleHash(draft: ArticleDraft): string {
  const { item, title, body, source, author, published, url } = draft;
  return hash('sha1', JSON.stringify([item, title, body, source, author, published, url]), 'hex');
}

function errorCode(error: unknown): string {
  return (error as { code?: string }).code ?? (error as Error).message ?? String(error);
}

/**
 * Finds each passage's direct quotations and speakers. The passages are the article's paragraphs
 * in order (long ones cut between sentences), so earlier ones are the context that resolves "he"
 * and "the Russian leader", and offsets come out in passage coordinates.
 */
function attachQuotations(passages: PassageRecord[]): void {
  const found = extractQuotations(passages.map((passage) => passage.body));
  for (const quotation of found) {
    const passage = passages[quotation.paragraph];
    if (!passage) continue;
    const speaker = quotation.speaker === null ? null : displayName(quotation.speaker);
    const key = speaker === null ? '' : speakerKey(speaker);
    passage.quotations ??= [];
    passage.quotations.push({
      start: quotation.start,
      end: quotation.end,
      speaker,
      speakerKey: key === '' ? null : key,
      speakerAsWritten: quotation.speakerAsWritten,
      cue: quotation.cue,
      partial: quotation.partial,
    });
  }
}

/** Cuts a body into passages, fingerprints them and finds their quotations. */
function prepareBody(text: string, quotations: boolean): PreparedBody {
  const passages: PassageRecord[] = segmentArticle(text).map((paragraph) => {
    const body = paragraph.normalize('NFC');
    return { body, fingerprint: passageFingerprint(body) };
  });
  if (quotations) attachQuotations(passages);
  const lead = passages.findIndex((passage) => !isPhotoCaption(passage.body));
  return { passages, lead: Math.max(lead, 0) };
}

/** The bodies this process has prepared more than once: syndicated copies (syndicated-bodies.ts). */
const syndicated = new SyndicatedBodies();

/** Segments an article, fingerprints its passages and finds its quotations. */
export function prepareArticle(
  draft: ArticleDraft,
  quotations = true,
  contentHash = articleHash(draft),
): PreparedArticle {
  const title = draft.title.normalize('NFC');
  const { passages, lead } = syndicated.passagesOf(draft.body, quotations ? 'quotations' : 'none', () =>
    prepareBody(draft.body, quotations),
  );
  // The body travels as passages only: the writer never reads it, and it would double what a
  // helper process sends.
  const { body: _body, ...fields } = draft;
  return {
    draft: { ...fields, title },
    contentHash,
    passages: [...passages],
    lead,
  };
}

const megabyte = 1024 * 1024;

/**
 * The bytes of a regular file of at most `maxBytes`, or why not. Opened without blocking and
 * checked on the open descriptor, so a file swapped for a FIFO or a device after it was found
 * cannot block or flood the read.
 */
export function readArticleBytes(
  file: string | Uint8Array,
  maxBytes = Number.MAX_SAFE_INTEGER,
): Buffer | string {
  let fd: number;
  try {
    fd = fs.openSync(Buffer.from(file), fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    return `cannot read (${errorCode(error)})`;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return 'not a regular file; skipped';
    const tooLarge = `larger than the ${Math.round((maxBytes / megabyte) * 10) / 10} MB limit (READOUT_MAX_FILE_MB); split it or raise the limit`;
    if (stat.size > maxBytes) return tooLarge;
    // Read what is there, up to one byte past the limit (a file may grow while it is read).
    const bytes = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const read = fs.readSync(fd, bytes, length, bytes.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === bytes.length) {
        if (length > maxBytes) return tooLarge;
        break;
      }
    }
    return bytes.subarray(0, length);
  } catch (error) {
    return `cannot read (${errorCode(error)})`;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads and prepares one file. Expected problems come back as 'skipped' with the reason.
 */
export function prepareFile(job: PrepareJob): PreparedFile {
  const bytes = readArticleBytes(job.rawPath ?? job.file, job.maxBytes);
  if (typeof bytes === 'string') return { kind: 'skipped', reason: bytes };
  const version: FileVersion = {
    path: job.file,
    // The defaults are part of what was indexed: a changed .readout.yml makes the file changed.
    contentHash: job.defaults
      ? createHash('sha256')
          .update(bytes)
          .update(`\u0000${JSON.stringify(job.defaults)}`)
          .digest('hex')
      : hash('sha256', bytes, 'hex'),
    size: job.size,
    mtimeMs: job.mtimeMs,
  };
  if (job.knownHash === version.contentHash) return { kind: 'unchanged', version };
  try {
    const loaded = loadArticleFile(job.file, bytes);
    const problems = loaded.problems.map((problem) => `${problem.where}: ${problem.reason}`);
    const drafts = loaded.articles.filter((draft) => {
      const hasText = draft.body.trim() !== '';
      if (!hasText) problems.push(`${draft.item || 'article'}: no text to index`);
      return hasText;
    });
    if (drafts.length === 0) throw new ArticleError('no article with text found');
    const articles: PreparedArticle[] = [];
    const kept: string[] = [];
    for (const draft of drafts.map((draft) => withFolderDefaults(draft, job.defaults))) {
      const contentHash = articleHash(draft);
      if (job.knownArticles?.[draft.item] === contentHash) kept.push(draft.item);
      else articles.push(prepareArticle(draft, job.quotations !== false, contentHash));
    }
    return { kind: 'articles', version, articles, kept, problems };
  } catch (error) {
    if (error instanceof ArticleError) return { kind: 'skipped', reason: error.message };
    // A file that trips a parser (a stack overflow on deep nesting…) is that file's problem only.
    return { kind: 'skipped', reason: `cannot be read (${describeError(error)})` };
  }
}

/**
 * Fills what an article leaves empty from its folder's defaults: the outlet, and for a
 * one-article file the link (a multi-article export's file path is no article's address).
 */
export function withFolderDefaults(draft: ArticleDraft, defaults: FileDefaults | undefined): ArticleDraft {
  if (!defaults) return draft;
  const filled = { ...draft };
  if (filled.source === undefined && defaults.source) filled.source = defaults.source;
  if (filled.url === undefined && defaults.url && draft.item === '') filled.url = defaults.url;
  return filled;
}
