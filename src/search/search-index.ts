/**
 * The search plan behind `readout()`: a parsed query → ranked, diverse, attributed excerpts.
 *
 * Strategies, tried in order until one finds something:
 *   1. every term (with its aliases), filters applied to the top K candidates;
 *   2. the same after correcting words the archive does not know (typos, spelling variants);
 *   3. the partial-match fallback: passages with some of the terms, rarest first.
 * A search scoped to some re-index runs (a saved search looking for new articles) tries the
 * first strategy only: an alert must not fire on a guessed spelling or on some of the words.
 * All SQL is in src/index/reader.ts; this file decides what to ask and in which order.
 */
import type { Candidate, IndexReader, IndexStats, OutletCount } from '../index/reader.js';
import { AliasFile, aliasesFor, joinAliasNames } from './aliases.js';
import { type AliasExpansion, interpretedQuery, type ReadoutAnswer } from './answer.js';
import { arrangePages, byRankThenRecency, dropSyndicatedCopies, pageAt } from './arrange.js';
import { type LinkedArticle, linkVariants } from './article-links.js';
import { correctUnknownWords, type SearchTerm, withoutVeryCommonWords } from './corrections.js';
import {
  filtersExcludedNote,
  hasFilters,
  passesDateFilters,
  passesRunScope,
  passesSourceFilters,
  type RunScope,
} from './filters.js';
import { buildMatch, type TermAlternatives } from './fts-query.js';
import { buildHits } from './hits.js';
import { displayTerm, type ParsedQuery } from './parse-query.js';
import { Vocabulary } from './vocabulary.js';

export interface SearchIndexOptions {
  /** The editable alias list (db/aliases.txt); re-read when it changes. */
  aliasesFile?: string;
  /** Where to report a problem that does not stop the search (an unreadable alias file). */
  onWarning?: (message: string) => void;
}

/** Which page of results: 0-based offset into the ranked list, and its size. */
export interface Page {
  offset: number;
  limit: number;
}

export class SearchIndex {
  private readonly vocabulary: Vocabulary;
  private readonly aliases: AliasFile;
  private dataVersion = '';
  private statsCache: IndexStats | undefined;

  constructor(
    readonly reader: IndexReader,
    readonly options: SearchIndexOptions = {},
  ) {
    this.vocabulary = new Vocabulary(() => reader.vocabulary());
    this.aliases = new AliasFile(options.aliasesFile, options.onWarning);
  }

  /** Loads the typo-correction vocabulary now rather than on the first misspelt word. */
  warm(): void {
    this.refreshIfReindexed();
    this.vocabulary.load();
  }

  /** Article, passage and outlet counts, and the last re-index time (from the re-index's meta). */
  stats(): IndexStats {
    this.refreshIfReindexed();
    this.statsCache ??= this.reader.stats();
    return this.statsCache;
  }

  /** Outlets whose name contains `text` (any case), most articles first, at most `limit`. */
  outlets(text: string, limit: number): OutletCount[] {
    return this.reader.outlets(text.trim().toLowerCase(), Math.max(0, Math.trunc(limit)));
  }

  /** The archive's article at a link someone posted (the newest, if several have it), or undefined. */
  articleAt(url: string): LinkedArticle | undefined {
    const variants = linkVariants(url);
    return variants.length > 0 ? this.reader.articlesByUrl(variants)[0] : undefined;
  }

  /**
   * Runs a parsed query (with at least one term) and returns one page of the answer; with a
   * `scope`, only articles the re-index runs in scope added or changed, and no fallbacks.
   */
  search(parsed: ParsedQuery, page: Page, scope?: RunScope): ReadoutAnswer {
    const { offset, limit } = page;
    const query = interpretedQuery(parsed);
    this.refreshIfReindexed();

    const table = this.aliases.current();
    const withAliases = (words: string[]): TermAlternatives => aliasesFor(table, words) ?? [words];
    const terms: SearchTerm[] = joinAliasNames(table, parsed.terms).map((term) => ({
      ...term,
      alternatives: withAliases(term.words),
    }));
    const excluded = parsed.excluded.map((term) => withAliases(term.words));
    const needed = offset + limit + 1;

    let match = buildMatch({ required: terms.map((t) => t.alternatives), excluded });
    let candidates = this.candidates(match, parsed, needed, scope);

    if (candidates.length === 0 && !scope) {
      const corrections = correctUnknownWords(terms, withAliases, this.reader, this.vocabulary);
      if (corrections.length > 0) {
        query.corrections = corrections;
        query.terms = terms.map(displayTerm);
        match = buildMatch({ required: terms.map((t) => t.alternatives), excluded });
        candidates = this.candidates(match, parsed, needed);
      }
    }
    if (candidates.length === 0 && terms.length > 1 && !scope) {
      const matching = terms.filter((term) =>
        this.reader.matches(buildMatch({ required: [term.alternatives] })),
      );
      const unmatched = terms.filter((term) => !matching.includes(term));
      const searched = withoutVeryCommonWords(matching, this.stats().articles, this.reader);
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

    if (candidates.length === 0 && !scope && hasFilters(parsed.filters) && this.reader.matches(match)) {
      query.notes.push(filtersExcludedNote(parsed.filters));
    }

    const shown = pageAt(arrangePages(candidates, limit), offset);
    return {
      kind: 'results',
      query,
      hits: buildHits(this.reader, shown.items, match, shown.start + 1),
      offset: shown.start,
      limit,
      nextOffset: shown.nextOffset,
    };
  }

  /**
   * Ranked, filtered, de-duplicated candidates: at least `needed` of them when the archive has
   * that many. The top K grows only when filters or duplicates thin it out.
   */
  private candidates(match: string, parsed: ParsedQuery, needed: number, scope?: RunScope): Candidate[] {
    const filters = parsed.filters;
    // FTS5 ranks every match whatever K is, so a retry costs a whole ranking (1.5 ms at 1M
    // passages) while 30 extra rows cost little: start generous, grow only when really short.
    let k = Math.max(30, needed * 5);
    for (;;) {
      // Best rank first; equal ranks (the same text in several articles) newest first.
      const rows = this.reader.candidates(match, k).sort(byRankThenRecency);
      const kept = dropSyndicatedCopies(
        rows.filter(
          (row) =>
            passesDateFilters(row.published, filters) &&
            passesSourceFilters(row.source, row.url, filters.sources) &&
            passesRunScope(row.indexedRun, scope),
        ),
      );
      if (rows.length < k || kept.length >= needed) return kept;
      k *= 8;
    }
  }

  /** Another connection (a re-index) committed: forget what was loaded from the old index. */
  private refreshIfReindexed(): void {
    const version = this.reader.dataVersion();
    if (version !== this.dataVersion) {
      if (this.dataVersion !== '') this.vocabulary.invalidate();
      this.dataVersion = version;
      this.statsCache = undefined;
    }
  }
}
