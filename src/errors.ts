/**
 * The few kinds of failure Readout expects, each with a stable code.
 *
 * A `ReadoutError` carries a message written for the person who will read it (an admin at a
 * terminal, a reporter in Slack). Anything that is not a `ReadoutError` is a bug: callers log it
 * with context and show a short apology, never the raw error.
 */
export type ReadoutErrorCode =
  | 'config_invalid'
  | 'database_missing'
  | 'database_corrupt'
  | 'database_unwritable'
  | 'database_too_new'
  | 'database_outdated'
  | 'reindex_busy'
  | 'index_unavailable'
  | 'articles_missing'
  | 'article_unusable';

export class ReadoutError extends Error {
  readonly code: ReadoutErrorCode;

  constructor(code: ReadoutErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReadoutError';
    this.code = code;
  }
}

/** An article file (or one item of it) that cannot be indexed; `message` is the reason. */
export class ArticleError extends ReadoutError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('article_unusable', message, options);
    this.name = 'ArticleError';
  }
}

export function isReadoutError(error: unknown): error is ReadoutError {
  return error instanceof ReadoutError;
}

/** One line describing an unexpected error for a log, without the stack. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string'
      ? `${error.name} ${code}: ${error.message}`
      : `${error.name}: ${error.message}`;
  }
  return String(error);
}
