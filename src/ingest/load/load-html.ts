/**
 * The .html/.htm loader: Mozilla's Readability (the engine of Firefox's reader view) finds the
 * article in a saved page, over a linkedom document; the body is read block by block from what it
 * keeps, so navigation, ads, asides and footers stay out and paragraphs stay paragraphs.
 */
import { normalizeWhitespace } from '../../text/whitespace.js';
import type { LoadedFile } from '../article.js';
import { readByline } from '../clean/byline.js';
import { composeDraft, noArticleError } from '../clean/draft.js';
import { normalizePublished } from '../clean/published.js';
import { decodeArticleBytes } from './decode.js';
import { linkedom, readability } from './parsers.js';

/** The little of the DOM this module uses (the project compiles without the DOM library). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}
interface DomDocument extends DomElement {
  title: string;
  body: DomElement | null;
  documentElement: DomElement;
}

const textNode = 3;
const elementNode = 1;

/** Elements whose content is a paragraph of its own (or holds paragraphs). */
// biome-ignore format: a word list
const blockElements = new Set(
  [
    'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl',
    'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
    'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
    'thead', 'tr', 'ul',
  ].map((name) => name.toUpperCase()),
);

/** Elements that never hold article text. */
// biome-ignore format: a word list
const skippedElements = new Set(
  [
    'aside', 'audio', 'button', 'canvas', 'embed', 'footer', 'form', 'head', 'iframe', 'input', 'math',
    'nav', 'noscript', 'object', 'script', 'select', 'style', 'svg', 'template', 'textarea', 'video',
  ].map((name) => name.toUpperCase()),
);

/**
 * The text of an element as paragraphs: one per block element (p, li, blockquote, h2, figcaption,
 * td …), inline markup flattened, `<br><br>` a paragraph break, scripts/nav/asides/footers left out.
 */
export function readBlocks(root: DomNode): string[] {
  const blocks: string[] = [];
  let current = '';
  let afterBreak = false;
  const flush = () => {
    const text = normalizeWhitespace(current);
    if (text !== '') blocks.push(text);
    current = '';
    afterBreak = false;
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === textNode) {
      const text = node.textContent ?? '';
      current += text;
      if (text.trim() !== '') afterBreak = false;
      return;
    }
    if (node.nodeType !== elementNode || skippedElements.has(node.nodeName.toUpperCase())) return;
    const name = node.nodeName.toUpperCase();
    if (name === 'BR') {
      if (afterBreak) flush();
      else {
        current += ' ';
        afterBreak = true;
      }
      return;
    }
    const block = blockElements.has(name);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks;
}

/** Parses an HTML document or fragment. */
export function parseDocument(html: string): DomDocument {
  // A fragment is wrapped so that linkedom gives it a body.
  const page = /<html[\s>]/i.test(html)
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return linkedom().parseHTML(page).document as unknown as DomDocument;
}

/** Paragraphs of an HTML fragment (a JSON body or rendered markdown). */
export function htmlFragmentBlocks(html: string): string[] {
  const document = parseDocument(html);
  return readBlocks(document.body ?? document.documentElement);
}

/** Whether a text (a JSON body) is HTML markup rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<(?:p|div|br|li|h[1-6]|blockquote|article|section)\b[^>]*>/i.test(text);
}

function metaContent(document: DomDocument, ...keys: string[]): string | undefined {
  for (const key of keys) {
    for (const attribute of ['property', 'name', 'itemprop']) {
      const value = document.querySelector(`meta[${attribute}="${key}" i]`)?.getAttribute('content');
      if (value && value.trim() !== '') return value.trim();
    }
  }
  return undefined;
}

function absoluteUrl(value: string | null | undefined): string | undefined {
  const url = value?.trim();
  return url && /^https?:\/\/\S+$/i.test(url) ? url : undefined;
}

/** Attribution from the page's meta tags, read before Readability rearranges the document. */
function readMetaTags(document: DomDocument) {
  const author = metaContent(document, 'author', 'article:author', 'byl', 'dc.creator', 'parsely-author');
  return {
    title: metaContent(document, 'og:title', 'twitter:title', 'dc.title', 'headline'),
    source: metaContent(document, 'og:site_name', 'application-name', 'publisher'),
    // article:author is often a profile URL, which is not a name.
    author: author && !/^https?:/i.test(author) ? author : undefined,
    published:
      metaContent(
        document,
        'article:published_time',
        'og:published_time',
        'datePublished',
        'pubdate',
        'publishdate',
        'date',
        'dc.date',
        'dc.date.issued',
        'sailthru.date',
        'parsely-pub-date',
      ) ??
      document.querySelector('time[datetime]')?.getAttribute('datetime') ??
      undefined,
    url:
      absoluteUrl(metaContent(document, 'og:url', 'twitter:url')) ??
      absoluteUrl(document.querySelector('link[rel="canonical" i]')?.getAttribute('href')),
    heading: normalizeWhitespace(document.querySelector('h1')?.textContent ?? ''),
  };
}

/** The encoding a page declares in its first kilobyte (`<meta charset>`), if any. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
}

function cleanAuthor(byline: string | null | undefined): string | undefined {
  const text = normalizeWhitespace(byline ?? '');
  if (text === '' || text.length > 100) return undefined;
  return readByline(text) ?? text;
}

/** Readability's reading of the page; `null` when it finds no article (the whole body is read then). */
function findArticle(document: DomDocument) {
  const { Readability } = readability();
  try {
    // The serializer hands back the article's container element, read without re-parsing HTML.
    return new Readability<DomNode>(document as never, { serializer: (node) => node as DomNode }).parse();
  } catch {
    // Readability is heuristic code over an unusual DOM; a page it trips on is still read whole.
    return null;
  }
}

/**
 * Loads a saved web page: title, body and attribution (Readability's byline, site name and
 * published time, then og:/article: meta tags and the canonical link).
 */
export function loadHtml(bytes: Uint8Array): LoadedFile {
  const { text } = decodeArticleBytes(bytes, { declaredEncoding: declaredCharset(bytes) });
  const document = parseDocument(text);
  const meta = readMetaTags(document);
  const article = findArticle(document);
  const content = article?.content ?? document.body;
  const paragraphs = content ? readBlocks(content) : [];
  const title =
    normalizeWhitespace(article?.title ?? '') ||
    meta.title ||
    normalizeWhitespace(document.title) ||
    meta.heading;
  const draft = composeDraft(
    {
      title,
      source: normalizeWhitespace(article?.siteName ?? '') || meta.source,
      author: cleanAuthor(article?.byline) ?? meta.author,
      published: normalizePublished(article?.publishedTime) ?? normalizePublished(meta.published),
      url: meta.url,
    },
    paragraphs,
  );
  if (draft === undefined) throw noArticleError(title);
  return { articles: [draft], problems: [] };
}
