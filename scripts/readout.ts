/**
 * npm run readout -- [--json] [--limit N] [--offset N] QUERY...
 * npm run readout -- [--json] [--offset N] compare QUERY...
 * npm run readout -- [--json] [--limit N] [--offset N] timeline QUERY...
 *
 * Searches the index from the command line through the same readout() path as Slack (compare()
 * for `compare QUERY`, timeline() for `timeline QUERY`). The query is typed as in Slack:
 * `putin -trump` excludes a word (see src/terminal/readout-args.ts).
 * Exit status: 0 with results, 1 with none, 2 on bad usage or an unusable database.
 */
import { loadConfig, loadDotenv } from '../src/config.js';
import { describeError, ReadoutError } from '../src/errors.js';
import { mapForReading, openDatabase } from '../src/index/database.js';
import { IndexReader } from '../src/index/reader.js';
import { compare, type ReadoutFailure, readout, timeline } from '../src/readout.js';
import type { SearchHit } from '../src/search/answer.js';
import type { ComparisonAnswer } from '../src/search/compare/comparison.js';
import { groupingLine } from '../src/search/compare/grouping-line.js';
import { SearchIndex } from '../src/search/search-index.js';
import type { TimelineAnswer } from '../src/search/timeline/timeline-answer.js';
import { ansiStyle, plainStyle, renderAnswerText, type TextStyle } from '../src/terminal/answer-text.js';
import { renderComparisonText } from '../src/terminal/comparison-text.js';
import { parseReadoutArgs } from '../src/terminal/readout-args.js';
import { renderTimelineText } from '../src/terminal/timeline-text.js';
import { terminalWidth } from '../src/terminal/wrap-text.js';

const usage = `usage: npm run readout -- [--json] [--limit N] [--offset N] QUERY...
       npm run readout -- [--json] [--offset N] compare QUERY...
       npm run readout -- [--json] [--limit N] [--offset N] timeline QUERY...

  QUERY      words, "exact phrases", -excluded, source:NAME, who:NAME, after:2016-09-01, before:2017
  timeline   the matches in date order, oldest first, counted per year or month and outlet
  --json     print one JSON document (the interpreted query and the ranked results)
  --limit N  results per page (1-20, default 5)
  --offset N start at this result (from a previous page's "more results");
             with compare, show the Nth other event the words match
  compare    set the accounts of the event QUERY is about side by side
  --help, -h this text

Every other argument is the query, -word and -"a phrase" included; -- ends the options.
e.g. npm run readout -- council -budget
     npm run readout -- timeline who:putin sanctions

exit status: 0 results found, 1 none found, 2 bad usage`;

function fail(message: string): never {
  process.stderr.write(`readout: ${message}\n`);
  process.exit(2);
}

function readArgs() {
  const parsed = parseReadoutArgs(process.argv.slice(2));
  if (!parsed.ok) fail(`${parsed.error}\n${usage}`);
  return parsed.args;
}

function readCount(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    fail(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

function failed(failure: ReadoutFailure, file: string): never {
  fail(
    failure.reason === 'index_unavailable'
      ? `the index ${file} cannot be read; run \`npm run reindex -- --full\``
      : `unexpected error: ${failure.detail}`,
  );
}

function textStyle(): TextStyle {
  const style = process.stdout.isTTY && !process.env.NO_COLOR ? ansiStyle : plainStyle;
  return { ...style, width: terminalWidth(process.stdout) };
}

/** A comparison as JSON (the answer as compare() gives it) or as text. */
function printComparison(comparison: ComparisonAnswer, json: boolean): void {
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ ...comparison, grouping: comparison.event ? groupingLine(comparison.event) : null }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(`${renderComparisonText(comparison, textStyle())}\n`);
  }
}

/** A hit as --json prints it. */
function hitDocument(hit: SearchHit) {
  return {
    rank: hit.rank,
    score: hit.score,
    passageId: hit.passageId,
    excerpt: { text: hit.excerpt.text, marks: hit.excerpt.marks },
    title: hit.article.title,
    source: hit.article.source,
    author: hit.article.author,
    published: hit.article.published,
    url: hit.article.url,
    file: hit.article.file,
    alsoIn: hit.alsoIn,
    quote: hit.quote ?? null,
  };
}

/** A timeline as --json prints it: the whole timeline's counts, and this page's entries. */
function timelineDocument(answer: TimelineAnswer) {
  return {
    query: answer.query,
    kind: answer.kind,
    granularity: answer.granularity,
    total: answer.total,
    apart: answer.apart,
    first: answer.first ?? null,
    truncated: answer.truncated ?? null,
    periods: answer.periods,
    outlets: answer.outlets,
    offset: answer.offset,
    previousOffset: answer.previousOffset ?? null,
    nextOffset: answer.nextOffset ?? null,
    entries: answer.entries.map((entry) => ({
      date: entry.date,
      placement: entry.placement,
      yearFromArticle: entry.yearFromArticle,
      period: entry.period,
      firstMention: entry.firstMention,
      ...hitDocument(entry.hit),
    })),
  };
}

function main(): void {
  const args = readArgs();
  const text = args.query;
  if (args.help || text === '') {
    process.stdout.write(`${usage}\n`);
    process.exitCode = args.help ? 0 : 2;
    return;
  }
  const limit = readCount('limit', args.limit, 1, 20);
  const offset = readCount('offset', args.offset, 0, 100_000);

  loadDotenv();
  const config = loadConfig();
  const db = openDatabase(config.databaseFile, { create: false });
  mapForReading(db);
  try {
    const search = new SearchIndex(new IndexReader(db), { aliasesFile: config.aliasesFile });
    const compared = /^compare(?:\s+([\s\S]*))?$/i.exec(text);
    if (compared) {
      const comparison = compare(compared[1] ?? '', { offset }, { search });
      if (comparison.kind === 'failed') failed(comparison, config.databaseFile);
      printComparison(comparison, args.json);
      process.exitCode = comparison.event ? 0 : 1;
      return;
    }
    const asTimeline = /^timeline(?:\s+([\s\S]*))?$/i.exec(text);
    if (asTimeline) {
      const answer = timeline(asTimeline[1] ?? '', { limit, offset }, { search });
      if (answer.kind === 'failed') failed(answer, config.databaseFile);
      if (answer.kind !== 'timeline') fail(`timeline needs words or who:NAME to look for\n${usage}`);
      process.stdout.write(
        args.json
          ? `${JSON.stringify(timelineDocument(answer), null, 2)}\n`
          : `${renderTimelineText(answer, textStyle())}\n`,
      );
      process.exitCode = answer.entries.length > 0 ? 0 : 1;
      return;
    }
    const answer = readout(text, { limit, offset }, { search });
    if (answer.kind === 'failed') failed(answer, config.databaseFile);
    if (args.json) {
      const document = {
        query: answer.query,
        kind: answer.kind,
        offset: answer.offset,
        nextOffset: answer.nextOffset ?? null,
        results: answer.hits.map(hitDocument),
      };
      process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    } else {
      process.stdout.write(`${renderAnswerText(answer, textStyle())}\n`);
    }
    process.exitCode = answer.hits.length > 0 ? 0 : 1;
  } finally {
    db.close();
  }
}

try {
  main();
} catch (error) {
  fail(error instanceof ReadoutError ? error.message : `unexpected error: ${describeError(error)}`);
}
