/**
 * The articles a comparison works on: those of the search's best passages, read whole (every
 * passage and quotation), with how well each answers the query, and what event grouping needs to
 * know of them (their content words, the speakers they quote, their dates).
 */

import type { ArticlePassage, IndexReader, StoredQuotation } from '../../index/reader.js';
import { writtenDates } from '../../text/written-dates.js';
import type { Attribution, SearchHit } from '../answer.js';
import { institutionOf } from './account-sides.js';
import { contentWords } from './content-words.js';
import type { EventArticle } from './event-groups.js';

/** An article read whole. */
export interface WholeArticle {
  id: number;
  article: Attribution;
  passages: ArticlePassage[];
  quotations: StoredQuotation[];
  /** How well it answers the query, 0–1: its best passage's share of the query, and rank. */
  relevance: number;
  /** Its passages among the search's hits, best first. */
  hits: SearchHit[];
}

/** Passages of an article read for grouping: enough for any news story, bounded for a book. */
const maxPassagesRead = 40;

/**
 * The articles of `hits` (at most `max`, in the order of their best hit), read whole.
 * `termCount` is the number of query terms, for the share a partial match covers.
 */
export function readWholeArticles(
  reader: IndexReader,
  hits: readonly SearchHit[],
  termCount: number,
  max: number,
): WholeArticle[] {
  const best = Math.max(...hits.map((hit) => hit.score), Number.EPSILON);
  const byArticle = new Map<number, WholeArticle>();
  for (const hit of hits) {
    const coverage = termCount === 0 ? 1 : 1 - (hit.missing?.length ?? 0) / termCount;
    const relevance = coverage * (0.5 + (0.5 * Math.max(hit.score, 0)) / best);
    const known = byArticle.get(hit.articleId);
    if (known) {
      known.relevance = Math.max(known.relevance, relevance);
      known.hits.push(hit);
    } else if (byArticle.size < max) {
      byArticle.set(hit.articleId, {
        id: hit.articleId,
        article: hit.article,
        passages: [],
        quotations: [],
        relevance,
        hits: [hit],
      });
    }
  }
  const articles = [...byArticle.values()];
  for (const passage of reader.articlePassages(articles.map((article) => article.id))) {
    const article = byArticle.get(passage.articleId)!;
    if (article.passages.length < maxPassagesRead) article.passages.push(passage);
  }
  const passageArticle = new Map(articles.flatMap((a) => a.passages.map((p) => [p.id, a] as const)));
  for (const quotation of reader.quotations([...passageArticle.keys()])) {
    passageArticle.get(quotation.passageId)?.quotations.push(quotation);
  }
  return articles;
}

/** An article's text: headline, then passages. */
export function articleTexts(article: WholeArticle): string[] {
  return [article.article.title, ...article.passages.map((passage) => passage.body)];
}

/** What event grouping needs of an article: content words, speakers (institutions folded), dates. */
export function eventArticle(article: WholeArticle): EventArticle {
  return {
    id: article.id,
    published: article.article.published,
    mentioned: [
      ...new Set(articleTexts(article).flatMap((text) => writtenDates(text).map((found) => found.date))),
    ],
    words: new Set(articleTexts(article).flatMap(contentWords)),
    participants: new Set(
      article.quotations
        .map((q) => q.speakerKey)
        .filter((key): key is string => !!key)
        .map(institutionOf),
    ),
    relevance: article.relevance,
  };
}
