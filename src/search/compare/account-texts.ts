/**
 * Each account's own words: the quotations its side issued and the sentences that report what it
 * said without quoting ("The Kremlin also said that Obama thanked Putin…"), as texts (for what it
 * mentions that others do not) and as key sentences (quotations first, shown as search hits
 * are: the quotation in its sentence, credited to its speaker, with the article's attribution).
 */
import type { StoredQuotation } from '../../index/reader.js';
import { splitSentences } from '../../text/sentences.js';
import type { Attribution, Excerpt, SearchHit } from '../answer.js';
import { cutExcerpt, type Mark } from '../excerpt.js';
import { excerptLength } from '../hits.js';
import { buildQuoteExcerpt, distinctMarksIn } from '../quote-excerpt.js';
import { namesSide } from './account-sides.js';

/** A passage of the event with its matched words marked (or none). */
export interface MarkedPassage {
  id: number;
  articleId: number;
  text: string;
  marks: Mark[];
  quotations: StoredQuotation[];
}

/** A side as the statements see it: its key, and the quotations it issued. */
export interface SideWords {
  key: string;
  /** Its speaker's surname or institution words, to find the sentences that report it. */
  names: string[];
  quotations: StoredQuotation[];
}

/** Words that make a sentence a report of what someone said. */
const reportingCue =
  /\b(?:said|says|stated|statement|reported|according|noted|stressed|added|told|readout|announced|confirmed|urged|expressed|emphasi[sz]ed)\b/iu;

/** A reported sentence: which passage, and where. */
export interface ReportedSentence {
  passage: MarkedPassage;
  start: number;
  end: number;
}

/**
 * The sentences of `passages` that report what one of `sides` said without quoting it: they name
 * that side (and no other), carry a reporting word, and hold no quotation. Returned per side, in
 * the sides' order.
 */
export function reportedSentences(
  passages: readonly MarkedPassage[],
  sides: readonly SideWords[],
): ReportedSentence[][] {
  const found: ReportedSentence[][] = sides.map(() => []);
  for (const passage of passages) {
    let from = 0;
    for (const sentence of splitSentences(passage.text)) {
      const start = passage.text.indexOf(sentence, from);
      const end = start + sentence.length;
      from = end;
      if (!reportingCue.test(sentence)) continue;
      if (passage.quotations.some((q) => q.start < end && q.end > start)) continue;
      const named = sides.flatMap((side, index) =>
        side.names.some((name) => namesSide(sentence, name)) ? [index] : [],
      );
      if (named.length === 1) found[named[0]!]!.push({ passage, start, end });
    }
  }
  return found;
}

function hit(passage: MarkedPassage, article: Attribution, excerpt: Excerpt): SearchHit {
  return {
    rank: 0,
    score: 0,
    passageId: passage.id,
    articleId: passage.articleId,
    excerpt,
    titleMarks: [],
    article,
    alsoIn: [],
  };
}

/** A quotation as a key sentence: the quotation in its sentence, credited to its speaker. */
export function quotationStatement(
  passage: MarkedPassage,
  quotation: StoredQuotation,
  article: Attribution,
): SearchHit {
  const { excerpt, quote } = buildQuoteExcerpt(passage.text, passage.marks, [quotation], excerptLength);
  return {
    ...hit(passage, article, excerpt),
    quote: {
      text: passage.text.slice(quotation.start, quotation.end),
      speaker: quotation.speaker,
      cue: quotation.cue,
      start: quote[0],
      end: quote[1],
    },
  };
}

/** A reported sentence as a key sentence. */
export function reportedStatement(sentence: ReportedSentence, article: Attribution): SearchHit {
  const { excerpt } = cutExcerpt(sentence.passage.text, sentence.passage.marks, sentence);
  return hit(sentence.passage, article, excerpt);
}

/**
 * The quotations to show for a side, best first: whole quotations before partial ones, then
 * those holding more of the query's words, then the longer (up to an excerpt's length); one per
 * passage, and none repeating another's words.
 */
export function keyQuotations(
  quotations: readonly StoredQuotation[],
  passages: ReadonlyMap<number, MarkedPassage>,
  max: number,
): StoredQuotation[] {
  const scored = quotations
    .map((quotation) => {
      const passage = passages.get(quotation.passageId);
      const length = quotation.end - quotation.start;
      const matched = passage ? distinctMarksIn(passage.text, passage.marks, quotation) : 0;
      return {
        quotation,
        score: (quotation.partial ? 0 : 4) + matched + Math.min(length, excerptLength) / excerptLength,
      };
    })
    .sort((a, b) => b.score - a.score);
  const chosen: StoredQuotation[] = [];
  const seenPassages = new Set<number>();
  const seenWords: string[] = [];
  for (const { quotation } of scored) {
    if (chosen.length >= max) break;
    const passage = passages.get(quotation.passageId);
    if (!passage || seenPassages.has(quotation.passageId)) continue;
    const words = passage.text.slice(quotation.start, quotation.end).toLowerCase();
    if (seenWords.some((seen) => seen.includes(words) || words.includes(seen))) continue;
    seenPassages.add(quotation.passageId);
    seenWords.push(words);
    chosen.push(quotation);
  }
  return chosen;
}
