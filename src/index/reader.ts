/**
 * Reading the index: every query search makes, each statement prepared once. The bot only reads;
 * a re-index in another process writes, and `dataVersion` tells the reader when it has committed.
 *
 * Cost model: FTS5 scores every matching row before LIMIT, so ranking orders by `rank` alone and
 * takes the top K documents in a CTE; joins are read for those K rows only, and highlight() and
 * the attribution for the rows shown. A filter is a probe per match into the covering index of
 * the passages' facets (does a copy of this document pass?), evaluated before bm25: ORDER BY
 * rank + 0 keeps FTS5 from ranking every match itself first (its own ORDER BY rank plan scores
 * every row, then SQLite would filter), so a filter that keeps few rows also scores few.
 */
import { type FtsTotals, ftsTotals } from './bm25.js';
import { type ChampionList, decodeChampionList } from './champion-entries.js';
import type { Db } from './database.js';
import { type MetaKey, metaKeys } from './meta.js';
import type { Outlet } from './outlets.js';
import { explainReadError } from './sqlite-errors.js';

/** A ranked document (a distinct passage text) with the fingerprint that de-duplicates it. */
export interface RankedDocument {
  documentId: number;
  /** bm25: lower is better. */
  rank: number;
  fingerprint: string;
}

/** The copy of a document shown for it: its passage and the article's attribution. */
export interface ChosenCopy {
  documentId: number;
  passageId: number;
  articleId: number;
  source: string | null;
  published: string | null;
  url: string | null;
}

/** A ranked match with what syndication, per-article limits and the page need. */
export type Candidate = RankedDocument & Omit<ChosenCopy, 'documentId'>;

/**
 * Facets a passage must have: one of these outlets, a publication day in [fromDay, beforeDay)
 * (YYYYMMDD; a passage without a known year never passes a date). Absent fields do not filter.
 */
export interface FacetFilter {
  outlets?: number[];
  fromDay?: number;
  beforeDay?: number;
}

/** A document's headline and body with matched tokens between \u0002 and \u0003. */
export interface HighlightedPassage {
  id: number;
  title: string;
  body: string;
}

/** An article's attribution as stored. Empty fields are unknown, never guessed. */
export interface StoredAttribution {
  id: number;
  title: string;
  source: string | null;
  author: string | null;
  /** A partial date (src/text/partial-date.ts). */
  published: string | null;
  url: string | null;
  /** The archive file the article was read from. */
  file: string;
}

export interface IndexStats {
  articles: number;
  passages: number;
  outlets: number;
  /** ISO timestamp of the last completed re-index, if any. */
  lastReindexAt: string | null;
}

/** The facet conditions on a passage `copy`, with named parameters; '' when nothing filters. */
function facetConditions(filter: FacetFilter): string {
  return [
    filter.outlets ? 'copy.outlet IN (SELECT value FROM json_each(@outlets))' : '',
    filter.fromDay !== undefined ? 'copy.day >= @fromDay' : '',
    filter.beforeDay !== undefined ? 'copy.day < @beforeDay' : '',
  ]
    .filter(Boolean)
    .join(' AND ');
}

function facetParameters(filter: FacetFilter): Record<string, unknown> {
  return {
    ...(filter.outlets ? { outlets: JSON.stringify(filter.outlets) } : {}),
    ...(filter.fromDay !== undefined ? { fromDay: filter.fromDay } : {}),
    ...(filter.beforeDay !== undefined ? { beforeDay: filter.beforeDay } : {}),
  };
}

/** The statements that depend on which facets a filter names, for one shape of filter. */
function prepareFiltered(db: Db, conditions: string) {
  const where = conditions ? `AND ${conditions}` : '';
  const passes = conditions
    ? `AND EXISTS (SELECT 1 FROM passages AS copy WHERE copy.document_id = passages_fts.rowid ${where})`
    : '';
  return {
    ranked: db.prepare<Record<string, unknown>, RankedDocument>(
      `WITH top AS (
         SELECT rowid AS id, rank FROM passages_fts WHERE passages_fts MATCH @match ${passes}
         ORDER BY rank${conditions ? ' + 0' : ''} LIMIT @k
       )
       SELECT top.id AS documentId, top.rank AS rank, documents.fingerprint AS fingerprint
       FROM top JOIN documents ON documents.id = top.id`,
    ),
    // The newest copy that passes (equal ranks: newest first); max() picks that row's columns.
    chosen: db.prepare<Record<string, unknown>, ChosenCopy>(
      `SELECT chosen.documentId, chosen.passageId, chosen.articleId,
              articles.source, articles.published, articles.url
       FROM (SELECT copy.document_id AS documentId, max(coalesce(copy.day, 0)) AS day,
                    copy.id AS passageId, copy.article_id AS articleId
             FROM passages AS copy WHERE copy.document_id IN (SELECT value FROM json_each(@ids)) ${where}
             GROUP BY copy.document_id) AS chosen
       JOIN articles ON articles.id = chosen.articleId`,
    ),
    passing: db
      .prepare<Record<string, unknown>, number>(
        `SELECT DISTINCT copy.document_id FROM passages AS copy
         WHERE copy.document_id IN (SELECT value FROM json_each(@ids)) ${where}`,
      )
      .pluck(),
  };
}

function prepareStatements(db: Db) {
  return {
    // data_version moves when another connection commits; total_changes when this one writes.
    dataVersion: db
      .prepare<[], string>("SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()")
      .pluck(),
    anyMatch: db
      .prepare<[string], number>('SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? LIMIT 1')
      .pluck(),
    // One statement for the page's rows. (Not `rowid = ?`: SQLite 3.53 ignores a bound
    // `rowid = ?` next to MATCH and returns every match; IN and ranges are honoured.)
    highlights: db.prepare<{ match: string; ids: string }, HighlightedPassage>(
      `SELECT rowid AS id, highlight(passages_fts, 0, char(2), char(3)) AS title,
              highlight(passages_fts, 1, char(2), char(3)) AS body
       FROM passages_fts WHERE passages_fts MATCH @match AND rowid IN (SELECT value FROM json_each(@ids))`,
    ),
    articles: db.prepare<[string], StoredAttribution>(
      `SELECT id, title, source, author, published, url, file_path AS file FROM articles
       WHERE id IN (SELECT value FROM json_each(?))`,
    ),
    alsoIn: db
      .prepare<[string, number, string], string>(
        `SELECT DISTINCT articles.source FROM documents
         JOIN passages ON passages.document_id = documents.id
         JOIN articles ON articles.id = passages.article_id
         WHERE documents.fingerprint = ? AND passages.article_id != ? AND articles.source IS NOT NULL
           AND articles.source != ? LIMIT 5`,
      )
      .pluck(),
    outlets: db.prepare<[], Outlet>('SELECT id, source, host FROM outlets'),
    fingerprints: db.prepare<[string], { id: number; fingerprint: string }>(
      'SELECT id, fingerprint FROM documents WHERE id IN (SELECT value FROM json_each(?))',
    ),
    averages: db.prepare<[], Buffer>('SELECT block FROM passages_fts_data WHERE id = 1').pluck(),
    champion: db.prepare<
      [string],
      { word: string; documents: number; bound: number; avgdl: number; entries: Buffer }
    >('SELECT word, documents, bound, avgdl, entries FROM champions WHERE word = ?'),
    wordArticles: db.prepare<[string], number>('SELECT articles FROM vocabulary WHERE word = ?').pluck(),
    vocabulary: db.prepare<[], { word: string; articles: number }>('SELECT word, articles FROM vocabulary'),
    meta: db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck(),
  };
}

export class IndexReader {
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly filtered = new Map<string, ReturnType<typeof prepareFiltered>>();

  constructor(readonly db: Db) {
    this.statements = this.guard(() => prepareStatements(db));
  }

  /** The statements for a filter's shape, prepared on first use. */
  private forFilter(filter: FacetFilter) {
    const conditions = facetConditions(filter);
    let statements = this.filtered.get(conditions);
    if (!statements) {
      statements = this.guard(() => prepareFiltered(this.db, conditions));
      this.filtered.set(conditions, statements);
    }
    return statements;
  }

  /** Changes whenever any connection commits to the index: a re-index finished. */
  dataVersion(): string {
    return this.guard(() => this.statements.dataVersion.get()!);
  }

  /**
   * The top `k` documents of an FTS5 query that have a copy passing `filter`, in no particular
   * order (sort by rank).
   */
  rankDocuments(match: string, k: number, filter: FacetFilter = {}): RankedDocument[] {
    return this.guard(() => this.forFilter(filter).ranked.all({ match, k, ...facetParameters(filter) }));
  }

  /** For each document, the copy to show: the newest that passes `filter`, with its attribution. */
  chooseCopies(documentIds: number[], filter: FacetFilter = {}): ChosenCopy[] {
    if (documentIds.length === 0) return [];
    return this.guard(() =>
      this.forFilter(filter).chosen.all({ ids: JSON.stringify(documentIds), ...facetParameters(filter) }),
    );
  }

  /** Which of these documents have a copy that passes `filter`. */
  passingDocuments(documentIds: number[], filter: FacetFilter): Set<number> {
    const ids = JSON.stringify(documentIds);
    return this.guard(() => new Set(this.forFilter(filter).passing.all({ ids, ...facetParameters(filter) })));
  }

  /** The fingerprints of these documents (those still in the index). */
  fingerprints(documentIds: number[]): Map<number, string> {
    if (documentIds.length === 0) return new Map();
    const rows = this.guard(() => this.statements.fingerprints.all(JSON.stringify(documentIds)));
    return new Map(rows.map((row) => [row.id, row.fingerprint]));
  }

  /** Every outlet (name and URL host) with its facet number. */
  outlets(): Outlet[] {
    return this.guard(() => this.statements.outlets.all());
  }

  /** The full-text index's row count and average row length, as bm25 sees them. */
  ftsTotals(): FtsTotals {
    return this.guard(() => {
      const averages = this.statements.averages.get();
      return averages ? ftsTotals(averages) : { rows: 0, avgdl: 0 };
    });
  }

  /** A very common word's champion list, if the re-index made one. */
  championList(word: string): ChampionList | undefined {
    return this.guard(() => {
      const row = this.statements.champion.get(word);
      return row && decodeChampionList(row);
    });
  }

  /** Whether any passage matches. */
  matches(match: string): boolean {
    return this.guard(() => this.statements.anyMatch.get(match) !== undefined);
  }

  /** Headline and body of the given documents with the matched tokens marked. */
  highlights(match: string, documentIds: number[]): HighlightedPassage[] {
    return this.guard(() => this.statements.highlights.all({ match, ids: JSON.stringify(documentIds) }));
  }

  attributions(articleIds: number[]): StoredAttribution[] {
    return this.guard(() => this.statements.articles.all(JSON.stringify(articleIds)));
  }

  /** Other outlets carrying a passage with this fingerprint (syndicated copies), at most five. */
  alsoIn(fingerprint: string, articleId: number, source: string | null): string[] {
    return this.guard(() => this.statements.alsoIn.all(fingerprint, articleId, source ?? ''));
  }

  /** How many articles use a word as written; undefined when the archive never uses it. */
  wordArticles(word: string): number | undefined {
    return this.guard(() => this.statements.wordArticles.get(word));
  }

  /** Every archive word with the number of articles using it (for typo correction). */
  *vocabulary(): Generator<[string, number]> {
    const rows = this.guard(() => this.statements.vocabulary.iterate());
    for (const row of rows) yield [row.word, row.articles];
  }

  meta(key: MetaKey): string | undefined {
    return this.guard(() => this.statements.meta.get(key));
  }

  /** Article, passage and outlet counts and the last re-index time, as the re-index recorded them. */
  stats(): IndexStats {
    const number = (key: MetaKey) => Number(this.meta(key) ?? 0);
    return {
      articles: number(metaKeys.articles),
      passages: number(metaKeys.passages),
      outlets: number(metaKeys.outlets),
      lastReindexAt: this.meta(metaKeys.lastReindexAt) ?? null,
    };
  }

  /** Runs a query, turning a damaged or replaced index into `index_unavailable`. */
  private guard<T>(query: () => T): T {
    try {
      return query();
    } catch (error) {
      throw explainReadError(this.db.name, error);
    }
  }
}
