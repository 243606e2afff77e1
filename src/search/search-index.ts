/**
 * The search engine behind `readout()`: a parsed query → ranked, diverse, attributed excerpts.
 *
 * Cost model (FTS5 scores every matching row before LIMIT): the MATCH statement orders by
 * `rank` alone and takes the top K candidates in a CTE; joins, metadata filters, syndication and
 * per-article limits run over those K rows only, and K grows only when filters or diversity
 * leave the page short. highlight() and the attribution are read for the 5 rows shown.
 * Typo correction and the partial-match fallback run only when the whole query matched nothing.
 */
import type { Db } from '../index/database.js';
import { partialDateStart } from '../text/partial-date.js';
import { AliasFile, aliasesFor, joinAliasNames } from './aliases.js';
import type {
  AliasExpansion,
  Attribution,
  Correction,
  InterpretedQuery,
  ReadoutAnswer,
  ReadoutOptions,
  SearchHit,
} from './answer.js';
import { arrangePages, dropSyndicatedCopies, pageAt } from './arrange.js';
import { buildExcerpt, parseHighlighted } from './excerpt.js';
import { buildMatch, type TermAlternatives } from './fts-query.js';
import { displayTerm, type ParsedQuery, parseQuery, type QueryFilters } from './parse-query.js';
import { Vocabulary } from './vocabulary.js';

export interface IndexStats {
  articles: number;
  passages: number;
  outlets: number;
  /** ISO timestamp of the last completed re-index, if any. */
  lastReindexAt: string | null;
}

export interface SearchIndexOptions {
  /** The editable alias list (db/aliases.txt); re-read when it changes. */
  aliasesFile?: string;
  /** Where to report a problem that does not stop the search (an unreadable alias file). */
  onWarning?: (message: string) => void;
}

export const defaultLimit = 5;
export const maxLimit = 20;
/** Longest excerpt, in characters (whole sentences; one long sentence is trimmed at words). */
export const excerptLength = 300;
/**
 * In the partial-match fallback, words used by more than this share of articles are left out
 * of the OR when rarer ones remain: they would make FTS5 score most of the archive.
 */
const commonWordShare = 0.05;

interface Candidate {
  passageId: number;
  rank: number;
  articleId: number;
  fingerprint: string;
  source: string | null;
  published: string | null;
  url: string | null;
}

interface Term {
  /** Words as typed (after correction). */
  words: string[];
  quoted: boolean;
  /** What is searched: the term itself, or it and its aliases. */
  alternatives: TermAlternatives;
}

/** Whether a stored date ('2016-09-05', '2016-09', '2016', '--09-05') passes the date filters. */
export function passesDateFilters(published: string | null, filters: QueryFilters): boolean {
  if (!filters.after && !filters.before) return true;
  // Year unknown (or no date): a date filter cannot vouch for it.
  const start = partialDateStart(published);
  if (start === undefined) return false;
  if (filters.after && start < filters.after) return false;
  if (filters.before && start >= filters.before) return false;
  return true;
}

/** Whether an article's outlet (or its URL's host) matches every `source:` filter value. */
export function passesSourceFilters(source: string | null, url: string | null, sources: string[]): boolean {
  if (sources.length === 0) return true;
  const outlet = (source ?? '').toLowerCase();
  let host = '';
  try {
    host = url ? new URL(url).hostname.toLowerCase() : '';
  } catch {
    // not a URL: only the outlet name counts
  }
  return sources.some((wanted) => outlet.includes(wanted) || host.includes(wanted));
}

function hasFilters(filters: QueryFilters): boolean {
  return filters.sources.length > 0 || filters.after !== undefined || filters.before !== undefined;
}

/** Why a search that matches found nothing: the filters left every passage out. */
export function filtersExcludedNote(filters: QueryFilters): string {
  const parts: string[] = [];
  if (filters.sources.length > 0) parts.push(`from ${filters.sources.join(' or ')}`);
  if (filters.after || filters.before) {
    const range = [filters.after && `from ${filters.after}`, filters.before && `before ${filters.before}`]
      .filter(Boolean)
      .join(' and ');
    parts.push(`published ${range} (articles without a known year never pass a date filter)`);
  }
  return `passages match these words, but none ${parts.join(', and none ')}; try without the filter`;
}

/** bm25 rank ascending (better first); ties: later publication first, undated last. */
export function byRankThenRecency(
  a: { rank: number; published: string | null },
  b: { rank: number; published: string | null },
): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  return (b.published ?? '').localeCompare(a.published ?? '');
}

export class SearchIndex {
  private readonly vocabulary: Vocabulary;
  private readonly aliases: AliasFile;
  private dataVersion = '';
  private statsCache: IndexStats | undefined;
  private readonly statements;

  constructor(
    readonly db: Db,
    readonly options: SearchIndexOptions = {},
  ) {
    this.vocabulary = new Vocabulary(db);
    this.aliases = new AliasFile(options.aliasesFile, options.onWarning);
    this.statements = {
      // data_version moves when another connection commits; total_changes when this one writes.
      dataVersion: db
        .prepare("SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()")
        .pluck(),
      candidates: db.prepare<{ match: string; k: number }, Candidate>(
        `WITH top AS (
           SELECT rowid AS id, rank FROM passages_fts WHERE passages_fts MATCH @match ORDER BY rank LIMIT @k
         )
         SELECT top.id AS passageId, top.rank AS rank, passages.article_id AS articleId,
                passages.fingerprint AS fingerprint, articles.source AS source,
                articles.published AS published, articles.url AS url
         FROM top
         JOIN passages ON passages.id = top.id
         JOIN articles ON articles.id = passages.article_id`,
      ),
      anyMatch: db
        .prepare<[string], number>('SELECT rowid FROM passages_fts WHERE passages_fts MATCH ? LIMIT 1')
        .pluck(),
      // One statement for the page's rows. (Not `rowid = ?`: SQLite 3.53 ignores a bound
      // `rowid = ?` next to MATCH and returns every match; IN and ranges are honoured.)
      highlights: db.prepare<{ match: string; ids: string }, { id: number; title: string; body: string }>(
        `SELECT rowid AS id, highlight(passages_fts, 0, char(2), char(3)) AS title,
                highlight(passages_fts, 1, char(2), char(3)) AS body
         FROM passages_fts WHERE passages_fts MATCH @match AND rowid IN (SELECT value FROM json_each(@ids))`,
      ),
      articles: db.prepare<[string], Attribution & { id: number }>(
        `SELECT id, title, source, author, published, url, file_path AS file FROM articles
         WHERE id IN (SELECT value FROM json_each(?))`,
      ),
      alsoIn: db
        .prepare<[string, number, string]>(
          `SELECT DISTINCT articles.source FROM passages JOIN articles ON articles.id = passages.article_id
           WHERE passages.fingerprint = ? AND passages.article_id != ? AND articles.source IS NOT NULL
             AND articles.source != ? LIMIT 5`,
        )
        .pluck(),
      wordArticles: db.prepare<[string], number>('SELECT articles FROM vocabulary WHERE word = ?').pluck(),
      meta: db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck(),
    };
  }

  /** Loads the typo-correction vocabulary now rather than on the first misspelt word. */
  warm(): void {
    this.refreshIfReindexed();
    this.vocabulary.load();
  }

  /** Article, passage and outlet counts, and the last re-index time (from the re-index's meta). */
  stats(): IndexStats {
    this.refreshIfReindexed();
    if (!this.statsCache) {
      const number = (key: string) => Number(this.statements.meta.get(key) ?? 0);
      this.statsCache = {
        articles: number('articles'),
        passages: number('passages'),
        outlets: number('outlets'),
        lastReindexAt: this.statements.meta.get('last_reindex_at') ?? null,
      };
    }
    return this.statsCache;
  }

  search(text: string, options: ReadoutOptions = {}): ReadoutAnswer {
    const parsed = parseQuery(text);
    const offset = Math.max(0, Math.trunc(options.offset ?? 0)) || 0;
    const limit = Math.min(maxLimit, Math.max(1, Math.trunc(options.limit ?? defaultLimit) || defaultLimit));
    const query: InterpretedQuery = {
      text: parsed.text,
      terms: parsed.terms.map(displayTerm),
      excluded: parsed.excluded.map(displayTerm),
      filters: { ...parsed.filters },
      corrections: [],
      aliases: [],
      notes: parsed.notes,
    };
    const answer: ReadoutAnswer = { kind: 'results', query, hits: [], offset, limit };
    if (parsed.kind === 'help') return { ...answer, kind: 'help' };
    if (parsed.terms.length === 0) {
      query.notes.push(
        parsed.excluded.length > 0 ||
          parsed.filters.sources.length > 0 ||
          parsed.filters.after ||
          parsed.filters.before
          ? 'add at least one word to search for: exclusions and filters only narrow a search'
          : 'there is no word to search for in that',
      );
      return { ...answer, kind: 'nothing_to_search' };
    }
    this.refreshIfReindexed();

    const table = this.aliases.current();
    const withAliases = (words: string[]): TermAlternatives => aliasesFor(table, words) ?? [words];
    const terms: Term[] = joinAliasNames(table, parsed.terms).map((term) => ({
      ...term,
      alternatives: withAliases(term.words),
    }));
    const excluded = parsed.excluded.map((term) => withAliases(term.words));
    const needed = offset + limit + 1;

    let match = buildMatch({ required: terms.map((t) => t.alternatives), excluded });
    let candidates = this.candidates(match, parsed, needed);

    if (candidates.length === 0) {
      const corrections = this.correctUnknownWords(terms, withAliases);
      if (corrections.length > 0) {
        query.corrections = corrections;
        query.terms = terms.map(displayTerm);
        match = buildMatch({ required: terms.map((t) => t.alternatives), excluded });
        candidates = this.candidates(match, parsed, needed);
      }
    }
    if (candidates.length === 0 && terms.length > 1) {
      const matching = terms.filter((term) => this.matches(buildMatch({ required: [term.alternatives] })));
      const unmatched = terms.filter((term) => !matching.includes(term));
      const searched = this.withoutVeryCommonWords(matching);
      if (searched.length > 0) {
        match = buildMatch({ required: searched.map((t) => t.alternatives), excluded, any: true });
        candidates = this.candidates(match, parsed, needed);
        if (candidates.length > 0) {
          query.partial = { allOf: terms.map(displayTerm), unmatched: unmatched.map(displayTerm) };
        }
      }
    }
    query.aliases = terms
      .filter((term) => term.alternatives.length > 1)
      .map<AliasExpansion>((term) => ({
        term: displayTerm(term),
        alternatives: term.alternatives.slice(1).map((words) => words.join(' ')),
      }));

    if (candidates.length === 0 && hasFilters(parsed.filters) && this.matches(match)) {
      query.notes.push(filtersExcludedNote(parsed.filters));
    }

    const page = pageAt(arrangePages(candidates, limit), offset);
    answer.offset = page.start;
    answer.nextOffset = page.nextOffset;
    answer.hits = this.hits(page.items, match, page.start + 1);
    return answer;
  }

  /**
   * Ranked, filtered, de-duplicated candidates: at least `needed` of them when the archive has
   * that many. The top K grows only when filters or duplicates thin it out.
   */
  private candidates(match: string, parsed: ParsedQuery, needed: number): Candidate[] {
    const filters = parsed.filters;
    // FTS5 ranks every match whatever K is, so a retry costs a whole ranking (1.5 ms at 1M
    // passages) while 30 extra rows cost little: start generous, grow only when really short.
    let k = Math.max(30, needed * 5);
    for (;;) {
      // Best rank first; equal ranks (the same text in several articles) newest first.
      const rows = this.statements.candidates.all({ match, k }).sort(byRankThenRecency);
      const kept = dropSyndicatedCopies(
        rows.filter(
          (row) =>
            passesDateFilters(row.published, filters) &&
            passesSourceFilters(row.source, row.url, filters.sources),
        ),
      );
      if (rows.length < k || kept.length >= needed) return kept;
      k *= 8;
    }
  }

  private matches(match: string): boolean {
    return this.statements.anyMatch.get(match) !== undefined;
  }

  /** Replaces words the index does not know by the closest archive word; returns what changed. */
  private correctUnknownWords(
    terms: Term[],
    withAliases: (words: string[]) => TermAlternatives,
  ): Correction[] {
    const corrections: Correction[] = [];
    for (const term of terms) {
      if (term.alternatives.length > 1) continue; // an alias term is the user's deliberate name
      let changed = false;
      const words = term.words.map((word) => {
        // Known as written (an index lookup), or through its stem (an FTS5 probe): keep it.
        if (this.statements.wordArticles.get(word) !== undefined) return word;
        if (this.matches(buildMatch({ required: [[[word]]] }))) return word;
        const better = this.vocabulary.correct(word);
        if (!better) return word;
        corrections.push({ from: word, to: better });
        changed = true;
        return better;
      });
      if (changed) {
        term.words = words;
        term.alternatives = withAliases(words);
      }
    }
    return corrections;
  }

  /** For the OR fallback: drop single words used by over 5% of articles, unless nothing rarer remains. */
  private withoutVeryCommonWords(terms: Term[]): Term[] {
    const articles = this.stats().articles;
    if (articles === 0) return terms;
    const rare = terms.filter(
      (term) =>
        term.words.length > 1 ||
        term.alternatives.length > 1 ||
        (this.statements.wordArticles.get(term.words[0]!) ?? 0) <= articles * commonWordShare,
    );
    return rare.length > 0 ? rare : terms;
  }

  /** The page's hits, ranked from `firstRank`: highlights and attribution read in one go. */
  private hits(candidates: Candidate[], match: string, firstRank: number): SearchHit[] {
    if (candidates.length === 0) return [];
    const highlighted = new Map(
      this.statements.highlights
        .all({ match, ids: JSON.stringify(candidates.map((c) => c.passageId)) })
        .map((row) => [row.id, row]),
    );
    const articles = new Map(
      this.statements.articles
        .all(JSON.stringify(candidates.map((c) => c.articleId)))
        .map(({ id, ...article }) => [id, article]),
    );
    return candidates.map((candidate, index) => {
      // Every row matches (it came from this MATCH) unless a re-index replaced it in between.
      const row = highlighted.get(candidate.passageId) ?? { title: '', body: '' };
      const body = parseHighlighted(row.body);
      const article = articles.get(candidate.articleId) ?? {
        title: '',
        source: null,
        author: null,
        published: null,
        url: null,
        file: '',
      };
      return {
        rank: firstRank + index,
        score: -candidate.rank,
        passageId: candidate.passageId,
        articleId: candidate.articleId,
        excerpt: buildExcerpt(body.text, body.marks, excerptLength),
        titleMarks: parseHighlighted(row.title).marks,
        article,
        alsoIn: this.statements.alsoIn.all(
          candidate.fingerprint,
          candidate.articleId,
          article.source ?? '',
        ) as string[],
      };
    });
  }

  /** Another connection (a re-index) committed: forget what was loaded from the old index. */
  private refreshIfReindexed(): void {
    const version = this.statements.dataVersion.get() as string;
    if (version !== this.dataVersion) {
      if (this.dataVersion !== '') this.vocabulary.invalidate();
      this.dataVersion = version;
      this.statsCache = undefined;
    }
  }
}
