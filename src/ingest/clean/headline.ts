/**
 * Finding the headline among an article's first lines (after site chrome, around a byline and a
 * date), and a stand-in headline from the body when an article has none.
 */
import { normalizeWhitespace } from '../../text/whitespace.js';
import { readByline, readDateLine } from './byline.js';
import { readDateline } from './dateline.js';
import { closingMarks, isUrlLine, words } from './line-shape.js';
import { isSiteChrome } from './site-chrome.js';

/**
 * Whether a line reads as a headline: at least three words, not a sentence ending in a period,
 * and not chrome, a dateline, a date, a URL or a byline.
 *
 * @example isHeadlineLike("Obama-Putin Hold 'Intense' Talk on Syria") // true
 */
export function isHeadlineLike(line: string): boolean {
  if (line.length > 200 || isSiteChrome(line)) return false;
  const count = words(line).length;
  if (count < 3 || count > 40) return false;
  if (/[.…:;,]$/u.test(line.replace(closingMarks, ''))) return false;
  return readDateline(line).source === undefined;
}

/** What the lines before an article's first paragraph give. */
export interface ArticleHeader {
  title?: string;
  author?: string;
  published?: string;
  url?: string;
  /** The paragraphs after the headline (or all of them when there is none), uncleaned. */
  rest: string[];
}

/**
 * Finds the headline among an article's leading paragraphs, skipping site chrome before it, and
 * picks up a byline, date or URL printed around it. The search stops at the first paragraph that
 * reads as body text, so a subhead further down is never taken for the headline.
 */
export function readHeader(paragraphs: readonly string[]): ArticleHeader {
  const header: Omit<ArticleHeader, 'rest'> = {};
  // Headline-like lines seen before the body: usually one; a masthead or section name can come
  // first ("Eastbank Evening Post" / "Weather" / the headline / "By …").
  const candidates: string[] = [];
  // A byline or date under the candidates ends the header (above them, it is part of it).
  let bylineUnderCandidates = false;
  let index = 0;
  for (; index < paragraphs.length; index++) {
    const paragraph = normalizeWhitespace(paragraphs[index]!);
    if (paragraph === '') continue;
    if (isUrlLine(paragraph)) {
      header.url ??= paragraph;
      continue;
    }
    const author = readByline(paragraph);
    if (author !== undefined) {
      header.author ??= author;
      bylineUnderCandidates ||= candidates.length > 0;
      continue;
    }
    const published = readDateLine(paragraph);
    if (published !== undefined) {
      header.published ??= published;
      bylineUnderCandidates ||= candidates.length > 0;
      continue;
    }
    if (isSiteChrome(paragraph)) continue;
    // Past the byline and date, or at the first line of body text, the header is over.
    if (bylineUnderCandidates || !isHeadlineLike(paragraph) || candidates.length >= maxHeadlineCandidates)
      break;
    candidates.push(paragraph);
  }
  const chosen = chooseHeadline(candidates, bylineUnderCandidates);
  if (chosen >= 0) header.title = candidates[chosen];
  // Lines after the headline (a standfirst) are text; lines before it were masthead or chrome.
  return { ...header, rest: [...candidates.slice(chosen + 1), ...paragraphs.slice(index)] };
}

const maxHeadlineCandidates = 3;
/** A masthead or section name is short; a headline rarely is. */
const mastheadWords = 5;

/**
 * Index of the headline among the candidate lines. With a byline or date under them, a short
 * first line is a masthead or section name, so the first longer line is the headline; without
 * one, the first line is (later ones are a standfirst).
 */
function chooseHeadline(candidates: string[], bylineUnder: boolean): number {
  if (candidates.length === 0) return -1;
  if (!bylineUnder || candidates.length === 1) return 0;
  const longer = candidates.findIndex((line) => words(line).length > mastheadWords);
  return Math.max(longer, 0);
}

/** Length of a title made from the body's first sentence when the article has no headline. */
const fallbackTitleLength = 120;

/**
 * A headline for an article that has none: its first sentence, shortened at a word with '…' when
 * long. Better than a file name in an attribution, and still the article's own words.
 */
export function titleFromBody(firstParagraph: string): string {
  const sentence = /^.+?[.!?…](?=\s|$)/u.exec(firstParagraph)?.[0] ?? firstParagraph;
  if (sentence.length <= fallbackTitleLength) return sentence;
  const cut = sentence.slice(0, fallbackTitleLength);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : cut.length).replace(/[\s,;:]+$/u, '')}…`;
}
