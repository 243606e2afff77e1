/** The quotation and speaker extractor: who said what in an article. */
export { type ExtractOptions, extractQuotations } from './extract.js';
export { compromiseKnowledge, type NameKnowledge, rulesOnly } from './name-knowledge.js';
export type { Quotation } from './types.js';
