/**
 * What `/readout TEXT` asks for: a search (the default), one of the saved-search words
 * `watch QUERY`, `watching`, `unwatch N`, `compare QUERY` or `timeline QUERY`. Pure. To search for the word
 * "watch" itself, quote it: `/readout "watch" repairs`.
 */
export type ReadoutSubcommand =
  | { kind: 'search'; text: string }
  | { kind: 'watch'; query: string }
  | { kind: 'watching' }
  | { kind: 'unwatch'; which: string }
  | { kind: 'compare'; query: string }
  | { kind: 'timeline'; query: string };

/**
 * @example readoutSubcommand('watch ferry strike') // { kind: 'watch', query: 'ferry strike' }
 */
export function readoutSubcommand(text: string): ReadoutSubcommand {
  const compare = /^\s*compare(?:\s+([\s\S]*))?$/i.exec(text);
  if (compare) return { kind: 'compare', query: (compare[1] ?? '').trim() };
  const match = /^\s*(watch|watching|unwatch|timeline)(?:\s+([\s\S]*))?$/i.exec(text);
  if (!match) return { kind: 'search', text };
  const word = match[1]!.toLowerCase();
  const rest = (match[2] ?? '').trim();
  if (word === 'watch') return { kind: 'watch', query: rest };
  if (word === 'timeline') return { kind: 'timeline', query: rest };
  if (word === 'watching') return rest === '' ? { kind: 'watching' } : { kind: 'search', text };
  return { kind: 'unwatch', which: rest };
}
