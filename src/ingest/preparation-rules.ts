/**
 * Which rules an index's articles were prepared by. Apart from prepare-file.ts so that the
 * re-index process, which only writes, does not load the preparation's language data.
 */

/**
 * The version of the preparation rules (prepare-file.ts: cleaning, segmenting, quotation
 * extraction). Change it when they change in a way that should reach articles already indexed:
 * the next re-index then rebuilds every article. (Also raised with a schema change that needs
 * every article written again: 4 came with db/migrations/005-article-words.sql, 5 with
 * 006-document-words.sql.)
 */
const preparationVersion = 5;

/**
 * The rules an index was prepared by, as stored with it: the version, and whether quotations were
 * extracted, so that switching extraction on or off rebuilds every article rather than leaving
 * an index half with quotations.
 */
export function preparationRules(quotations: boolean): string {
  return `${preparationVersion}: ${quotations ? 'quotations' : 'no quotations'}`;
}
