/**
 * Reading the index: every query search makes, each statement prepared once. The bot only reads;
 * a re-index in another process writes, and `dataVersion` tells the reader when it has committed.
 *
 * Cost model: FTS5 scores every matching row before LIMIT, so ranking orders by `rank` alone and
 * takes the top K documents in a CTE; joins are read for those K rows only, and highlight() and
 * the attribution for the rows shown. Filters (outlet, dates, `who:`, a saved search's runs) are
 * evaluated with the match, per shape of filter (facet-statements.ts).
 */
import { type FtsTotals, ftsTotals } from './bm25.js';
import { type ChampionList, decodeChampionList } from './champion-entries.js';
import type { Db } from './database.js';
import {
  type Candidate,
  type ChosenCopy,
  type FacetFilter,
  facetConditions,
  facetParameters,
  prepareFiltered,
  type RankedDocument,
} from './facet-statements.js';
import { type MetaKey, metaKeys } from './meta.js';
import type { Outlet } from './outlets.js';
import type {
  ArticlePassage,
  HighlightedPassage,
  IndexStats,
  LinkedArticle,
  OutletCount,
  StoredAttribution,
  StoredQuotation,
} from './read-records.js';
import { explainReadError } from './sqlite-errors.js';

export type { Candidate, ChosenCopy, FacetFilter, RankedDocument } from './facet-statements.js';
export type {
  ArticlePassage,
  HighlightedPassage,
  IndexStats,
  LinkedArticle,
  OutletCount,
  StoredAttribution,
  StoredQuotation,
} from './read-records.js';

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
    texts: db.prepare<[string], HighlightedPassage>(
      'SELECT id, title, body FROM document_texts WHERE id IN (SELECT value FROM json_each(?))',
    ),
    quotations: db.prepare<[string], Omit<StoredQuotation, 'partial'> & { partial: number }>(
      `SELECT passage_id AS passageId, start_offset AS start, end_offset AS "end", speaker,
              speaker_key AS speakerKey, speaker_as_written AS speakerAsWritten, cue, partial
       FROM quotations WHERE passage_id IN (SELECT value FROM json_each(?))
       ORDER BY passage_id, start_offset`,
    ),
    // Every passage of some articles, in reading order (compare and timeline read whole articles).
    articlePassages: db.prepare<[string], ArticlePassage>(
      `SELECT id, article_id AS articleId, position, body FROM passages
       WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, position`,
    ),
    speakerKeys: db.prepare<[], { key: string; quotations: number }>(
      `SELECT speaker_key AS key, count(*) AS quotations FROM quotations
       WHERE speaker_key IS NOT NULL GROUP BY speaker_key`,
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
    outletFacets: db.prepare<[], Outlet>('SELECT id, source, host FROM outlets'),
    fingerprints: db.prepare<[string], { id: number; fingerprint: string }>(
      'SELECT id, fingerprint FROM documents WHERE id IN (SELECT value FROM json_each(?))',
    ),
    averages: db.prepare<[], Buffer>('SELECT block FROM passages_fts_data WHERE id = 1').pluck(),
    champion: db.prepare<
      [string],
      { word: string; documents: number; bound: number; avgdl: number; entries: Buffer }
    >('SELECT word, documents, bound, avgdl, entries FROM champions WHERE word = ?'),
    wordDocuments: db.prepare<[string], number>('SELECT documents FROM vocabulary WHERE word = ?').pluck(),
    wordsDocuments: db.prepare<[string], { word: string; documents: number }>(
      'SELECT word, documents FROM vocabulary WHERE word IN (SELECT value FROM json_each(?))',
    ),
    vocabulary: db.prepare<[], { word: string; documents: number }>('SELECT word, documents FROM vocabulary'),
    meta: db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck(),
    // Spellings of one outlet differ in case only; the most used spelling names it.
    outlets: db.prepare<{ contains: string; limit: number }, OutletCount>(
      `SELECT source, articles FROM (
         SELECT source, count(*) AS articles,
                row_number() OVER (PARTITION BY source COLLATE NOCASE ORDER BY count(*) DESC) AS nth
         FROM articles WHERE source IS NOT NULL AND source != ''
         GROUP BY source
       )
       WHERE nth = 1 AND instr(lower(source), @contains) > 0
       ORDER BY articles DESC, source LIMIT @limit`,
    ),
    byUrl: db.prepare<[string], LinkedArticle>(
      `SELECT articles.id, title, source, author, published, url, file_path AS file,
              coalesce(passages.body, '') AS lead
       FROM articles LEFT JOIN passages
         ON passages.article_id = articles.id AND passages.position = articles.lead_position
       WHERE url IN (SELECT value FROM json_each(?))
       ORDER BY articles.id DESC`,
    ),
    newestPassage: db.prepare<[], string>('SELECT body FROM passages ORDER BY id DESC LIMIT 1').pluck(),
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
    const shape = `${facetConditions(filter)}${filter.speakersFirst ? ' (speakers first)' : ''}`;
    let statements = this.filtered.get(shape);
    if (!statements) {
      statements = this.guard(() => prepareFiltered(this.db, filter));
      this.filtered.set(shape, statements);
    }
    return statements;
  }

  /** Changes whenever any connection commits to the index: a re-index finished. */
  dataVersion(): string {
    return this.guard(() => this.statements.dataVersion.get()!);
  }

  /**
   * The top `k` documents of an FTS5 query that have a copy passing `filter`, in no particular
   * order (sort by rank); none of `leaveOut`.
   */
  rankDocuments(match: string, k: number, filter: FacetFilter = {}, leaveOut?: number[]): RankedDocument[] {
    return this.guard(() => {
      const statements = this.forFilter(filter);
      const parameters = { match, k, ...facetParameters(filter) };
      return leaveOut && leaveOut.length > 0
        ? statements.rankedLeavingOut.all({ ...parameters, leaveOut: JSON.stringify(leaveOut) })
        : statements.ranked.all(parameters);
    });
  }

  /** For each document, the copy to show: the newest that passes `filter`, with its attribution. */
  chooseCopies(documentIds: number[], filter: FacetFilter = {}): ChosenCopy[] {
    if (documentIds.length === 0) return [];
    return this.guard(() =>
      this.forFilter(filter).chosen.all({ ids: JSON.stringify(documentIds), ...facetParameters(filter) }),
    );
  }

  /**
   * Whether a document matches and has a copy that passes `filter` beyond these fingerprints'
   * (stops at the first: nothing is ranked).
   */
  hasAnotherMatch(match: string, filter: FacetFilter, fingerprints: string[]): boolean {
    const parameters = { match, fingerprints: JSON.stringify(fingerprints), ...facetParameters(filter) };
    return this.guard(() => this.forFilter(filter).anotherMatch.get(parameters) !== undefined);
  }

  /** Which of these documents have a copy that passes `filter`. */
  passingDocuments(documentIds: number[], filter: FacetFilter): Set<number> {
    const ids = JSON.stringify(documentIds);
    return this.guard(() => new Set(this.forFilter(filter).passing.all({ ids, ...facetParameters(filter) })));
  }

  /**
   * Up to `k` passages passing `filter` (which names speakers: `who:` without words), newest
   * article first; with `excluded` (an FTS5 query), none that match it.
   */
  newestFirst(filter: FacetFilter, k: number, excluded?: string): Candidate[] {
    const statements = this.forFilter(filter);
    const parameters = { k, ...facetParameters(filter) };
    return this.guard(() =>
      excluded
        ? statements.newestFirstExcept.all({ ...parameters, excluded })
        : statements.newestFirst.all(parameters),
    );
  }

  /** The fingerprints of these documents (those still in the index). */
  fingerprints(documentIds: number[]): Map<number, string> {
    if (documentIds.length === 0) return new Map();
    const rows = this.guard(() => this.statements.fingerprints.all(JSON.stringify(documentIds)));
    return new Map(rows.map((row) => [row.id, row.fingerprint]));
  }

  /** Every outlet (name and URL host) with its facet number. */
  outletFacets(): Outlet[] {
    return this.guard(() => this.statements.outletFacets.all());
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

  /** Headline (lead passage only) and body of the given documents, unmarked. */
  texts(documentIds: number[]): HighlightedPassage[] {
    return this.guard(() => this.statements.texts.all(JSON.stringify(documentIds)));
  }

  /** The quotations of the given passages (copies), in passage and text order. */
  quotations(passageIds: number[]): StoredQuotation[] {
    return this.guard(() =>
      this.statements.quotations
        .all(JSON.stringify(passageIds))
        .map((row) => ({ ...row, partial: row.partial === 1 })),
    );
  }

  /** Every passage of the given articles, each article's in order. */
  articlePassages(articleIds: number[]): ArticlePassage[] {
    return this.guard(() => this.statements.articlePassages.all(JSON.stringify(articleIds)));
  }

  /** Every speaker key the archive quotes, with how many quotations each has. */
  speakerKeys(): Map<string, number> {
    return this.guard(
      () => new Map(this.statements.speakerKeys.all().map((row) => [row.key, row.quotations])),
    );
  }

  attributions(articleIds: number[]): StoredAttribution[] {
    return this.guard(() => this.statements.articles.all(JSON.stringify(articleIds)));
  }

  /** Other outlets carrying a passage with this fingerprint (syndicated copies), at most five. */
  alsoIn(fingerprint: string, articleId: number, source: string | null): string[] {
    return this.guard(() => this.statements.alsoIn.all(fingerprint, articleId, source ?? ''));
  }

  /**
   * How many documents (distinct texts: syndicated copies once) use a word as written; undefined
   * when the archive never uses it.
   */
  wordDocuments(word: string): number | undefined {
    return this.guard(() => this.statements.wordDocuments.get(word));
  }

  /** How many documents use each of `words` (as written); words the archive never uses are absent. */
  wordsDocuments(words: string[]): Map<string, number> {
    return this.guard(
      () =>
        new Map(
          this.statements.wordsDocuments.all(JSON.stringify(words)).map((row) => [row.word, row.documents]),
        ),
    );
  }

  /** Every archive word with the number of documents using it (for typo correction). */
  *vocabulary(): Generator<[string, number]> {
    const rows = this.guard(() => this.statements.vocabulary.iterate());
    for (const row of rows) yield [row.word, row.documents];
  }

  meta(key: MetaKey): string | undefined {
    return this.guard(() => this.statements.meta.get(key));
  }

  /** The archive folders the last re-index indexed; undefined before any (or an older index). */
  indexedFolders(): string[] | undefined {
    const recorded = this.meta(metaKeys.articleDirs);
    try {
      const folders: unknown = recorded === undefined ? undefined : JSON.parse(recorded);
      return Array.isArray(folders) ? folders.filter((folder) => typeof folder === 'string') : undefined;
    } catch {
      return undefined;
    }
  }

  /** The text of the passage written last (a word of it is what a health check searches for). */
  newestPassage(): string | undefined {
    return this.guard(() => this.statements.newestPassage.get());
  }

  /** Article, passage and outlet counts and the last re-index time, as the re-index recorded them. */
  stats(): IndexStats {
    const number = (key: MetaKey) => Number(this.meta(key) ?? 0);
    return {
      articles: number(metaKeys.articles),
      passages: number(metaKeys.passages),
      outlets: number(metaKeys.outlets),
      lastReindexAt: this.meta(metaKeys.lastReindexAt) ?? null,
      reindexRun: number(metaKeys.reindexRun),
    };
  }

  /** Outlets whose name contains `contains` (lowercase; '' for all), most articles first. */
  outlets(contains: string, limit: number): OutletCount[] {
    return this.guard(() => this.statements.outlets.all({ contains, limit }));
  }

  /** Articles whose stored URL is one of `urls` (exact), newest first, with their lead passage. */
  articlesByUrl(urls: string[]): LinkedArticle[] {
    return this.guard(() => this.statements.byUrl.all(JSON.stringify(urls)));
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
