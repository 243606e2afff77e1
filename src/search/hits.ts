/**
 * The page's hits: ranked candidates → excerpts and attribution, read for the rows shown only
 * (one highlight query and one attribution query per page).
 */
import type { Candidate, IndexReader } from '../index/reader.js';
import type { Attribution, SearchHit } from './answer.js';
import { buildExcerpt, parseHighlighted } from './excerpt.js';

/** Longest excerpt, in characters (whole sentences; one long sentence is trimmed at words). */
export const excerptLength = 300;

const unknownArticle: Attribution = {
  title: '',
  source: null,
  author: null,
  published: null,
  url: null,
  file: '',
};

/** The hits for `candidates`, ranked from `firstRank`. */
export function buildHits(
  reader: IndexReader,
  candidates: Candidate[],
  match: string,
  firstRank: number,
): SearchHit[] {
  if (candidates.length === 0) return [];
  const highlighted = new Map(
    reader
      .highlights(
        match,
        candidates.map((c) => c.documentId),
      )
      .map((row) => [row.id, row]),
  );
  const articles = new Map(
    reader.attributions(candidates.map((c) => c.articleId)).map(({ id, ...article }) => [id, article]),
  );
  return candidates.map((candidate, index) => {
    // Every row matches (it came from this MATCH) unless a re-index replaced it in between.
    const row = highlighted.get(candidate.documentId) ?? { title: '', body: '' };
    const body = parseHighlighted(row.body);
    const article = articles.get(candidate.articleId) ?? unknownArticle;
    return {
      rank: firstRank + index,
      score: -candidate.rank,
      passageId: candidate.passageId,
      articleId: candidate.articleId,
      excerpt: buildExcerpt(body.text, body.marks, excerptLength),
      titleMarks: parseHighlighted(row.title).marks,
      article,
      alsoIn: reader.alsoIn(candidate.fingerprint, candidate.articleId, article.source),
    };
  });
}
