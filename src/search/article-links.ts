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
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return [];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (trackingParameter.test(name)) url.searchParams.delete(name);
  }
  const host = url.hostname.replace(/^www\./i, '');
  const path = url.pathname.replace(/\/+$/, '');
  const tail = `${url.port ? `:${url.port}` : ''}${path}`;
  const query = url.search;
  const variants = [link.trim()];
  for (const scheme of ['https', 'http']) {
    for (const www of ['', 'www.']) {
      for (const slash of path === '' ? ['/'] : ['', '/']) {
        variants.push(`${scheme}://${www}${host}${tail}${slash}${query}`);
      }
    }
  }
  return [...new Set(variants)];
}
