/**
 * The page's hits: ranked candidates → excerpts and attribution, read for the rows shown only
 * (one highlight query and one attribution query per page).
 */
import type { Candidate, IndexReader, StoredQuotation } from '../index/reader.js';
import type { Attribution, Excerpt, QuoteShown, SearchHit } from './answer.js';
import { buildExcerpt, type Mark, type MarkWeight, parseHighlighted } from './excerpt.js';
import { buildQuoteExcerpt, chooseQuotation, distinctMarksIn } from './quote-excerpt.js';

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

/**
 * The excerpt of a passage: the quotation by a speaker asked for (`speakerKeys`), else a
 * quotation holding as many of the matched words as the best plain excerpt would, else the best
 * plain excerpt.
 */
export function excerptFor(
  text: string,
  marks: Mark[],
  quotations: StoredQuotation[],
  speakerKeys: ReadonlySet<string> | undefined,
  markWeight?: MarkWeight,
): { excerpt: Excerpt; quote?: QuoteShown } {
  const plain = buildExcerpt(text, marks, excerptLength, markWeight);
  let shown: StoredQuotation[];
  if (speakerKeys) {
    // The speaker's quotations in the passage, the one with the most matched words first.
    const theirs = quotations.filter((q) => q.speakerKey !== null && speakerKeys.has(q.speakerKey));
    const best = chooseQuotation(text, marks, theirs);
    shown = best ? [best, ...theirs.filter((q) => q !== best)] : [];
  } else {
    const wanted = Math.max(1, distinctMarksIn(plain.text, plain.marks, whole(plain.text)));
    const best = chooseQuotation(text, marks, quotations, wanted);
    shown = best ? [best] : [];
  }
  const quotation = shown[0];
  if (!quotation) return { excerpt: plain, ...quotedIn(text, plain, quotations) };
  const { excerpt, quote } = buildQuoteExcerpt(text, marks, [quotation, ...shown.slice(1)], excerptLength);
  return {
    excerpt,
    quote: {
      text: text.slice(quotation.start, quotation.end),
      speaker: quotation.speaker,
      cue: quotation.cue,
      start: quote[0],
      end: quote[1],
    },
  };
}

const whole = (text: string) => ({ start: 0, end: text.length });

/**
 * A quotation the plain excerpt shows in full, so its speaker is credited all the same: the one
 * with the most matched words, if any.
 */
function quotedIn(text: string, excerpt: Excerpt, quotations: StoredQuotation[]): { quote?: QuoteShown } {
  let best: { quote: QuoteShown; count: number } | undefined;
  for (const quotation of quotations) {
    if (quotation.speaker === null) continue;
    const words = text.slice(quotation.start, quotation.end);
    const start = excerpt.text.indexOf(words);
    if (words === '' || start < 0) continue;
    const count = distinctMarksIn(excerpt.text, excerpt.marks, { start, end: start + words.length });
    if (best && count <= best.count) continue;
    best = {
      quote: {
        text: words,
        speaker: quotation.speaker,
        cue: quotation.cue,
        start,
        end: start + words.length,
      },
      count,
    };
  }
  return best ? { quote: best.quote } : {};
}

/**
 * The MATCH that marks a candidate's words: one for the page, or one per candidate (a partial
 * match is marked with the words it has; see highlightedRows).
 */
export type MarkingMatch = string | ((candidate: Candidate) => string);

/**
 * The headline and body of each candidate's document, its matched words marked (unmarked where
 * the match is empty): one query per distinct MATCH. Each document must match the MATCH it is
 * highlighted with: FTS5 finds a listed rowid that lacks some of an AND or a phrase by reading
 * on to the expression's next match — at a million passages, milliseconds per row.
 */
function highlightedRows(reader: IndexReader, candidates: Candidate[], match: MarkingMatch) {
  const byMatch = new Map<string, number[]>();
  for (const candidate of candidates) {
    const expression = typeof match === 'string' ? match : match(candidate);
    const documents = byMatch.get(expression) ?? [];
    documents.push(candidate.documentId);
    byMatch.set(expression, documents);
  }
  const rows = new Map<number, { title: string; body: string }>();
  for (const [expression, documents] of byMatch) {
    const found = expression === '' ? reader.texts(documents) : reader.highlights(expression, documents);
    for (const row of found) rows.set(row.id, row);
  }
  return rows;
}

/**
 * The hits for `candidates`, ranked from `firstRank`. `match` marks the matched words (empty for
 * a `who:` search without words); `markWeight` says how much each matched word counts when
 * choosing the excerpt's sentences; `speakerKeys`, from `who:`, makes each excerpt that
 * speaker's quotation.
 */
export function buildHits(
  reader: IndexReader,
  candidates: Candidate[],
  match: MarkingMatch,
  firstRank: number,
  markWeight?: MarkWeight,
  speakerKeys?: ReadonlySet<string>,
): SearchHit[] {
  if (candidates.length === 0) return [];
  const ids = candidates.map((c) => c.passageId);
  const highlighted = highlightedRows(reader, candidates, match);
  const quotations = new Map<number, StoredQuotation[]>();
  for (const quotation of reader.quotations(ids)) {
    const list = quotations.get(quotation.passageId) ?? [];
    list.push(quotation);
    quotations.set(quotation.passageId, list);
  }
  const articles = new Map(
    reader.attributions(candidates.map((c) => c.articleId)).map(({ id, ...article }) => [id, article]),
  );
  return candidates.map((candidate, index) => {
    // Every row matches (it came from this MATCH) unless a re-index replaced it in between.
    const row = highlighted.get(candidate.documentId) ?? { title: '', body: '' };
    const body = parseHighlighted(row.body);
    const article = articles.get(candidate.articleId) ?? unknownArticle;
    const { excerpt, quote } = excerptFor(
      body.text,
      body.marks,
      quotations.get(candidate.passageId) ?? [],
      speakerKeys,
      markWeight,
    );
    return {
      rank: firstRank + index,
      score: -candidate.rank,
      passageId: candidate.passageId,
      articleId: candidate.articleId,
      excerpt,
      titleMarks: parseHighlighted(row.title).marks,
      article,
      alsoIn: reader.alsoIn(candidate.fingerprint, candidate.articleId, article.source),
      ...(quote ? { quote } : {}),
    };
  });
}
