/**
 * Finding the headline among an article's first lines (after site chrome, around a byline and a
 * date), and a stand-in headline from the body when an article has none.
 */
import { normalizeWhitespace } from '../../text/whitespace.js';
import { isPublicationDateLine, readByline, readBylineDate, readDateLine } from './byline.js';
import { readDateline } from './dateline.js';
import { closingMarks, isUrlLine, words } from './line-shape.js';
import { isKnownChrome, isSiteChrome } from './site-chrome.js';

/**
 * Whether a line reads as a headline: at least three words ('Chelsea sack Mutu', 'Newcastle 2-1
 * Bolton'), not a sentence ending in a period, and not known chrome, a dateline, a date, a URL
 * or a byline. Shortness alone never rules a line out: a short headline is common.
 *
 * @example isHeadlineLike("Obama-Putin Hold 'Intense' Talk on Syria") // true
 */
export function isHeadlineLike(line: string): boolean {
  if (line.length > 200 || isKnownChrome(line)) return false;
  const count = words(line).length;
  if (count < 3 || count > 40) return false;
  // A full stop ends a sentence; an ellipsis ('My memories of Marley...') may end a headline.
  if (/(?<!\.)\.$|[:;,]$/u.test(line.replace(closingMarks, ''))) return false;
  return readDateline(line).source === undefined;
}

/** What the lines before an article's first paragraph give. */
export interface ArticleHeader {
  title?: string;
  /** The outlet, from a masthead line above the headline. */
  source?: string;
  author?: string;
  published?: string;
  url?: string;
  /** The paragraphs after the headline (or all of them when there is none), uncleaned. */
  rest: string[];
}

/**
 * Finds the headline among an article's leading paragraphs, skipping site chrome before it, and
 * picks up a masthead, byline, date or URL printed around it. The search stops at the first
 * paragraph that reads as body text, so a subhead further down is never taken for the headline,
 * and a date is read only from the header: a byline's date, or a date line that gives a year or
 * says it is the publication date (a fixture's 'Saturday, 26 February' is not).
 */
export function readHeader(paragraphs: readonly string[]): ArticleHeader {
  const header: Omit<ArticleHeader, 'rest'> = {};
  // Headline-like lines seen before the body: usually one; a masthead can come first
  // ("Eastbank Evening Post" / the headline / "By …").
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
    const published = author === undefined ? readDateLine(paragraph) : readBylineDate(paragraph);
    if (author !== undefined || published !== undefined) {
      header.author ??= author;
      if (published !== undefined && (author !== undefined || isPublicationDateLine(paragraph, published)))
        header.published ??= published;
      bylineUnderCandidates ||= candidates.length > 0;
      continue;
    }
    if (isHeadlineLike(paragraph)) {
      // Past the byline and date, the header is over.
      if (bylineUnderCandidates || candidates.length >= maxHeadlineCandidates) break;
      candidates.push(paragraph);
      continue;
    }
    // Chrome, or a short label ('Weather', a venue); anything else is the first line of the body.
    if (!isSiteChrome(paragraph)) break;
  }
  const chosen = chooseHeadline(candidates, bylineUnderCandidates);
  if (chosen >= 0) header.title = candidates[chosen];
  if (chosen > 0) header.source = candidates[0];
  // Lines after the headline (a standfirst) are text; lines before it were masthead or chrome.
  const result: ArticleHeader = {
    ...header,
    rest: [...candidates.slice(chosen + 1), ...paragraphs.slice(index)],
  };
  return Object.fromEntries(
    Object.entries(result).filter(([, value]) => value !== undefined),
  ) as ArticleHeader;
}

const maxHeadlineCandidates = 3;
/** A masthead is a short name ('Quillhaven Courier (sample)'); a headline rarely is one. */
const mastheadWords = 5;

/** Whether a line reads as an outlet's name: a few capitalised words, an aside in brackets. */
function looksLikeMasthead(line: string): boolean {
  const named = line.replace(/\s*\([^)]*\)\s*$/u, '');
  const parts = words(named);
  return (
    parts.length > 0 &&
    parts.length <= mastheadWords &&
    parts.every((word) => /^[\p{Lu}\d&]/u.test(word) || /^(?:of|the|and|de|on)$/u.test(word))
  );
}

/**
 * Index of the headline among the candidate lines. With a byline or date under them, a first line
 * that reads as an outlet's name is a masthead, so the next line is the headline; otherwise the
 * first line is (later ones are a standfirst).
 */
function chooseHeadline(candidates: string[], bylineUnder: boolean): number {
  if (candidates.length === 0) return -1;
  return bylineUnder && candidates.length > 1 && looksLikeMasthead(candidates[0]!) ? 1 : 0;
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
