/** The quotation and speaker extractor: who said what in an article. */
export { type ExtractOptions, extractQuotations } from './extract';
export { compromiseKnowledge, type NameKnowledge, rulesOnly } from './name-knowledge';
export type { Quotation } from './types';
