/**
 * `/readout compare QUERY`: the event the query is about and each side's account of it.
 *
 * 1. The search plan finds the best passages (every word, else corrections, else partial
 *    matches); their articles are read whole.
 * 2. The articles are grouped into events (event-groups.ts: time, speakers, rare words); the
 *    events are ranked by how well their articles answer the query.
 * 3. For the event shown (the best, or another by `offset`), the speakers of its quotations are
 *    folded into sides (account-sides.ts); a side that said enough issues an account. With fewer
 *    than two such sides, the accounts are the outlets (or, when outlets are unknown, the articles).
 * 4. Each account gets its key sentences (quotations first) and what it mentions that the others
 *    do not (mentions-apart.ts).
 * All SQL is in src/index; this file decides what to read.
 */
import type { IndexReader } from '../../index/reader.js';
import { parseHighlighted } from '../excerpt.js';
import { buildMatch } from '../fts-query.js';
import type { ParsedQuery } from '../parse-query.js';
import type { SearchIndex } from '../search-index.js';
import { accountSides, institutionOf, type Side } from './account-sides.js';
import {
  keyQuotations,
  type MarkedPassage,
  quotationStatement,
  reportedSentences,
  reportedStatement,
  type SideWords,
} from './account-texts.js';
import type { Account, ComparedEvent, ComparisonAnswer, EventSummary } from './comparison.js';
import { contentWords, stemOf } from './content-words.js';
import { articleTexts, eventArticle, readWholeArticles, type WholeArticle } from './event-articles.js';
import { eventDay, eventKind } from './event-day.js';
import { groupEvents } from './event-groups.js';
import { mentionsApart } from './mentions-apart.js';
import { wordRarity } from './word-rarity.js';

/** Passages the search is asked for: their articles are the candidates for the event. */
const candidatePassages = 40;
const maxArticles = 24;
const maxEvents = 6;
const maxAccounts = 3;
const statementsPerAccount = 3;

/** Words that frame a report rather than say what was reported: never a difference. */
const reportingNouns = ['statement', 'report', 'readout', 'press', 'service', 'release', 'briefing'];

type Rarity = (word: string, name: boolean) => number;

/**
 * Compares the accounts of the event `parsed` is about; `offset` picks another of the events
 * found (0: the best).
 *
 * @example compareAccounts(search, parseQuery('obama putin phone call syria'), 0).event?.accounts.map((a) => a.name) // ['the White House', 'the Kremlin']
 */
export function compareAccounts(search: SearchIndex, parsed: ParsedQuery, offset: number): ComparisonAnswer {
  const found = search.search(parsed, { offset: 0, limit: candidatePassages });
  const query = found.query;
  if (found.hits.length === 0) return { kind: 'comparison', query, offset: 0, events: [] };

  const articles = readWholeArticles(search.reader, found.hits, parsed.terms.length, maxArticles);
  const rarity = archiveRarity(search, articles);
  const byId = new Map(articles.map((article) => [article.id, article]));
  const groups = groupEvents(articles.map(eventArticle), (word) => rarity(word, false)).slice(0, maxEvents);
  const members = groups.map((group) => group.articles.map((id) => byId.get(id)!));
  const events = members.map((group, index) => summarize(index, group));
  const shown = Math.min(Math.max(0, Math.trunc(offset) || 0), events.length - 1);

  const { terms } = search.expandQuery(parsed);
  const anyTerm =
    terms.length > 0 ? buildMatch({ required: terms.map((t) => t.alternatives), any: true }) : '';
  const queryStems = terms.flatMap((term) => term.alternatives.flat()).map(stemOf);
  const event = compareEvent(search.reader, events[shown]!, members[shown]!, {
    anyTerm,
    queryStems,
    rarity,
    listed: (phrase) => search.isListedName(phrase),
  });
  return { kind: 'comparison', query, offset: shown, events, event };
}

/** How rare each word of the articles is: the archive's counts, read in one query, and English. */
function archiveRarity(search: SearchIndex, articles: readonly WholeArticle[]): Rarity {
  const words = new Set(articles.flatMap((article) => articleTexts(article).flatMap(contentWords)));
  const used = search.reader.wordsDocuments([...words]);
  const total = search.documentCount();
  const cache = new Map<string, number>();
  return (word, name) => {
    const key = `${name ? 'N' : 'w'}${word}`;
    let value = cache.get(key);
    if (value === undefined) {
      value = wordRarity(used.get(word), total, name ? undefined : search.english.commonness(word));
      cache.set(key, value);
    }
    return value;
  };
}

function summarize(index: number, articles: readonly WholeArticle[]): EventSummary {
  const outlets = [...new Set(articles.map((a) => a.article.source).filter((s): s is string => !!s))];
  const kind = eventKind(
    articles.flatMap((a) => [a.article.title, ...a.passages.slice(0, 3).map((p) => p.body)]),
  );
  return {
    index,
    title: articles[0]!.article.title,
    articles: articles.length,
    outlets,
    when: eventDay(articles.map((a) => ({ published: a.article.published, texts: articleTexts(a) }))),
    ...(kind ? { kind } : {}),
  };
}

interface EventContext {
  /** An FTS5 query matching any of the query's terms (marks the words); '' for none. */
  anyTerm: string;
  queryStems: string[];
  rarity: Rarity;
  listed: (phrase: string) => boolean;
}

/** The event's passages, with the query's words marked where they occur. */
function markedPassages(
  reader: IndexReader,
  articles: readonly WholeArticle[],
  anyTerm: string,
): MarkedPassage[] {
  const all = articles.flatMap((article) => article.passages);
  const highlighted = new Map(
    anyTerm === ''
      ? []
      : reader
          .highlights(
            anyTerm,
            all.map((p) => p.id),
          )
          .map((row) => [row.id, row.body]),
  );
  const quotations = new Map<number, MarkedPassage['quotations']>();
  for (const q of articles.flatMap((article) => article.quotations)) {
    quotations.set(q.passageId, [...(quotations.get(q.passageId) ?? []), q]);
  }
  return all.map((passage) => {
    const marked = highlighted.get(passage.id);
    const { text, marks } =
      marked === undefined ? { text: passage.body, marks: [] } : parseHighlighted(marked);
    return {
      id: passage.id,
      articleId: passage.articleId,
      text,
      marks,
      quotations: quotations.get(passage.id) ?? [],
    };
  });
}

/** A side issues an account when it said something of substance: two quotations, or one long one. */
function issuesAccount(side: Side, length: (index: number) => number): boolean {
  return side.quotations.length >= 2 || side.quotations.some((index) => length(index) >= 80);
}

function compareEvent(
  reader: IndexReader,
  summary: EventSummary,
  articles: readonly WholeArticle[],
  context: EventContext,
): ComparedEvent {
  const passages = markedPassages(reader, articles, context.anyTerm);
  const byPassage = new Map(passages.map((passage) => [passage.id, passage]));
  const attribution = new Map(articles.map((article) => [article.id, article.article]));
  const quotations = articles.flatMap((article) => article.quotations);
  const length = (index: number) => quotations[index]!.end - quotations[index]!.start;
  const sides = accountSides(quotations, length);
  const issuing = sides.filter((side) => issuesAccount(side, length)).slice(0, maxAccounts);

  let groupedBy: ComparedEvent['groupedBy'] = 'speaker';
  let accounts: Array<Omit<Account, 'mentionsOnly'> & { texts: string[] }>;
  if (issuing.length >= 2) {
    const words: SideWords[] = issuing.map((side) => {
      const own = side.quotations.map((index) => quotations[index]!);
      const keys = own.map((q) => q.speakerKey).filter((key): key is string => !!key);
      return { key: side.key, names: [...new Set([side.key, ...keys.map(institutionOf)])], quotations: own };
    });
    const reported = reportedSentences(passages, words);
    accounts = issuing.map((side, i) => {
      const chosen = keyQuotations(words[i]!.quotations, byPassage, statementsPerAccount);
      const statements = chosen.map((q) =>
        quotationStatement(
          byPassage.get(q.passageId)!,
          q,
          attribution.get(byPassage.get(q.passageId)!.articleId)!,
        ),
      );
      for (const sentence of reported[i]!.slice(0, statementsPerAccount - statements.length)) {
        statements.push(reportedStatement(sentence, attribution.get(sentence.passage.articleId)!));
      }
      const texts = [
        ...words[i]!.quotations.map((q) => byPassage.get(q.passageId)?.text.slice(q.start, q.end) ?? ''),
        ...reported[i]!.map((s) => s.passage.text.slice(s.start, s.end)),
      ];
      return { name: side.name, statements, quotations: side.quotations.length, texts };
    });
  } else {
    // No two speakers to tell apart: each outlet's articles are its account (each article's,
    // when the outlets are unknown or one).
    const outlets = new Set(articles.map((a) => a.article.source).filter(Boolean));
    groupedBy = outlets.size >= 2 ? 'outlet' : 'article';
    const keyOf = (a: WholeArticle) => (groupedBy === 'outlet' ? (a.article.source ?? '') : String(a.id));
    const groups = new Map<string, WholeArticle[]>();
    for (const article of articles)
      groups.set(keyOf(article), [...(groups.get(keyOf(article)) ?? []), article]);
    accounts = [...groups.entries()]
      .filter(([key]) => key !== '')
      .slice(0, maxAccounts)
      .map(([key, group]) => ({
        name: groupedBy === 'outlet' ? key : group[0]!.article.title,
        statements: group
          .flatMap((a) => a.hits)
          .sort((a, b) => a.rank - b.rank)
          .slice(0, statementsPerAccount),
        quotations: 0,
        texts: group.flatMap((a) => a.passages.map((p) => p.body)),
      }));
  }

  const ignore = new Set([
    ...context.queryStems,
    ...reportingNouns.map(stemOf),
    ...accounts.flatMap((account) => contentWords(account.name).map(stemOf)),
  ]);
  const mentions =
    accounts.length >= 2
      ? mentionsApart(
          accounts.map((account) => account.texts),
          { rarity: context.rarity, ignore, listed: context.listed },
        )
      : accounts.map(() => []);
  const shownKeys = new Set(issuing.map((side) => side.key));
  return {
    summary,
    groupedBy,
    groupedOn: articles.some((a) => a.article.published) ? 'date_and_content' : 'content',
    accounts: accounts.map(({ texts: _texts, ...account }, i) => ({
      ...account,
      mentionsOnly: mentions[i] ?? [],
    })),
    alsoQuoted:
      groupedBy === 'speaker'
        ? sides.filter((side) => !shownKeys.has(side.key)).map((side) => side.name)
        : [],
    articles: articles.map((article) => article.article),
  };
}
