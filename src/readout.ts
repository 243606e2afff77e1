/**
 * The one path from what a reporter typed to an answer: parse → search → excerpt.
 * `/readout`, `@Readout`, the local console and the CLI all call `readout()`; they differ only in
 * where the text comes from and how the answer is rendered.
 */
import type { ReadoutAnswer, ReadoutOptions } from './search/answer.js';
import type { SearchIndex } from './search/search-index.js';

export interface ReadoutServices {
  index: SearchIndex;
}

export const defaultPageSize = 5;

export function readout(text: string, options: ReadoutOptions, services: ReadoutServices): ReadoutAnswer {
  return services.index.search(text, options);
}
