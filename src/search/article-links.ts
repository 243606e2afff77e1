/**
 * Finding an archive article from a link someone posted. The link in a message and the URL in
 * the archive often differ in ways that do not change the page: http or https, a `www.`, a
 * trailing slash, tracking parameters, a #fragment. Pure.
 */
import type { LinkedArticle } from '../index/reader.js';

export type { LinkedArticle };

/** Query parameters that only track where a click came from. */
const trackingParameter = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$/i;

/**
 * The spellings of a link under which the archive may have stored it, the link as posted first;
 * empty for anything that is not an http(s) URL.
 *
 * @example linkVariants('https://www.example.org/a/?utm_source=x') // includes 'http://example.org/a'
 */
export function linkVariants(link: string): string[] {
  const parts = linkParts(link);
  if (!parts) return [];
  const { host, path, tail, query } = parts;
  const variants = [link.trim(), `https://${host}${tail}${query}`];
  for (const scheme of ['https', 'http']) {
    for (const www of ['', 'www.']) {
      for (const slash of path === '' ? ['/'] : ['', '/']) {
        variants.push(`${scheme}://${www}${host}${tail}${slash}${query}`);
      }
    }
  }
  return [...new Set(variants)];
}

/** A link's host without `www.`, its path without trailing slashes, port + path, and query. */
function linkParts(link: string): { host: string; path: string; tail: string; query: string } | undefined {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (trackingParameter.test(name)) url.searchParams.delete(name);
  }
  const host = url.hostname.replace(/^www\./i, '');
  const path = url.pathname.replace(/\/+$/, '');
  const tail = `${url.port ? `:${url.port}` : ''}${path}`;
  return { host, path, tail, query: url.search };
}

/**
 * One spelling for all of a link's variants (https, no `www.`, no trailing slash, no tracking),
 * or undefined for anything that is not an http(s) URL.
 * `canonicalLink('http://www.example.org/a/?utm_source=x')` → 'https://example.org/a'
 */
export function canonicalLink(link: string): string | undefined {
  const parts = linkParts(link);
  return parts && `https://${parts.host}${parts.tail}${parts.query}`;
}
