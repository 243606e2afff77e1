/**
 * Reading and writing the bot's state: saved searches (with the run each has been checked up to
 * and the articles each has announced) and 👍 / 👎 feedback. Every statement is prepared once;
 * this file and state-database.ts are the only ones that know the state schema.
 */
import type { Db } from '../index/database.js';

/** Most saved searches one channel may have. */
export const maxSavedSearchesPerChannel = 20;

export interface SavedSearch {
  id: number;
  channelId: string;
  query: string;
  createdBy: string;
  createdAt: string;
  /** The index run up to which new articles have been checked. */
  checkedRun: number;
  /** The saver has been told that the bot cannot post in the channel. */
  toldNotInChannel: boolean;
}

export interface FeedbackSummary {
  up: number;
  down: number;
  /** Queries with the most 👎, worst first. */
  disappointing: Array<{ query: string; down: number; up: number }>;
}

const savedSearchColumns = `id, channel_id AS channelId, query, created_by AS createdBy, created_at AS createdAt,
  checked_run AS checkedRun, told_not_in_channel AS toldNotInChannel`;

type SavedSearchRow = Omit<SavedSearch, 'toldNotInChannel'> & { toldNotInChannel: number };

function prepareStatements(db: Db) {
  return {
    insert: db.prepare(
      `INSERT INTO saved_searches (channel_id, query, created_by, created_at, checked_run)
       VALUES (@channelId, @query, @createdBy, @createdAt, @checkedRun)`,
    ),
    countInChannel: db
      .prepare<[string], number>(
        'SELECT count(*) FROM saved_searches WHERE channel_id = ? AND disabled_at IS NULL',
      )
      .pluck(),
    inChannel: db.prepare<[string], SavedSearchRow>(
      `SELECT ${savedSearchColumns} FROM saved_searches WHERE channel_id = ? AND disabled_at IS NULL ORDER BY id`,
    ),
    active: db.prepare<[], SavedSearchRow>(
      `SELECT ${savedSearchColumns} FROM saved_searches WHERE disabled_at IS NULL ORDER BY id`,
    ),
    byId: db.prepare<[number], SavedSearchRow>(
      `SELECT ${savedSearchColumns} FROM saved_searches WHERE id = ? AND disabled_at IS NULL`,
    ),
    remove: db.prepare('DELETE FROM saved_searches WHERE id = ?'),
    checked: db.prepare('UPDATE saved_searches SET checked_run = max(checked_run, @run) WHERE id = @id'),
    toldNotInChannel: db.prepare('UPDATE saved_searches SET told_not_in_channel = @told WHERE id = @id'),
    disable: db.prepare(
      'UPDATE saved_searches SET disabled_at = @at, disabled_reason = @reason WHERE id = @id',
    ),
    announced: db
      .prepare<[number, string], string>(
        `SELECT article_key FROM announced
         WHERE saved_search_id = ? AND article_key IN (SELECT value FROM json_each(?))`,
      )
      .pluck(),
    announce: db.prepare(
      `INSERT INTO announced (saved_search_id, article_key, announced_at) VALUES (?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ),
    vote: db.prepare(
      `INSERT INTO feedback (user_id, query, vote, voted_at) VALUES (@userId, @query, @vote, @at)
       ON CONFLICT (user_id, query) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
    ),
    votes: db.prepare<[], { up: number; down: number }>(
      `SELECT coalesce(sum(vote = 1), 0) AS up, coalesce(sum(vote = -1), 0) AS down FROM feedback`,
    ),
    disappointing: db.prepare<[number], { query: string; down: number; up: number }>(
      `SELECT query, sum(vote = -1) AS down, sum(vote = 1) AS up FROM feedback
       GROUP BY query HAVING down > 0 ORDER BY down DESC, up, max(voted_at) DESC LIMIT ?`,
    ),
    activeCount: db
      .prepare<[], number>('SELECT count(*) FROM saved_searches WHERE disabled_at IS NULL')
      .pluck(),
  };
}

function toSavedSearch(row: SavedSearchRow): SavedSearch {
  return { ...row, toldNotInChannel: row.toldNotInChannel !== 0 };
}

export class StateStore {
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(readonly db: Db) {
    this.statements = prepareStatements(db);
  }

  /**
   * Saves a search for a channel, checked up to `checkedRun` (only later articles are new to it).
   * Returns undefined when the channel already has the most it may.
   */
  saveSearch(search: Omit<SavedSearch, 'id' | 'toldNotInChannel'>): SavedSearch | undefined {
    return this.db
      .transaction(() => {
        if (this.statements.countInChannel.get(search.channelId)! >= maxSavedSearchesPerChannel) {
          return undefined;
        }
        const id = Number(this.statements.insert.run(search).lastInsertRowid);
        return { ...search, id, toldNotInChannel: false };
      })
      .immediate();
  }

  /** A channel's saved searches, oldest first (as `/readout watching` numbers them). */
  savedSearchesIn(channelId: string): SavedSearch[] {
    return this.statements.inChannel.all(channelId).map(toSavedSearch);
  }

  /** Every saved search still active. */
  activeSavedSearches(): SavedSearch[] {
    return this.statements.active.all().map(toSavedSearch);
  }

  savedSearch(id: number): SavedSearch | undefined {
    const row = this.statements.byId.get(id);
    return row && toSavedSearch(row);
  }

  activeSavedSearchCount(): number {
    return this.statements.activeCount.get()!;
  }

  /** Removes a saved search and what it announced. True when there was one to remove. */
  removeSavedSearch(id: number): boolean {
    return this.statements.remove.run(id).changes > 0;
  }

  /** Stops a saved search for good (its channel was archived or deleted), keeping the record. */
  disableSavedSearch(id: number, reason: string, at: string): void {
    this.statements.disable.run({ id, reason, at });
  }

  setToldNotInChannel(id: number, told: boolean): void {
    this.statements.toldNotInChannel.run({ id, told: told ? 1 : 0 });
  }

  /** Which of `keys` have been announced to the saved search already. */
  announcedKeys(savedSearchId: number, keys: string[]): Set<string> {
    if (keys.length === 0) return new Set();
    return new Set(this.statements.announced.all(savedSearchId, JSON.stringify(keys)));
  }

  /** Records an alert: its articles were announced and the search is checked up to `run`. */
  recordAlert(savedSearchId: number, keys: string[], run: number, at: string): void {
    this.db.transaction(() => {
      for (const key of keys) this.statements.announce.run(savedSearchId, key, at);
      this.statements.checked.run({ id: savedSearchId, run });
    })();
  }

  /** Records a 👍 (1) or 👎 (-1) on the answer to `query`; a second vote replaces the first. */
  recordVote(userId: string, query: string, vote: 1 | -1, at: string): void {
    this.statements.vote.run({ userId, query, vote, at });
  }

  /** Vote totals and the queries that disappointed most. */
  feedbackSummary(limit = 5): FeedbackSummary {
    const totals = this.statements.votes.get()!;
    return { ...totals, disappointing: this.statements.disappointing.all(limit) };
  }
}
