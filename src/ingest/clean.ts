/**
 * Cleaning shared by every loader: whitespace, site chrome (menus, share buttons, "Advertisement"),
 * repeated captions, and finding the headline among the first lines of scraped text.
 *
 * Text is otherwise kept verbatim: curly and straight quotes, dashes and spelling stay as written,
 * because Readout quotes passages word for word.
 */
import { ArticleError } from '../errors.js';
import type { ArticleDraft } from './article.js';
import { readDateline } from './dateline.js';
import { monthPattern, normalizePublished, readWrittenDate } from './published.js';

/** Anything normalizeWhitespace would change: invisible characters, control codes, whitespace
 * other than single spaces between words. */
const needsWhitespaceWork = /[\u200b\u00ad\ufeff\p{Cc}]|[^\S ]| {2}|^ | $/u;

/**
 * Collapses runs of spaces (including no-break and other Unicode spaces, tabs and line breaks) to
 * one space, drops invisible characters, and trims.
 *
 * @example normalizeWhitespace(' Obama\u00a0 and\tPutin ') // 'Obama and Putin'
 */
export function normalizeWhitespace(text: string): string {
  // Most text is already clean, and paragraphs pass here more than once: one scan, no copies.
  if (!needsWhitespaceWork.test(text)) return text;
  return (
    text
      // Zero-width spaces, soft hyphens, stray byte order marks and control codes carry no text.
      .replace(/[\u200b\u00ad\ufeff]|[^\P{Cc}\t\n\v\f\r]/gu, '')
      .replace(/\s+/gu, ' ')
      .trim()
  );
}

/** Lines that are site furniture wherever they appear (compared lowercased, without end punctuation). */
const chromePhrases = new Set([
  'accessibility links',
  'skip to content',
  'skip to main content',
  'skip to navigation',
  'skip advertisement',
  'breaking news',
  'all news',
  'latest news',
  'top stories',
  'share',
  'share this',
  'share this article',
  'share this story',
  'share on facebook',
  'share on twitter',
  'share via email',
  'tweet',
  'email',
  'print',
  'comments',
  'advertisement',
  'advertising',
  'sponsored',
  'sponsored content',
  'supported by',
  'menu',
  'home',
  'search',
  'sign in',
  'log in',
  'subscribe',
  'subscribe now',
  'newsletter',
  'sign up',
  'follow us',
  'related',
  'related articles',
  'related stories',
  'read more',
  'read next',
  'see also',
  'most read',
  'most popular',
  'trending',
  'close',
  'back to top',
  'copy link',
  'link copied',
  'continue reading',
  'continue reading the main story',
  'story continues below advertisement',
  'advertisement - scroll to continue',
  'scroll to continue with content',
  'show comments',
  'hide caption',
  'toggle caption',
  'enlarge this image',
  'image caption',
  'media caption',
  'image source',
  'getty images',
]);

const terminalPunctuation = /[.!?…]$/u;
/** Closing quotes and brackets that may follow a sentence's final punctuation. */
const closingMarks = /[”’"'»)\]]+$/u;

function words(line: string): string[] {
  return line.split(' ').filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/** Whether a line ends a sentence: '.', '!', '?' or '…', possibly inside closing quotes. */
export function endsSentence(line: string): boolean {
  return terminalPunctuation.test(line.replace(closingMarks, ''));
}

function isUrlLine(line: string): boolean {
  return /^(?:https?:\/\/|www\.)\S+$/iu.test(line);
}

/** 'By Jane Roe', 'By Jane Roe and John Doe | Reuters': the author's name, when the line is a byline. */
export function readByline(line: string): string | undefined {
  const match = /^[Bb][Yy]:?\s+(\p{Lu}[^|•·,;]*?)(?:\s*(?:[|•·,;]|\s[-–—]\s).*)?$/u.exec(line);
  if (!match || words(line).length > 12 || endsSentence(line)) return undefined;
  return match[1]!.trim();
}

const weekdayOrTimeWords = new RegExp(
  `(?<!\\p{L})(?:${monthPattern}|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|published|updated|posted|last|modified|on|at|date|time|am|pm|a\\.m|p\\.m|gmt|utc|bst|cet|cest|msk|est|edt|cst|cdt|pst|pdt|et)(?!\\p{L})`,
  'giu',
);

/** A line that only gives a date and time ('Published: 5 Sept 2016 10:32 BST'), or undefined. */
export function readDateLine(line: string): string | undefined {
  const leftover = line
    .replace(weekdayOrTimeWords, ' ')
    .replace(/\d+(?:st|nd|rd|th)?/giu, ' ')
    .replace(/[^\p{L}]+/gu, '');
  if (leftover !== '') return undefined;
  return normalizePublished(line) ?? readWrittenDate(line);
}

function isMenuLine(line: string): boolean {
  const items = line.split(/\s*[|•·»]\s*/u).filter((item) => item !== '');
  return items.length >= 3 && items.every((item) => words(item).length <= 3 && !endsSentence(item));
}

/**
 * Whether a line is site chrome rather than article text: a known phrase ('Share',
 * 'Advertisement', 'Accessibility links'), a menu, a URL, a byline, a date, or a short line of
 * fewer than four words that is not a sentence.
 */
/** Longer lines are never chrome: the longest menus and copyright lines seen are well under this. */
const chromeMaxLength = 240;

export function isSiteChrome(line: string): boolean {
  // Chrome is short (a label, a menu, a byline); skip the regexes for paragraphs of text.
  if (line.length > chromeMaxLength) return false;
  const key = line
    .toLowerCase()
    .replace(/[\s:.…»›>]+$/u, '')
    .trim();
  if (chromePhrases.has(key)) return true;
  if (/^(?:©|copyright\b|\(c\)\s)/iu.test(line) && words(line).length < 12) return true;
  if (isUrlLine(line) || isMenuLine(line)) return true;
  if (readByline(line) !== undefined || readDateLine(line) !== undefined) return true;
  return words(line).length < 4 && !endsSentence(line);
}

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

/** Longest line (in characters) of a hard-wrapped block; scraped text puts a paragraph on one line. */
const wrapWidthLimit = 100;

/** Whether a block's lines are one paragraph wrapped at a fixed width rather than separate lines. */
function looksHardWrapped(lines: string[]): boolean {
  if (lines.length < 2 || lines.some((line) => line.length > wrapWidthLimit)) return false;
  const inner = lines.slice(0, -1);
  const width = Math.max(...lines.map((line) => line.length));
  const even = inner.every((line) => line.length >= Math.max(40, width * 0.6));
  if (!even || inner.every(endsSentence)) return false;
  // Two lines could be a headline over a short paragraph: join them only mid-sentence.
  return lines.length > 2 || /^[\p{Ll}\d]/u.test(lines[1]!);
}

/**
 * Splits plain text into paragraphs: blocks separated by blank lines; within a block each line is
 * a paragraph, unless the block is prose wrapped at a fixed width, whose lines are joined.
 *
 * @example splitTextParagraphs('Headline here now\n\nFirst line.\nSecond line.') // ['Headline here now', 'First line.', 'Second line.']
 */
export function splitTextParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block
      .split('\n')
      .map(normalizeWhitespace)
      .filter((line) => line !== '');
    if (!looksHardWrapped(lines)) {
      paragraphs.push(...lines);
      continue;
    }
    // A word broken at a hyphen is joined without a space ("Russian-backed").
    paragraphs.push(
      lines.reduce((joined, line) => (/\p{L}-$/u.test(joined) ? joined + line : `${joined} ${line}`)),
    );
  }
  return paragraphs;
}

/**
 * Normalises paragraphs and drops what is not article text: empty lines, site chrome, the
 * headline repeated, and any paragraph already seen (a caption printed twice is kept once).
 */
export function cleanParagraphs(paragraphs: readonly string[], title = ''): string[] {
  const seen = new Set<string>([normalizeWhitespace(title)]);
  const kept: string[] = [];
  for (const raw of paragraphs) {
    const paragraph = normalizeWhitespace(raw);
    if (paragraph === '' || seen.has(paragraph) || isSiteChrome(paragraph)) continue;
    seen.add(paragraph);
    kept.push(paragraph);
  }
  return kept;
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

/** Metadata a file gives about its article; anything missing may be filled from the text. */
export interface ArticleMetadata {
  item?: string;
  title?: string;
  source?: string;
  author?: string;
  published?: string;
  url?: string;
}

/**
 * Assembles a draft from metadata and cleaned paragraphs: the title falls back to the body's first
 * sentence, and a missing source or date is read from a wire dateline in the first paragraphs.
 * Returns `undefined` when there is no text.
 */
export function composeDraft(
  metadata: ArticleMetadata,
  paragraphs: readonly string[],
): ArticleDraft | undefined {
  const title = normalizeWhitespace(metadata.title ?? '');
  const body = cleanParagraphs(paragraphs, title);
  if (body.length === 0) return undefined;
  const dateline = metadata.source && metadata.published ? {} : readDateline(body.join('\n'));
  const fields = {
    source: blankToUndefined(metadata.source) ?? dateline.source,
    author: blankToUndefined(metadata.author),
    published: metadata.published ?? dateline.published,
    url: blankToUndefined(metadata.url),
  };
  return {
    item: metadata.item ?? '',
    title: title === '' ? titleFromBody(body[0]!) : title,
    body: body.join('\n\n'),
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
  };
}

function blankToUndefined(value: string | undefined): string | undefined {
  const text = normalizeWhitespace(value ?? '');
  return text === '' ? undefined : text;
}

/** The error for a one-article file that holds no article text once cleaned. */
export function noArticleError(title: string | undefined): ArticleError {
  return new ArticleError(
    title ? 'no article text (only a headline)' : 'no article found (no headline or text)',
  );
}

/** Longest paragraph still read as a photo caption. */
const captionMaxLength = 400;
const captionPrefix = /^(?:FILE(?: PHOTO)?|PHOTO|IMAGE)\s*[-–—:]\s/u;
const captionPosition = /\((?:L|R|C|left|right|centre|center|top|bottom)\)/iu;
const captionCredit =
  /\((?:[\p{L}. ]+\/)?(?:[\p{L}. ]+ )?(?:Photo|Image)[^)]*\)\.?$|(?:Photo|Image|Picture):\s*[^.]{2,80}\.?$/u;
const captionDateline = new RegExp(`,\\s+(?:${monthPattern})\\.?\\s+\\d{1,2},\\s+\\d{4}\\.?$`, 'iu');

/**
 * Whether a passage is only photo captions (each line): "FILE - …", a trailing ", April 16,
 * 2016.", a position mark "(L)", or a photo credit. A caption is kept as text, but an article's
 * headline belongs with its first real paragraph, not with a caption.
 *
 * @example isPhotoCaption('Civil defense members … Old Aleppo, Syria, April 16, 2016.') // true
 */
export function isPhotoCaption(passage: string): boolean {
  return passage.split('\n').every((raw) => {
    const line = raw.trim();
    return (
      line.length <= captionMaxLength &&
      (captionPrefix.test(line) ||
        captionPosition.test(line) ||
        captionCredit.test(line) ||
        captionDateline.test(line.toLowerCase()))
    );
  });
}
