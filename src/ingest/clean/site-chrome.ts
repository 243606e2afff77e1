/**
 * Site chrome: menus, share buttons, "Advertisement", bylines and dates — the furniture around an
 * article that scraped text carries and that must never be quoted as the article's words.
 */
import { readByline, readDateLine } from './byline.js';
import { endsSentence, isUrlLine, words } from './line-shape.js';

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

function isMenuLine(line: string): boolean {
  const items = line.split(/\s*[|•·»]\s*/u).filter((item) => item !== '');
  return items.length >= 3 && items.every((item) => words(item).length <= 3 && !endsSentence(item));
}

/** Longer lines are never chrome: the longest menus and copyright lines seen are well under this. */
const chromeMaxLength = 240;

/**
 * Whether a line is known site furniture, whatever its place: a known phrase ('Share',
 * 'Advertisement', 'Accessibility links'), a menu, a URL, a copyright line, a byline or a date.
 * Unlike `isSiteChrome`, a short line is not chrome by its length alone, so a three-word headline
 * ('Chelsea sack Mutu', 'Newcastle 2-1 Bolton') survives.
 */
export function isKnownChrome(line: string): boolean {
  // Chrome is short (a label, a menu, a byline); skip the regexes for paragraphs of text.
  if (line.length > chromeMaxLength) return false;
  const key = line
    .toLowerCase()
    .replace(/[\s:.…»›>]+$/u, '')
    .trim();
  if (chromePhrases.has(key)) return true;
  if (/^(?:©|copyright\b|\(c\)\s)/iu.test(line) && words(line).length < 12) return true;
  if (isUrlLine(line) || isMenuLine(line)) return true;
  return readByline(line) !== undefined || readDateLine(line) !== undefined;
}

/**
 * Whether a line between paragraphs of text is site chrome: known furniture (`isKnownChrome`), or
 * a short line of fewer than four words that is not a sentence ('Other topics', '1/12'). The
 * header is read with `isKnownChrome` instead (see headline.ts), where a short line may be the
 * headline.
 */
export function isSiteChrome(line: string): boolean {
  if (line.length > chromeMaxLength) return false;
  return isKnownChrome(line) || (words(line).length < 4 && !endsSentence(line));
}
