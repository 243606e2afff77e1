/**
 * Reading the index: every query search makes, each statement prepared once. The bot only reads;
 * a re-index in another process writes, and `dataVersion` tells the reader when it has committed.
 *
 * Cost model: FTS5 scores every matching row before LIMIT, so `candidates` orders by `rank` alone
 * and takes the top K in a CTE; joins and attribution are read for those K rows only, and
 * highlight() and the attribution for the rows shown.
 */
import type { Db } from './database.js';
import { type MetaKey, metaKeys } from './meta.js';
import { explainReadError } from './sqlite-errors.js';

/** A ranked match with what filters, syndication and per-article limits need. */
export interface Candidate {
  passageId: number;
  /** bm25: lower is better. */
  rank: number;
  articleId: number;
  fingerprint: string;
  source: string | null;
  published: string | null;
  url: string | null;
  /** The re-index run that last added or changed the article (meta 'reindex_run'). */
  indexedRun: number;
}

/** A passage's headline and body with matched tokens between \u0002 and \u0003. */
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

/** A stored quotation (see db/migrations/002-quotations.sql). */
export interface StoredQuotation {
  passageId: number;
  /** UTF-16 offsets of the quoted words in the passage body, end exclusive. */
  start: number;
  end: number;
  speaker: string | null;
  speakerKey: string | null;
  speakerAsWritten: string | null;
  cue: string | null;
  partial: boolean;
}

/** A passage of an article, for reading the article whole. */
export interface ArticlePassage {
  id: number;
  articleId: number;
  /** Its order in the article, from 0. */
  position: number;
  body: string;
}

export interface IndexStats {
  articles: number;
  passages: number;
  outlets: number;
  /** ISO timestamp of the last completed re-index, if any. */
  lastReindexAt: string | null;
  /** Number of the last completed re-index run; 0 before the first. */
  reindexRun: number;
}

/** An outlet named in the archive, with how many articles it has. */
export interface OutletCount {
  source: string;
  articles: number;
}

/** An article found by its URL, with its lead passage (for a link preview). */
export interface LinkedArticle extends StoredAttribution {
  lead: string;
}

function prepareStatements(db: Db) {
  return {
    // data_version moves when another connection commits; total_changes when this one writes.
    dataVersion: db
      .prepare<[], string>("SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()")
      .pluck(),
    candidates: db.prepare<{ match: string; k: number }, Candidate>(
      `WITH top AS (
         SELECT rowid AS id, rank FROM passages_fts WHERE passages_fts MATCH @match ORDER BY rank LIMIT @k
       )
       SELECT top.id AS passageId, top.rank AS rank, passages.article_id AS articleId,
              passages.fingerprint AS fingerprint, articles.source AS source,
              articles.published AS published, articles.url AS url, articles.indexed_run AS indexedRun
       FROM top
       JOIN passages ON passages.id = top.id
       JOIN articles ON articles.id = passages.article_id`,
    ),
    // The same, only for passages quoting one of the speakers (`who:`): the restriction is part
    // of the query, so FTS5 ranks only those passages and K never has to grow for it.
    candidatesQuoting: db.prepare<{ match: string; k: number; keys: string }, Candidate>(
      `WITH top AS (
         SELECT rowid AS id, rank FROM passages_fts
         WHERE passages_fts MATCH @match
           AND rowid IN (SELECT passage_id FROM quotations
                         WHERE speaker_key IN (SELECT value FROM json_each(@keys)))
         ORDER BY rank LIMIT @k
       )
       SELECT top.id AS passageId, top.rank AS rank, passages.article_id AS articleId,
              passages.fingerprint AS fingerprint, articles.source AS source,
              articles.published AS published, articles.url AS url, articles.indexed_run AS indexedRun
       FROM top
       JOIN passages ON passages.id = top.id
       JOIN articles ON articles.id = passages.article_id`,
    ),
    // `who:` with no words: the speakers' quotations, newest first.
    quotingNewestFirst: db.prepare<{ k: number; keys: string }, Candidate>(
      `SELECT passages.id AS passageId, 0 AS rank, passages.article_id AS articleId,
              passages.fingerprint AS fingerprint, articles.source AS source,
              articles.published AS published, articles.url AS url, articles.indexed_run AS indexedRun
       FROM passages JOIN articles ON articles.id = passages.article_id
       WHERE passages.id IN (SELECT passage_id FROM quotations
                             WHERE speaker_key IN (SELECT value FROM json_each(@keys)))
       ORDER BY articles.published IS NULL, articles.published DESC, passages.id
       LIMIT @k`,
    ),
    // The same, leaving out passages that match `excluded` (`who:falk -bridge`).
    quotingNewestFirstExcept: db.prepare<{ k: number; keys: string; excluded: string }, Candidate>(
      `SELECT passages.id AS passageId, 0 AS rank, passages.article_id AS articleId,
              passages.fingerprint AS fingerprint, articles.source AS source,
              articles.published AS published, articles.url AS url, articles.indexed_run AS indexedRun
       FROM passages JOIN articles ON articles.id = passages.article_id
       WHERE passages.id IN (SELECT passage_id FROM quotations
                             WHERE speaker_key IN (SELECT value FROM json_each(@keys)))
         AND passages.id NOT IN (SELECT rowid FROM passages_fts WHERE passages_fts MATCH @excluded)
       ORDER BY articles.published IS NULL, articles.published DESC, passages.id
       LIMIT @k`,
    ),
    quotations: db.prepare<[string], Omit<StoredQuotation, 'partial'> & { partial: number }>(
      `SELECT passage_id AS passageId, start_offset AS start, end_offset AS "end", speaker,
              speaker_key AS speakerKey, speaker_as_written AS speakerAsWritten, cue, partial
       FROM quotations WHERE passage_id IN (SELECT value FROM json_each(?))
       ORDER BY passage_id, start_offset`,
    ),
    speakerKeys: db
      .prepare<[], string>('SELECT DISTINCT speaker_key FROM quotations WHERE speaker_key IS NOT NULL')
      .pluck(),
    // Every passage of some articles, in reading order (compare and timeline read whole articles).
    articlePassages: db.prepare<[string], ArticlePassage>(
      `SELECT id, article_id AS articleId, position, body FROM passages
       WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, position`,
    ),
    passages: db.prepare<[string], HighlightedPassage>(
      'SELECT id, title, body FROM passage_documents WHERE id IN (SELECT value FROM json_each(?))',
    ),
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
        `SELECT DISTINCT articles.source FROM passages JOIN articles ON articles.id = passages.article_id
         WHERE passages.fingerprint = ? AND passages.article_id != ? AND articles.source IS NOT NULL
           AND articles.source != ? LIMIT 5`,
      )
      .pluck(),
    wordArticles: db.prepare<[string], number>('SELECT articles FROM vocabulary WHERE word = ?').pluck(),
    vocabulary: db.prepare<[], { word: string; articles: number }>('SELECT word, articles FROM vocabulary'),
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

  constructor(readonly db: Db) {
    this.statements = this.guard(() => prepareStatements(db));
  }

  /** Changes whenever any connection commits to the index: a re-index finished. */
  dataVersion(): string {
    return this.guard(() => this.statements.dataVersion.get()!);
  }

  /** The top `k` matches of an FTS5 query, best first (ties in no particular order). */
  candidates(match: string, k: number): Candidate[] {
    return this.guard(() => this.statements.candidates.all({ match, k }));
  }

  /** The top `k` matches among passages quoting a speaker with one of `speakerKeys`. */
  candidatesQuoting(match: string, speakerKeys: string[], k: number): Candidate[] {
    return this.guard(() =>
      this.statements.candidatesQuoting.all({ match, k, keys: JSON.stringify(speakerKeys) }),
    );
  }

  /**
   * Up to `k` passages quoting a speaker with one of `speakerKeys`, newest article first; with
   * `excluded` (an FTS5 query), none that match it.
   */
  quotingNewestFirst(speakerKeys: string[], k: number, excluded?: string): Candidate[] {
    const keys = JSON.stringify(speakerKeys);
    return this.guard(() =>
      excluded
        ? this.statements.quotingNewestFirstExcept.all({ k, keys, excluded })
        : this.statements.quotingNewestFirst.all({ k, keys }),
    );
  }

  /** The quotations of the given passages, in passage and text order. */
  quotations(passageIds: number[]): StoredQuotation[] {
    return this.guard(() =>
      this.statements.quotations
        .all(JSON.stringify(passageIds))
        .map((row) => ({ ...row, partial: row.partial === 1 })),
    );
  }

  /** Every speaker key quoted in the archive. */
  speakerKeys(): string[] {
    return this.guard(() => this.statements.speakerKeys.all());
  }

  /** Every passage of the given articles, each article's in order. */
  articlePassages(articleIds: number[]): ArticlePassage[] {
    return this.guard(() => this.statements.articlePassages.all(JSON.stringify(articleIds)));
  }

  /** Headline (lead passage only) and body of the given passages, unmarked. */
  passages(passageIds: number[]): HighlightedPassage[] {
    return this.guard(() => this.statements.passages.all(JSON.stringify(passageIds)));
  }

  /** Whether any passage matches. */
  matches(match: string): boolean {
    return this.guard(() => this.statements.anyMatch.get(match) !== undefined);
  }

  /** Headline and body of the given passages with the matched tokens marked. */
  highlights(match: string, passageIds: number[]): HighlightedPassage[] {
    return this.guard(() => this.statements.highlights.all({ match, ids: JSON.stringify(passageIds) }));
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
