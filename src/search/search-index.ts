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
import { speakerMatches } from '../text/speaker-name.js';
import { surfaceWords } from '../text/words.js';
import { AliasFile, aliasesFor } from './aliases.js';
import { type AliasExpansion, interpretedQuery, type ReadoutAnswer } from './answer.js';
import { arrangePages, byRankThenRecency, dropSyndicatedCopies, pageAt } from './arrange.js';
import { type LinkedArticle, linkVariants } from './article-links.js';
import { correctUnknownWords, type SearchTerm } from './corrections.js';
import { coverageOrder, markWeights, termWeight } from './coverage.js';
import { EnglishWords } from './english-words.js';
import { type ExpandedTerms, expandTerms } from './expand-terms.js';
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

/** Most FTS5 queries the partial-match fallback makes for one page (one per set of words). */
const maxPartialQueries = 64;

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

/** What `SearchIndex.expandQuery` reads from a parsed query. */
export interface ExpandedQuery extends ExpandedTerms {
  speakers: ReadonlySet<string> | undefined;
}

export class SearchIndex {
  private readonly vocabulary: Vocabulary;
  private readonly aliases: AliasFile;
  /** English words and how common each is (typo correction; the commands' sense of rare words). */
  readonly english = new EnglishWords();
  private dataVersion = '';
  private statsCache: IndexStats | undefined;
  /** Every speaker quoted in the archive (for `who:`), loaded on the first `who:` search. */
  private speakerKeyCache: string[] | undefined;

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
    this.english.load();
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
   * Runs a parsed query (with at least one term or `who:` speaker) and returns one page of the
   * answer; with a `scope`, only articles the re-index runs in scope added or changed, and no
   * fallbacks.
   */
  search(parsed: ParsedQuery, page: Page, scope?: RunScope): ReadoutAnswer {
    const { offset, limit } = page;
    const query = interpretedQuery(parsed);
    const { terms, excluded, speakers, expand } = this.expandQuery(parsed);
    const needed = offset + limit + 1;
    if (speakers?.size === 0) {
      query.notes.push(`the archive has no quotation by ${parsed.filters.speakers.join(' or ')}`);
      return { kind: 'results', query, hits: [], offset: 0, limit };
    }
    // With no words (`who:falk -bridge`), excluded words leave passages out of the speaker's list.
    const except =
      terms.length === 0 && excluded.length > 0 ? buildMatch({ required: excluded, any: true }) : undefined;

    let match =
      terms.length === 0 ? '' : buildMatch({ required: terms.map((t) => t.alternatives), excluded });
    let candidates = this.candidates(match, parsed, needed, speakers, except, scope);

    if (candidates.length === 0 && terms.length > 0 && !scope) {
      const corrections = correctUnknownWords(terms, expand, {
        reader: this.reader,
        vocabulary: this.vocabulary,
        english: this.english,
      });
      if (corrections.length > 0) {
        query.corrections = corrections;
        query.terms = terms.map(displayTerm);
        match = buildMatch({ required: terms.map((t) => t.alternatives), excluded });
        candidates = this.candidates(match, parsed, needed, speakers);
      }
    }
    const articles = Math.max(this.stats().articles, 1);
    const weights = new Map(terms.map((term) => [term, termWeight(this.articlesUsing(term), articles)]));
    // Fewer than a page have every word: the best partial matches follow them, labelled.
    const missing = new Map<number, string[]>();
    if (candidates.length < needed && terms.length > 1 && !scope) {
      const partial = this.partialMatches(
        terms,
        weights,
        excluded,
        parsed,
        needed - candidates.length,
        speakers,
      );
      if (partial.candidates.length > 0) {
        query.partial = {
          allOf: terms.map(displayTerm),
          unmatched: partial.unmatched,
          complete: candidates.length,
        };
        const seen = new Set(candidates.map((candidate) => candidate.passageId));
        for (const candidate of partial.candidates) {
          if (seen.has(candidate.passageId)) continue;
          missing.set(candidate.passageId, partial.missing.get(candidate.passageId) ?? []);
          candidates.push(candidate);
        }
        candidates = dropSyndicatedCopies(candidates);
        // Marks every query word a passage has, whichever of them it has.
        match = partial.anyWord;
      }
    }
    query.aliases = terms
      .filter((term) => term.aliased)
      .map<AliasExpansion>((term) => ({
        term: displayTerm(term),
        alternatives: term.alternatives.slice(1).map((words) => words.join(' ')),
      }));

    if (
      candidates.length === 0 &&
      !scope &&
      match !== '' &&
      hasFilters(parsed.filters) &&
      this.reader.matches(match)
    ) {
      query.notes.push(filtersExcludedNote(parsed.filters));
    }

    const shown = pageAt(arrangePages(candidates, limit), offset);
    const markWeight = markWeights(
      terms.map((term) => ({
        key: displayTerm(term),
        alternatives: term.alternatives,
        weight: weights.get(term)!,
      })),
    );
    const hits = buildHits(this.reader, shown.items, match, shown.start + 1, markWeight, speakers);
    for (const hit of hits) {
      const lacks = missing.get(hit.passageId);
      if (lacks) hit.missing = lacks;
    }
    return {
      kind: 'results',
      query,
      hits,
      offset: shown.start,
      limit,
      nextOffset: shown.nextOffset,
    };
  }

  /**
   * Whether the alias list (db/aliases.txt) names `phrase`, as one of its names.
   *
   * @example search.isListedName('Jabhat al-Nusra') // true with the bundled list
   */
  isListedName(phrase: string): boolean {
    const words = surfaceWords(phrase);
    return words.length > 0 && aliasesFor(this.aliases.current(), words) !== undefined;
  }

  /**
   * A parsed query's terms with their aliases and word forms (`expand` gives any words theirs), its
   * exclusions, and the archive's speaker keys its `who:` names stand for (undefined without
   * `who:`; empty when the archive quotes none of them). The commands that build on the search
   * (compare, timeline) read the archive with these, as the search does.
   */
  expandQuery(parsed: ParsedQuery): ExpandedQuery {
    this.refreshIfReindexed();
    const table = this.aliases.current();
    return {
      ...expandTerms(table, parsed),
      speakers: this.speakerKeysFor(parsed.filters.speakers, (words) => aliasesFor(table, words) ?? [words]),
    };
  }

  /**
   * Passages with some of the terms, by how much of the query they cover (each term weighted by
   * its rarity; see coverage.ts): every term the archive has is weighed, none left out. Returns
   * the candidates in that order with the terms each lacks, the terms nothing matches, and a
   * MATCH of any term (for marking the words).
   */
  private partialMatches(
    terms: SearchTerm[],
    weights: Map<SearchTerm, number>,
    excluded: TermAlternatives[],
    parsed: ParsedQuery,
    wanted: number,
    speakers: ReadonlySet<string> | undefined,
  ): { candidates: Candidate[]; missing: Map<number, string[]>; unmatched: string[]; anyWord: string } {
    const matched = terms
      .filter((term) => this.reader.matches(buildMatch({ required: [term.alternatives] })))
      .map((term) => ({ term, weight: weights.get(term)! }))
      .sort((a, b) => b.weight - a.weight);
    const unmatched = terms.filter((term) => !matched.some((m) => m.term === term)).map(displayTerm);
    const anyWord = buildMatch({ required: matched.map((m) => m.term.alternatives), any: true });
    const found = { candidates: [] as Candidate[], missing: new Map<number, string[]>(), unmatched, anyWord };
    const sets = coverageOrder(
      matched.map((m) => m.weight),
      unmatched.length > 0,
    );
    for (const set of sets.slice(0, maxPartialQueries)) {
      if (found.candidates.length >= wanted) break;
      const inSet = set.map((i) => matched[i]!.term);
      const others = matched.map((m) => m.term).filter((term) => !inSet.includes(term));
      const lacks = terms.filter((term) => !inSet.includes(term)).map(displayTerm);
      const exact = buildMatch({
        required: inSet.map((term) => term.alternatives),
        excluded: [...excluded, ...others.map((term) => term.alternatives)],
      });
      for (const candidate of this.candidates(exact, parsed, wanted - found.candidates.length, speakers)) {
        found.candidates.push(candidate);
        found.missing.set(candidate.passageId, lacks);
      }
    }
    return found;
  }

  /** Estimated number of articles matching a term: its rarest word, summed over its alternatives. */
  private articlesUsing(term: SearchTerm): number {
    let total = 0;
    for (const words of term.alternatives) {
      total += Math.min(...words.map((word) => this.reader.wordArticles(word) ?? 0));
    }
    return total;
  }

  /**
   * Ranked, filtered, de-duplicated candidates: at least `needed` of them when the archive has
   * that many. The top K grows only when filters or duplicates thin it out.
   */
  private candidates(
    match: string,
    parsed: ParsedQuery,
    needed: number,
    speakers: ReadonlySet<string> | undefined,
    except?: string,
    scope?: RunScope,
  ): Candidate[] {
    const filters = parsed.filters;
    // FTS5 ranks every match whatever K is, so a retry costs a whole ranking (1.5 ms at 1M
    // passages) while 30 extra rows cost little: start generous, grow only when really short.
    let k = Math.max(30, needed * 5);
    for (;;) {
      // Best rank first; equal ranks (the same text in several articles) newest first.
      const rows = this.rankedRows(match, k, speakers, except).sort(byRankThenRecency);
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

  /**
   * The top `k` rows: matches of `match` (quoting `speakers`, if given), or with no words the
   * speakers' quotations newest first (none matching `except`).
   */
  rankedRows(
    match: string,
    k: number,
    speakers: ReadonlySet<string> | undefined,
    except: string | undefined,
  ): Candidate[] {
    if (!speakers) return this.reader.candidates(match, k);
    if (match === '') return this.reader.quotingNewestFirst([...speakers], k, except);
    return this.reader.candidatesQuoting(match, [...speakers], k);
  }

  /**
   * The speaker keys of the archive that the `who:` names (and their aliases: `who:путин` finds
   * Putin) stand for; undefined when the query has no `who:`.
   */
  private speakerKeysFor(
    names: string[],
    withAliases: (words: string[]) => TermAlternatives,
  ): ReadonlySet<string> | undefined {
    if (names.length === 0) return undefined;
    this.speakerKeyCache ??= this.reader.speakerKeys();
    const asked = names.flatMap((name) => withAliases(name.split(' ')).map((words) => words.join(' ')));
    return new Set(this.speakerKeyCache.filter((key) => asked.some((name) => speakerMatches(name, key))));
  }

  /** Another connection (a re-index) committed: forget what was loaded from the old index. */
  private refreshIfReindexed(): void {
    const version = this.reader.dataVersion();
    if (version !== this.dataVersion) {
      if (this.dataVersion !== '') this.vocabulary.invalidate();
      this.dataVersion = version;
      this.statsCache = undefined;
      this.speakerKeyCache = undefined;
    }
  }
}
