/**
 * What a saved search announces after a re-index: the passages readout() found among the new
 * and changed articles, as one item per story. Pure.
 *
 * - One item per article, quoting its best passage, in rank order.
 * - Syndicated copies collapse into the first item: an article is a copy when its outlet carries a
 *   matched passage of an earlier item or the other way round (the search names those outlets in
 *   `alsoIn`), and both were published the same day (or either date is unknown); the item then
 *   says "also in" every such outlet.
 * - An article already announced to the saved search is left out, copies included.
 */

import type { Attribution, SearchHit } from './answer.js';
import { canonicalLink } from './article-links.js';

export interface NewArticle {
  /** The best-ranked passage of the article (or of the first copy found). */
  hit: SearchHit;
  /** Keys of the article and of its syndicated copies (see `articleKey`). */
  keys: string[];
  /** Outlets that also carry the story, the item's own outlet left out. */
  alsoIn: string[];
}

/**
 * How a saved search knows an article across re-indexes (article IDs change when an article is
 * rewritten): its link, or its archive file and headline when it has no link.
 * `articleKey({ url: 'http://www.example.org/a/', ... })` → 'https://example.org/a'
 */
export function articleKey(article: Pick<Attribution, 'url' | 'file' | 'title'>): string {
  const link = article.url ? canonicalLink(article.url) : undefined;
  return link ?? `${article.file}#${article.title}`;
}

const sameOutlet = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

const sameDay = (a: string | null, b: string | null) => a === null || b === null || a === b;

interface Building extends NewArticle {
  articleIds: Set<number>;
  carriers: string[];
}

/**
 * Groups ranked hits into new articles, dropping those in `announced` (article keys).
 *
 * @example newArticles(answer.hits, new Set()) // [{ hit, keys: ['https://example.org/a'], alsoIn: [] }]
 */
export function newArticles(hits: SearchHit[], announced: ReadonlySet<string>): NewArticle[] {
  const items: Building[] = [];
  for (const hit of hits) {
    const key = articleKey(hit.article);
    const owner = items.find(
      (item) =>
        item.articleIds.has(hit.articleId) ||
        (sameDay(item.hit.article.published, hit.article.published) &&
          (item.carriers.some((outlet) => sameOutlet(outlet, hit.article.source)) ||
            hit.alsoIn.some((outlet) => sameOutlet(outlet, item.hit.article.source)))),
    );
    if (owner) {
      owner.articleIds.add(hit.articleId);
      if (!owner.keys.includes(key)) owner.keys.push(key);
      owner.carriers.push(...hit.alsoIn);
      const source = hit.article.source;
      if (source && !sameOutlet(source, owner.hit.article.source)) owner.carriers.push(source);
      continue;
    }
    items.push({
      hit,
      keys: [key],
      alsoIn: [],
      articleIds: new Set([hit.articleId]),
      carriers: [...hit.alsoIn],
    });
  }
  return items
    .filter((item) => !item.keys.some((key) => announced.has(key)))
    .map(({ hit, keys, carriers }) => ({
      hit,
      keys,
      alsoIn: distinctOutlets(carriers.filter((outlet) => !sameOutlet(outlet, hit.article.source))),
    }));
}

function distinctOutlets(outlets: string[]): string[] {
  const seen = new Set<string>();
  return outlets.filter((outlet) => {
    const folded = outlet.trim().toLowerCase();
    if (seen.has(folded)) return false;
    seen.add(folded);
    return true;
  });
}
