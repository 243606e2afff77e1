/**
 * The statements that depend on which facets a filter names, one set per shape of filter: the
 * ranking with the filter inside it, the choice of the copy to show, and the probes the champion
 * lists and `who:` without words use. A copy of a document passes when its own outlet, day,
 * quotations and article's re-index run all pass, so a filter can never be satisfied by two
 * different copies between them.
 *
 * Cost: a facet is a probe per match into the covering index passages_document (and, for
 * `who:`, one more into quotations_speaker per copy; see SpeakerTest — or, for a speaker quoted
 * in far fewer passages than the words match, one list of their documents, built once and tested
 * against each match; see FacetFilter.speakersFirst). ORDER BY rank + 0 keeps
 * FTS5 from ranking every match itself first (its own ORDER BY rank plan scores every row, then
 * SQLite would filter), so a filter that keeps few rows also scores few; and without a filter,
 * SQLite's sort of the best k under LIMIT costs less than FTS5's sort of every match (about
 * two thirds of the time for a word in 10,000 passages of a million).
 */
import type { Db } from './database.js';

/**
 * Facets a passage must have: one of these outlets, a publication day in [fromDay, beforeDay)
 * (YYYYMMDD; a passage without a known year never passes a date), a quotation by one of these
 * speakers (keys, src/text/speaker-name.ts), an article written by a re-index run in
 * (afterRun, throughRun]. Absent fields do not filter.
 */
export interface FacetFilter {
  outlets?: number[];
  fromDay?: number;
  beforeDay?: number;
  speakers?: string[];
  /**
   * Rank from the speakers' quotations: SQLite lists the documents they are quoted in once, and
   * each match is tested against that list, instead of a probe per match (SpeakerTest). Cheaper
   * when they are quoted in far fewer passages than the words match; the search decides.
   */
  speakersFirst?: boolean;
  afterRun?: number;
  throughRun?: number;
}

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

/** Whether anything but outlet and day filters (those the champion lists carry per document). */
export function filtersBeyondOutletAndDay(filter: FacetFilter): boolean {
  return filter.speakers !== undefined || filter.afterRun !== undefined || filter.throughRun !== undefined;
}

/**
 * How a `who:` condition is written. 'probe': one look-up in quotations_speaker per copy tested,
 * for statements driven by the match or by a list of documents — as a list (`copy.id IN (…)`)
 * SQLite would read every quotation of the speaker first, tens of thousands for a politician,
 * or even loop over them and test each copy against the documents. 'list': for `who:` without
 * words, where the speaker's quotations are the rows wanted.
 */
export type SpeakerTest = 'probe' | 'list';

/** The facet conditions on a passage `copy`, with named parameters; '' when nothing filters. */
export function facetConditions(filter: FacetFilter, speakerTest: SpeakerTest = 'probe'): string {
  const run = '(SELECT indexed_run FROM articles WHERE articles.id = copy.article_id)';
  const speakers = 'speaker_key IN (SELECT value FROM json_each(@speakers))';
  return [
    filter.outlets ? 'copy.outlet IN (SELECT value FROM json_each(@outlets))' : '',
    filter.fromDay !== undefined ? 'copy.day >= @fromDay' : '',
    filter.beforeDay !== undefined ? 'copy.day < @beforeDay' : '',
    filter.speakers
      ? speakerTest === 'probe'
        ? `EXISTS (SELECT 1 FROM quotations WHERE ${speakers} AND quotations.passage_id = copy.id)`
        : `copy.id IN (SELECT passage_id FROM quotations WHERE ${speakers})`
      : '',
    filter.afterRun !== undefined ? `${run} > @afterRun` : '',
    filter.throughRun !== undefined ? `${run} <= @throughRun` : '',
  ]
    .filter(Boolean)
    .join(' AND ');
}

export function facetParameters(filter: FacetFilter): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  if (filter.outlets) parameters.outlets = JSON.stringify(filter.outlets);
  if (filter.speakers) parameters.speakers = JSON.stringify(filter.speakers);
  for (const key of ['fromDay', 'beforeDay', 'afterRun', 'throughRun'] as const) {
    if (filter[key] !== undefined) parameters[key] = filter[key];
  }
  return parameters;
}

const copyColumns = `copy.document_id AS documentId, copy.id AS passageId, copy.article_id AS articleId,
  articles.source AS source, articles.published AS published, articles.url AS url`;

/** The statements for one shape of filter. */
export function prepareFiltered(db: Db, filter: FacetFilter) {
  const conditions = facetConditions(filter);
  const where = conditions ? `AND ${conditions}` : '';
  const listed = facetConditions(filter, 'list');
  // `+rowid`: the list is a filter on the matches (SQLite adds a Bloom filter), never a list of
  // rowids for FTS5 to look up one by one, which costs several microseconds each.
  const passes = !conditions
    ? ''
    : filter.speakers && filter.speakersFirst
      ? `AND +passages_fts.rowid IN (SELECT copy.document_id FROM passages AS copy WHERE ${listed})`
      : `AND EXISTS (SELECT 1 FROM passages AS copy WHERE copy.document_id = passages_fts.rowid ${where})`;
  const newestFirst = `SELECT ${copyColumns}, 0 AS rank, documents.fingerprint AS fingerprint
       FROM passages AS copy
       JOIN documents ON documents.id = copy.document_id
       JOIN articles ON articles.id = copy.article_id
       WHERE 1 ${listed ? `AND ${listed}` : ''}`;
  const newestOrder = 'ORDER BY articles.published IS NULL, articles.published DESC, copy.id LIMIT @k';
  const ranked = (leaveOut: string) =>
    db.prepare<Record<string, unknown>, RankedDocument>(
      `WITH top AS (
         SELECT rowid AS id, rank FROM passages_fts WHERE passages_fts MATCH @match ${passes} ${leaveOut}
         ORDER BY rank + 0 LIMIT @k
       )
       SELECT top.id AS documentId, top.rank AS rank, documents.fingerprint AS fingerprint
       FROM top JOIN documents ON documents.id = top.id`,
    );
  return {
    ranked: ranked(''),
    // The same, but none of the documents in @leaveOut (a filter on the matches, as `+rowid` above).
    rankedLeavingOut: ranked('AND +passages_fts.rowid NOT IN (SELECT value FROM json_each(@leaveOut))'),
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
    // Any match that passes and is none of these texts (nor another headline's copy of one).
    anotherMatch: db
      .prepare<Record<string, unknown>, number>(
        `SELECT 1 FROM passages_fts WHERE passages_fts MATCH @match ${passes}
           AND passages_fts.rowid NOT IN (
             SELECT id FROM documents WHERE fingerprint IN (SELECT value FROM json_each(@fingerprints)))
         LIMIT 1`,
      )
      .pluck(),
    passing: db
      .prepare<Record<string, unknown>, number>(
        `SELECT DISTINCT copy.document_id FROM passages AS copy
         WHERE copy.document_id IN (SELECT value FROM json_each(@ids)) ${where}`,
      )
      .pluck(),
    // `who:` without words: the passing copies (a speaker's quotations), newest article first.
    newestFirst: db.prepare<Record<string, unknown>, Candidate>(`${newestFirst} ${newestOrder}`),
    // The same, leaving out documents that match `excluded` (`who:falk -bridge`).
    newestFirstExcept: db.prepare<Record<string, unknown>, Candidate>(
      `${newestFirst}
         AND copy.document_id NOT IN (SELECT rowid FROM passages_fts WHERE passages_fts MATCH @excluded)
       ${newestOrder}`,
    ),
  };
}
