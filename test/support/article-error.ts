import { expect } from 'vitest';
import { ArticleError } from '../../src/errors.js';

/** Runs `run`, expects it to throw an ArticleError, and returns its reason. */
export function thrownReason(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ArticleError);
    return (error as Error).message;
  }
  throw new Error('expected an ArticleError');
}
