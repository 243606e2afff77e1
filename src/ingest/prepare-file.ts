/**
 * Preparing an article file for the index, without touching the database: read, hash, decode,
 * load, clean, segment into passages, fingerprint, and gather each article's words.
 *
 * This is the CPU-heavy half of a re-index. It runs in the re-index process for small runs and
 * in a helper process (helper-process.ts) for large ones, so that preparing the next files
 * overlaps with writing the current one into SQLite on the other core.
 */
// crypto.hash: one call per digest, without a Hash object per passage (Node 20.12+).
import { hash } from 'node:crypto';
import fs from 'node:fs';
import { ArticleError } from '../errors.js';
import type { ArticleRecord, FileVersion } from '../index/records.js';
import type { VocabularyTally } from '../index/vocabulary-tally.js';
import { isVocabularyWord, surfaceWords } from '../text/words.js';
import type { ArticleDraft } from './article.js';
import { isPhotoCaption } from './clean/captions.js';
import { loadArticleFile } from './load/load-article-file.js';
import { segmentArticle } from './segment.js';

/** A prepared article: what the index writer stores. */
export type PreparedArticle = ArticleRecord;

export type PreparedFile =
  | { kind: 'unchanged'; version: FileVersion }
  | { kind: 'skipped'; reason: string }
  | { kind: 'articles'; version: FileVersion; articles: PreparedArticle[]; problems: string[] };

export interface PrepareJob {
  file: string;
  /** Size and modification time read by the caller (the file is read only when they changed). */
  size: number;
  mtimeMs: number;
  /** Content hash of the indexed version, when the file is in the index. */
  knownHash?: string;
}

/**
 * Hash of a passage's words alone (lowercased, punctuation and spacing dropped), so the same
 * paragraph syndicated with other quote marks or spacing is recognised as the same passage.
 */
export function passageFingerprint(words: readonly string[]): string {
  return hash('sha1', words.join(' '), 'hex').slice(0, 16);
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
 * Segments an article and gathers its words: counted into `tally` when given (a file new to the
 * index: every article will be written), else listed in `words` for the writer to count.
 */
export function prepareArticle(draft: ArticleDraft, tally?: VocabularyTally): PreparedArticle {
  const title = draft.title.normalize('NFC');
  const tokens = [surfaceWords(title)];
  const passages = segmentArticle(draft.body).map((text) => {
    const body = text.normalize('NFC');
    const passageWords = surfaceWords(body);
    tokens.push(passageWords);
    return { body, fingerprint: passageFingerprint(passageWords) };
  });
  const lead = passages.findIndex((passage) => !isPhotoCaption(passage.body));
  tally?.addArticle(tokens);
  return {
    draft: { ...draft, title },
    contentHash: articleHash(draft),
    passages,
    lead: Math.max(lead, 0),
    ...(tally ? {} : { words: [...new Set(tokens.flat())].filter(isVocabularyWord) }),
  };
}

/**
 * Reads and prepares one file. Expected problems come back as 'skipped' with the reason. With a
 * `tally`, the articles' words are counted there instead of listed (see prepareArticle).
 */
export function prepareFile(job: PrepareJob, tally?: VocabularyTally): PreparedFile {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(job.file);
  } catch (error) {
    return { kind: 'skipped', reason: `cannot read (${errorCode(error)})` };
  }
  const version: FileVersion = {
    path: job.file,
    contentHash: hash('sha256', bytes, 'hex'),
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
    return {
      kind: 'articles',
      version,
      articles: drafts.map((draft) => prepareArticle(draft, tally)),
      problems,
    };
  } catch (error) {
    if (error instanceof ArticleError) return { kind: 'skipped', reason: error.message };
    throw error;
  }
}
