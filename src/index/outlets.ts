/**
 * Outlets as the `source:` filter sees them: an article's outlet name and the host of its URL
 * (`source:tass` finds "ITAR-TASS" and tass.com). Each distinct pair is numbered once; passages
 * carry the number as a facet, so a filter is resolved to numbers against this short list and
 * tested with an index probe.
 */
import type { Db } from './database.js';

export interface Outlet {
  id: number;
  /** The outlet as stored ('' when the article does not say). */
  source: string;
  /** Lowercased host of the article's URL ('' when it has none or it does not parse). */
  host: string;
}

/** `urlHost('https://www.Tass.com/x')` → 'www.tass.com'; '' for no URL or not a URL. */
export function urlHost(url: string | null | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** The writer's view of the outlets table: finds or adds an article's outlet number. */
export class OutletNumbers {
  private readonly known = new Map<string, number>();
  private readonly insert;

  constructor(db: Db) {
    for (const outlet of db.prepare<[], Outlet>('SELECT id, source, host FROM outlets').all()) {
      this.known.set(key(outlet.source, outlet.host), outlet.id);
    }
    this.insert = db.prepare('INSERT INTO outlets (source, host) VALUES (?, ?)');
  }

  /** The number of an article's outlet, added on first sight. */
  numberOf(source: string | undefined, url: string | undefined): number {
    const pair = [source ?? '', urlHost(url)] as const;
    const id = this.known.get(key(...pair));
    if (id !== undefined) return id;
    const added = Number(this.insert.run(...pair).lastInsertRowid);
    this.known.set(key(...pair), added);
    return added;
  }

  /** Forgets every outlet (the table was emptied). */
  clear(): void {
    this.known.clear();
  }
}

function key(source: string, host: string): string {
  return `${source}\u0000${host}`;
}
