/**
 * Reading the index for `/readout timeline`: every match of a query (not the top K a search
 * ranks), with the article facts a timeline orders and counts them by. Beside reader.ts, which
 * serves the ranked search; each statement prepared once.
 *
 * Cost model: FTS5 finds every matching row (unscored: bm25 for every match would double the cost,
 * and a timeline orders by date); the join reads each match's passage and article rows once.
 * A cap bounds the rows read,
 * so a query matching most of a huge archive cannot hold a search thread for long; the caller
 * asks for one row more than it keeps, to know the cap was reached.
 */
import type { Db } from './database.js';
import type { Candidate } from './reader.js';
import { explainReadError } from './sqlite-errors.js';

// Every copy of a matching document is a match: a wire story carried by 40 outlets is 40 entries
// (one per article), as the timeline counts outlets.
const matchedColumns = `0 AS rank, copy.document_id AS documentId, copy.id AS passageId,
  copy.article_id AS articleId, documents.fingerprint AS fingerprint, articles.source AS source,
  articles.published AS published, articles.url AS url`;
const copiesOf = `JOIN passages AS copy ON copy.document_id = passages_fts.rowid
       JOIN documents ON documents.id = copy.document_id
       JOIN articles ON articles.id = copy.article_id`;
const speakers = 'speaker_key IN (SELECT value FROM json_each(@keys))';
// With words, one look-up per matching copy (facet-statements.ts, SpeakerTest); alone, the
// speaker's quotations are the rows read.
const quotingSpeakers = `EXISTS (SELECT 1 FROM quotations WHERE ${speakers} AND quotations.passage_id = copy.id)`;
const quotingFrom = `FROM passages AS copy
       JOIN documents ON documents.id = copy.document_id
       JOIN articles ON articles.id = copy.article_id
       WHERE copy.id IN (SELECT passage_id FROM quotations WHERE ${speakers})`;

function prepareStatements(db: Db) {
  return {
    matching: db.prepare<{ match: string; cap: number }, Candidate>(
      `SELECT ${matchedColumns}
       FROM passages_fts ${copiesOf}
       WHERE passages_fts MATCH @match
       LIMIT @cap`,
    ),
    // `who:` with words: only passages quoting one of the speakers.
    matchingQuoting: db.prepare<{ match: string; cap: number; keys: string }, Candidate>(
      `SELECT ${matchedColumns}
       FROM passages_fts ${copiesOf}
       WHERE passages_fts MATCH @match AND ${quotingSpeakers}
       LIMIT @cap`,
    ),
    // `who:` alone: every passage quoting one of the speakers.
    quoting: db.prepare<{ cap: number; keys: string }, Candidate>(
      `SELECT ${matchedColumns} ${quotingFrom}
       LIMIT @cap`,
    ),
    // The same, leaving out passages that match `excluded` (`timeline who:falk -bridge`).
    quotingExcept: db.prepare<{ cap: number; keys: string; excluded: string }, Candidate>(
      `SELECT ${matchedColumns} ${quotingFrom}
         AND copy.document_id NOT IN (SELECT rowid FROM passages_fts WHERE passages_fts MATCH @excluded)
       LIMIT @cap`,
    ),
    // Headline and every passage of some articles: where a year-less date may find its year.
    articleTexts: db.prepare<{ ids: string }, { articleId: number; text: string }>(
      `SELECT id AS articleId, title AS text FROM articles WHERE id IN (SELECT value FROM json_each(@ids))
       UNION ALL
       SELECT article_id AS articleId, body AS text FROM passages
       WHERE article_id IN (SELECT value FROM json_each(@ids))`,
    ),
  };
}

/** What a timeline matches: an FTS5 query, the speakers it quotes, or both. */
export interface TimelineMatch {
  /** An FTS5 MATCH expression; '' for every quotation of `speakerKeys`. */
  match: string;
  speakerKeys?: string[];
  /** With no `match`: passages matching this FTS5 query are left out. */
  except?: string;
}

export class TimelineReader {
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(readonly db: Db) {
    this.statements = this.guard(() => prepareStatements(db));
  }

  /**
   * Up to `cap` matching passages, in no particular order, with their article's outlet, date and
   * link (`rank` is 0: not scored).
   */
  matching(query: TimelineMatch, cap: number): Candidate[] {
    const { match, speakerKeys, except } = query;
    return this.guard(() => {
      if (!speakerKeys) return this.statements.matching.all({ match, cap });
      const keys = JSON.stringify(speakerKeys);
      if (match !== '') return this.statements.matchingQuoting.all({ match, cap, keys });
      if (except) return this.statements.quotingExcept.all({ cap, keys, excluded: except });
      return this.statements.quoting.all({ cap, keys });
    });
  }

  /** The headline and passages of each article, by article id. */
  articleTexts(articleIds: number[]): Map<number, string[]> {
    const texts = new Map<number, string[]>();
    const rows = this.guard(() => this.statements.articleTexts.all({ ids: JSON.stringify(articleIds) }));
    for (const row of rows) {
      const list = texts.get(row.articleId) ?? [];
      list.push(row.text);
      texts.set(row.articleId, list);
    }
    return texts;
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
