/**
 * The search plan behind `readout()`: a parsed query → ranked, diverse, attributed excerpts.
 *
 * Strategies, tried in order until one finds something:
 *   1. every term (with its aliases), with the filters inside the ranking (candidates.ts);
 *   2. the same after correcting words the archive does not know (typos, spelling variants);
 *   3. the partial-match fallback: passages with some of the terms, rarest first.
 * One very common word is answered from its champion list (common-words.ts). All SQL is in
 * src/index/reader.ts; this file decides what to ask and in which order.
 */
import { ReadoutError } from '../errors.js';
import type { Candidate, FacetFilter, IndexReader, IndexStats } from '../index/reader.js';
import { AliasFile, aliasesFor, joinAliasNames } from './aliases.js';
import { type AliasExpansion, interpretedQuery, type ReadoutAnswer } from './answer.js';
import { arrangePages, pageAt } from './arrange.js';
import { findCandidates } from './candidates.js';
import { correctUnknownWords, type SearchTerm, withoutVeryCommonWords } from './corrections.js';
import { facetFilter, filtersExcludedNote, hasFilters } from './filters.js';
import { buildMatch, type TermAlternatives } from './fts-query.js';
import { buildHits } from './hits.js';
import { IndexView } from './index-view.js';
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
  private readonly view: IndexView;
  private dataVersion = '';
  private statsCache: IndexStats | undefined;

  constructor(
    readonly reader: IndexReader,
    readonly options: SearchIndexOptions = {},
  ) {
    this.vocabulary = new Vocabulary(() => reader.vocabulary());
    this.view = new IndexView(reader);
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

  /** Runs a parsed query (with at least one term) and returns one page of the answer. */
  search(parsed: ParsedQuery, page: Page): ReadoutAnswer {
    const { offset, limit } = page;
    const query = interpretedQuery(parsed);
    this.refreshIfReindexed();
    const rebuild = this.view.rebuildRequired();
    if (rebuild) throw new ReadoutError('index_unavailable', rebuild);
    // undefined: no outlet matches `source:`, so nothing can pass.
    const facets = facetFilter(parsed.filters, this.view.outlets());

    const table = this.aliases.current();
    const withAliases = (words: string[]): TermAlternatives => aliasesFor(table, words) ?? [words];
    const terms: SearchTerm[] = joinAliasNames(table, parsed.terms).map((term) => ({
      ...term,
      alternatives: withAliases(term.words),
    }));
    const excluded = parsed.excluded.map((term) => withAliases(term.words));
    const candidatesFor = (match: string, single?: SearchTerm[]) =>
      this.candidates(
        match,
        facets,
        page,
        single?.length === 1 && excluded.length === 0 ? single[0] : undefined,
      );

    let match = buildMatch({ required: terms.map((t) => t.alternatives), excluded });
    let candidates = candidatesFor(match, terms);

    if (candidates.length === 0) {
      const corrections = correctUnknownWords(terms, withAliases, this.reader, this.vocabulary);
      if (corrections.length > 0) {
        query.corrections = corrections;
        query.terms = terms.map(displayTerm);
        match = buildMatch({ required: terms.map((t) => t.alternatives), excluded });
        candidates = candidatesFor(match, terms);
      }
    }
    if (candidates.length === 0 && terms.length > 1) {
      const matching = terms.filter((term) =>
        this.reader.matches(buildMatch({ required: [term.alternatives] })),
      );
      const unmatched = terms.filter((term) => !matching.includes(term));
      const searched = withoutVeryCommonWords(matching, this.stats().articles, this.reader);
      if (searched.length > 0) {
        match = buildMatch({ required: searched.map((t) => t.alternatives), excluded, any: true });
        candidates = candidatesFor(match);
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

    if (candidates.length === 0 && hasFilters(parsed.filters) && this.reader.matches(match)) {
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
   * Ranked, filtered, de-duplicated candidates for the page (candidates.ts); none when no
   * outlet matches the `source:` filter. A single unquoted word without aliases may be
   * answered from its champion list.
   */
  private candidates(
    match: string,
    facets: FacetFilter | undefined,
    page: Page,
    term?: SearchTerm,
  ): Candidate[] {
    if (!facets) return [];
    const [words] = term?.alternatives.length === 1 ? term.alternatives : [];
    const singleWord = words?.length === 1 ? words[0] : undefined;
    return findCandidates(this.reader, this.view, { match, facets, ...page, singleWord });
  }

  /** Another connection (a re-index) committed: forget what was loaded from the old index. */
  private refreshIfReindexed(): void {
    const version = this.reader.dataVersion();
    if (version !== this.dataVersion) {
      if (this.dataVersion !== '') this.vocabulary.invalidate();
      this.view.invalidate();
      this.dataVersion = version;
      this.statsCache = undefined;
    }
  }
}
