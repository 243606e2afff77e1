/**
 * A saved search over the new and changed articles of some re-index runs, through the one
 * readout() path (scoped to those runs), grouped into stories (search/new-articles.ts).
 */
import { maxPageSize, type ReadoutService } from '../../readout.js';
import type { SearchHit } from '../../search/answer.js';
import { articleKey, type NewArticle, newArticles } from '../../search/new-articles.js';

/** Passages read for one alert at most: enough for the five quoted and an honest "N more". */
const maxPassages = 200;

export interface FoundArticles {
  articles: NewArticle[];
  /** More passages matched than were read: the count is a lower bound. */
  more: boolean;
}

/**
 * The new articles matching `query` in runs (afterRun, throughRun], best first, leaving out those
 * `announced` already. Throws the failure's detail when the search could not run.
 */
export async function findNewArticles(
  readout: ReadoutService,
  query: string,
  runs: { afterRun: number; throughRun: number },
  announced: (keys: string[]) => ReadonlySet<string> = () => new Set(),
): Promise<FoundArticles> {
  const hits: SearchHit[] = [];
  let offset: number | undefined = 0;
  while (offset !== undefined && hits.length < maxPassages) {
    const result = await readout.answer(query, { offset, limit: maxPageSize, scope: runs });
    if (result.kind === 'failed') throw new Error(`readout failed (${result.reason}): ${result.detail}`);
    if (result.kind !== 'results') break;
    hits.push(...result.hits);
    offset = result.nextOffset;
  }
  const keys = [...new Set(hits.map((hit) => articleKey(hit.article)))];
  return { articles: newArticles(hits, announced(keys)), more: offset !== undefined };
}
