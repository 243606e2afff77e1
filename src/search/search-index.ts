/**
 * The search plan behind `readout()`: a parsed query → ranked, diverse, attributed excerpts.
 *
 * Strategies, tried in order until one finds something:
 *   1. every term (with its aliases), with the filters inside the ranking (candidates.ts);
 *   2. the same after correcting words the archive does not know (typos, spelling variants);
 *   3. the partial-match fallback: passages with some of the terms, rarest first.
 * A search scoped to some re-index runs (a saved search looking for new articles) tries the
 * first strategy only: an alert must not fire on a guessed spelling or on some of the words.
 * Outlet, dates, `who:` and the run scope are facets the index tests with the match (filters.ts,
 * src/index/facet-statements.ts). One very common word is answered from its champion list
 * (common-words.ts). All SQL is in src/index/reader.ts; this file decides what to ask and in which order.
 */
import { ReadoutError } from '../errors.js';
import type { Candidate, FacetFilter, IndexReader, IndexStats, OutletCount } from '../index/reader.js';
import { surfaceWords } from '../text/words.js';
import { AliasFile, aliasesFor } from './aliases.js';
import { type AliasExpansion, interpretedQuery, type ReadoutAnswer } from './answer.js';
import { arrangePages, dropSyndicatedCopies, pageAt } from './arrange.js';
import { type LinkedArticle, linkVariants } from './article-links.js';
import { type FoundCandidates, findCandidates, pageFull } from './candidates.js';
import { correctUnknownWords, type SearchTerm } from './corrections.js';
import { coverageOrder, markWeights, termWeight } from './coverage.js';
import { EnglishWords } from './english-words.js';
import { type ExpandedTerms, expandTerms } from './expand-terms.js';
import { facetFilter, filtersExcludedNote, hasFilters, type RunScope, startFromSpeakers } from './filters.js';
import { buildMatch, type TermAlternatives } from './fts-query.js';
import { buildHits } from './hits.js';
import { IndexView } from './index-view.js';
import { displayTerm, type ParsedQuery } from './parse-query.js';
import { SpeakerKeys } from './speaker-keys.js';
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

/** What a partial match lacks (the query's words and phrases, as shown), and a MATCH of what it has. */
interface PartialMatch {
  lacks: string[];
  has: string;
}

export class SearchIndex {
  private readonly vocabulary: Vocabulary;
  private readonly aliases: AliasFile;
  /** English words and how common each is (typo correction; the commands' sense of rare words). */
  readonly english = new EnglishWords();
  private readonly view: IndexView;
  private dataVersion = '';
  private statsCache: IndexStats | undefined;
  /** Every speaker quoted in the archive and their quotations (for `who:`), loaded on the first `who:` search. */
  private speakerKeyCache: SpeakerKeys | undefined;

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
    this.refreshIfReindexed();
    const rebuild = this.view.rebuildRequired();
    if (rebuild) throw new ReadoutError('index_unavailable', rebuild);
    const { terms, excluded, speakers, expand } = this.expandQuery(parsed);
    const needed = offset + limit + 1;
    if (speakers?.size === 0) {
      query.notes.push(`the archive has no quotation by ${parsed.filters.speakers.join(' or ')}`);
      return { kind: 'results', query, hits: [], offset: 0, limit };
    }
    // undefined: no outlet matches `source:`, so nothing can pass.
    const facets = this.facets(parsed, speakers, scope);
    // `who:` with words: from the speakers' quotations when they are few beside the words' matches.
    if (facets?.speakers && terms.length > 0) {
      const quotations = facets.speakers.reduce(
        (sum, key) => sum + (this.speakerKeyCache?.quotations.get(key) ?? 0),
        0,
      );
      const matches = Math.min(...terms.map((term) => this.documentsUsing(term)));
      facets.speakersFirst = startFromSpeakers(quotations, matches);
    }
    // With no words (`who:falk -bridge`), excluded words leave passages out of the speaker's list.
    const except =
      terms.length === 0 && excluded.length > 0 ? buildMatch({ required: excluded, any: true }) : undefined;

    let match =
      terms.length === 0 ? '' : buildMatch({ required: terms.map((t) => t.alternatives), excluded });
    let found = this.candidates(match, facets, page, { singleWord: championWord(terms, excluded), except });
    let candidates = found.candidates;

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
        found = this.candidates(match, facets, page, { singleWord: championWord(terms, excluded) });
        candidates = found.candidates;
      }
    }
    const documents = Math.max(this.documentCount(), 1);
    const weights = new Map(terms.map((term) => [term, termWeight(this.documentsUsing(term), documents)]));
    // Fewer than a page have every word: the best partial matches follow them, labelled.
    const partials = new Map<number, PartialMatch>();
    // Whether more partial matches pass than were read (only whether: the page is full without them).
    let moreBeyond = false;
    if (candidates.length < needed && terms.length > 1 && !scope) {
      const partial = this.partialMatches(terms, weights, excluded, facets, page, found);
      if (partial.candidates.length > 0) {
        query.partial = {
          allOf: terms.map(displayTerm),
          unmatched: partial.unmatched,
          complete: candidates.length,
          quoted: partial.quoted,
        };
        const seen = new Set(candidates.map((candidate) => candidate.passageId));
        for (const candidate of partial.candidates) {
          if (seen.has(candidate.passageId)) continue;
          partials.set(candidate.passageId, partial.partials.get(candidate.passageId)!);
          candidates.push(candidate);
        }
        candidates = dropSyndicatedCopies(candidates);
        // Marks every query word a passage has: the complete matches with any of them (they have
        // all), each partial match with the words it has (hits.ts, highlightedRows).
        match = partial.anyWord;
      } else if (candidates.length > 0 && partial.quoted.length > 0 && !partial.more) {
        query.notes.push(
          `no other passage${hasFilters(parsed.filters) ? ' within the filters' : ''} has ${oneOf(partial.quoted)}`,
        );
      }
      moreBeyond = partial.more;
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
    const marking = (candidate: Candidate) => partials.get(candidate.passageId)?.has ?? match;
    const hits = buildHits(this.reader, shown.items, marking, shown.start + 1, markWeight, speakers);
    for (const hit of hits) {
      const lacks = partials.get(hit.passageId)?.lacks;
      if (lacks) hit.missing = lacks;
    }
    return {
      kind: 'results',
      query,
      hits,
      offset: shown.start,
      limit,
      nextOffset: shown.nextOffset ?? (moreBeyond ? shown.start + shown.items.length : undefined),
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
   * the candidates in that order — as many as fill the pages up to `page` after the `complete`
   * ones, and one more to show a next page — with the terms each lacks and a MATCH of those it
   * has, the terms nothing matches, and a MATCH of any term (for marking the complete ones).
   * When only that one more is missing and the page is full, whether any other partial match
   * passes is asked instead of ranking the next set of words for it (`more`).
   *
   * Quotes say the words matter as typed: when the query quotes a phrase (or a word) the archive
   * has, every partial match has one of its quoted terms (`quoted`) — the other words alone do
   * not stand in for it, and are never ranked (a mid-frequency word alone is thousands of
   * passages to rank at a million).
   *
   * Two words: a passage with one of them that also has the other is a complete match, and when
   * the complete ranking read every one of those (`everyMatch`, the common case here: fewer than
   * a page), the one word's ranking leaves them out instead of excluding the other word, which
   * makes FTS5 read that word's postings twice (for the NOT and for its IDF): a tenth to a third
   * of the ranking's time. The ranks are the same: bm25 sums over the query's phrases, and a
   * word a passage does not have adds nothing.
   */
  private partialMatches(
    terms: SearchTerm[],
    weights: Map<SearchTerm, number>,
    excluded: TermAlternatives[],
    facets: FacetFilter | undefined,
    page: Page,
    { candidates: complete, everyMatch }: FoundCandidates,
  ): {
    candidates: Candidate[];
    partials: Map<number, PartialMatch>;
    unmatched: string[];
    anyWord: string;
    more: boolean;
    quoted: string[];
  } {
    const wanted = page.offset + page.limit + 1 - complete.length;
    // A complete match has every term: then each matches something, without asking the index.
    const matched = terms
      .filter(
        (term) => complete.length > 0 || this.reader.matches(buildMatch({ required: [term.alternatives] })),
      )
      .map((term) => ({ term, weight: weights.get(term)! }))
      .sort((a, b) => b.weight - a.weight);
    const unmatched = terms.filter((term) => !matched.some((m) => m.term === term)).map(displayTerm);
    const anyWord = buildMatch({ required: matched.map((m) => m.term.alternatives), any: true });
    const quoted = terms.filter((term) => term.quoted && matched.some((m) => m.term === term));
    const found = {
      candidates: [] as Candidate[],
      partials: new Map<number, PartialMatch>(),
      unmatched,
      anyWord,
      more: false,
      quoted: quoted.map(displayTerm),
    };
    const sets = coverageOrder(
      matched.map((m) => m.weight),
      unmatched.length > 0,
    ).filter((set) => quoted.length === 0 || set.some((i) => matched[i]!.term.quoted));
    // A passage is in one of those sets when it has any of these terms.
    const someTerms = quoted.length > 0 ? quoted : matched.map((m) => m.term);
    const leaveOut = terms.length === 2 && matched.length === 2 ? everyMatch : undefined;
    for (const set of sets.slice(0, maxPartialQueries)) {
      if (found.candidates.length >= wanted) break;
      if (
        facets &&
        found.candidates.length === wanted - 1 &&
        sets.length <= maxPartialQueries &&
        pageFull(dropSyndicatedCopies([...complete, ...found.candidates]), page.offset, page.limit)
      ) {
        // Any passage with some of the words, none excluded, that passes and is not shown yet.
        const some = buildMatch({
          required: someTerms.map((term) => term.alternatives),
          excluded,
          any: true,
        });
        const shown = [...complete, ...found.candidates].map((candidate) => candidate.fingerprint);
        found.more = this.reader.hasAnotherMatch(some, facets, shown);
        break;
      }
      const inSet = set.map((i) => matched[i]!.term);
      const others = matched.map((m) => m.term).filter((term) => !inSet.includes(term));
      const lacks = terms.filter((term) => !inSet.includes(term)).map(displayTerm);
      const exact = buildMatch({
        required: inSet.map((term) => term.alternatives),
        excluded: leaveOut ? excluded : [...excluded, ...others.map((term) => term.alternatives)],
      });
      const has = buildMatch({ required: inSet.map((term) => term.alternatives) });
      const setPage = { offset: 0, limit: wanted - found.candidates.length };
      const ranked = this.candidates(exact, facets, setPage, { leaveOut });
      for (const candidate of ranked.candidates) {
        found.candidates.push(candidate);
        found.partials.set(candidate.passageId, { lacks, has });
      }
    }
    return found;
  }

  /** Estimated number of documents matching a term: its rarest word, summed over its alternatives. */
  private documentsUsing(term: SearchTerm): number {
    let total = 0;
    for (const words of term.alternatives) {
      total += Math.min(...words.map((word) => this.reader.wordDocuments(word) ?? 0));
    }
    return total;
  }

  /** The number of documents (distinct texts) in the index, as FTS5 counts them. */
  documentCount(): number {
    return this.view.ftsTotals().rows;
  }

  /**
   * The facets the query's filters, `who:` speakers and run scope ask for (see
   * src/index/facet-statements.ts); undefined when nothing can pass.
   */
  private facets(
    parsed: ParsedQuery,
    speakers: ReadonlySet<string> | undefined,
    scope: RunScope | undefined,
  ): FacetFilter | undefined {
    const facets = facetFilter(parsed.filters, this.view.outlets());
    if (!facets) return undefined;
    if (speakers) facets.speakers = [...speakers];
    if (scope) {
      facets.afterRun = scope.afterRun;
      if (scope.throughRun !== undefined) facets.throughRun = scope.throughRun;
    }
    return facets;
  }

  /**
   * Ranked, filtered, de-duplicated candidates for the page (candidates.ts): at least enough to
   * fill the pages up to it when the archive has that many; none when nothing can pass; none of
   * the documents `leaveOut`; from a very common `singleWord`'s champion list when it has one.
   * With no words (`who:` alone), the speakers' quotations newest first, none matching `except`.
   */
  private candidates(
    match: string,
    facets: FacetFilter | undefined,
    page: Page,
    { singleWord, except, leaveOut }: { singleWord?: string; except?: string; leaveOut?: number[] } = {},
  ): FoundCandidates {
    if (!facets) return { candidates: [] };
    if (match !== '')
      return findCandidates(this.reader, this.view, { match, facets, ...page, singleWord, leaveOut });
    const needed = page.offset + page.limit + 1;
    // Newest first is not a ranking FTS5 could bound: read more only when copies thin it out.
    for (let k = Math.max(30, needed * 5); ; k *= 8) {
      const rows = this.reader.newestFirst(facets, k, except);
      const kept = dropSyndicatedCopies(rows);
      if (rows.length < k || kept.length >= needed) return { candidates: kept };
    }
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
    this.speakerKeyCache ??= new SpeakerKeys(this.reader.speakerKeys());
    const speakers = this.speakerKeyCache;
    const asked = names.flatMap((name) => withAliases(name.split(' ')).map((words) => words.join(' ')));
    return new Set(asked.flatMap((name) => speakers.matching(name)));
  }

  /** Another connection (a re-index) committed: forget what was loaded from the old index. */
  private refreshIfReindexed(): void {
    const version = this.reader.dataVersion();
    if (version !== this.dataVersion) {
      if (this.dataVersion !== '') this.vocabulary.invalidate();
      this.view.invalidate();
      this.dataVersion = version;
      this.statsCache = undefined;
      this.speakerKeyCache = undefined;
    }
  }
}

/** The query's one word, when it is a single word without aliases, other forms or exclusions. */
function championWord(terms: SearchTerm[], excluded: TermAlternatives[]): string | undefined {
  if (terms.length !== 1 || excluded.length > 0) return undefined;
  const [alternative, ...others] = terms[0]!.alternatives;
  return others.length === 0 && alternative?.length === 1 ? alternative[0] : undefined;
}

/** `"a b"`, or `any of: "a b", "c"`. */
function oneOf(terms: string[]): string {
  return terms.length === 1 ? terms[0]! : `any of: ${terms.join(', ')}`;
}
