/**
 * An article draft from what a loader found: metadata, cleaned paragraphs, and what a wire
 * dateline adds. Never invents a field the file and its text do not give.
 */
import { ArticleError } from '../../errors.js';
import { normalizeWhitespace } from '../../text/whitespace.js';
import type { ArticleDraft } from '../article.js';
import { readDateline } from './dateline.js';
import { titleFromBody } from './headline.js';
import { cleanParagraphs } from './paragraphs.js';

/** Metadata a file gives about its article; anything missing may be filled from the text. */
export interface ArticleMetadata {
  item?: string;
  title?: string;
  source?: string;
  author?: string;
  published?: string;
  url?: string;
}

/**
 * Assembles a draft from metadata and cleaned paragraphs: the title falls back to the body's first
 * sentence, and a missing source or date is read from a wire dateline in the first paragraphs.
 * Returns `undefined` when there is no text. A loader whose paragraphs are already
 * whitespace-normalised says so (`normalized`), and they are not normalised a second time.
 */
export function composeDraft(
  metadata: ArticleMetadata,
  paragraphs: readonly string[],
  { normalized = false }: { normalized?: boolean } = {},
): ArticleDraft | undefined {
  const title = normalizeWhitespace(metadata.title ?? '');
  const body = cleanParagraphs(paragraphs, title, normalized);
  if (body.length === 0) return undefined;
  const dateline = metadata.source && metadata.published ? {} : readDateline(body.join('\n'));
  const fields = {
    source: blankToUndefined(metadata.source) ?? dateline.source,
    author: blankToUndefined(metadata.author),
    published: metadata.published ?? dateline.published,
    url: blankToUndefined(metadata.url),
  };
  return {
    item: metadata.item ?? '',
    title: title === '' ? titleFromBody(body[0]!) : title,
    body: body.join('\n\n'),
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
  };
}

function blankToUndefined(value: string | undefined): string | undefined {
  const text = normalizeWhitespace(value ?? '');
  return text === '' ? undefined : text;
}

/** The error for a one-article file that holds no article text once cleaned. */
export function noArticleError(title: string | undefined): ArticleError {
  return new ArticleError(
    title ? 'no article text (only a headline)' : 'no article found (no headline or text)',
  );
}
