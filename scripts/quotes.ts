/**
 * npm run quotes -- --jsonl FILE
 *
 * Reads paragraphs, one JSON object a line (`{"id", "doc", "text", ...}`; the lines of one
 * article consecutive and sharing `doc`, earlier paragraphs being context for later ones), and
 * prints exactly one JSON line per input line: `{"id", "quotes": [{"start", "end", "text",
 * "speaker"}]}`, with JavaScript string offsets into that line's text (end exclusive) and a
 * speaker name or null. A malformed line still gets its line, with no quotes, and a message on
 * stderr. FILE may be /dev/stdin. One article is held in memory at a time.
 */
import { parseArgs } from 'node:util';
import { extractQuotations } from '../src/ingest/quotes/index.js';
import { type ParagraphLine, readArticles } from './quotes/jsonl.js';

const usage = 'usage: npm run quotes -- --jsonl FILE   (FILE may be /dev/stdin)';

function answers(article: readonly ParagraphLine[]): string[] {
  const good = article.filter((line) => line.ok);
  const quotes = new Map(good.map((line) => [line, [] as Array<Record<string, unknown>>]));
  try {
    for (const quote of extractQuotations(good.map((line) => line.text))) {
      quotes.get(good[quote.paragraph]!)!.push({
        start: quote.start,
        end: quote.end,
        text: quote.text,
        speaker: quote.speaker,
      });
    }
  } catch (error) {
    // A bug must not cost the other articles their answers.
    console.error(`quotes: article ${good[0]?.doc ?? '?'}: ${(error as Error).message}`);
  }
  return article.map((line) => {
    if (!line.ok) return JSON.stringify({ id: line.id, quotes: [] });
    return JSON.stringify({ id: line.id, quotes: quotes.get(line) ?? [] });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { jsonl: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help || !values.jsonl) {
    console.error(usage);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  let lineNumber = 0;
  for await (const article of readArticles(values.jsonl)) {
    for (const line of article) {
      lineNumber += 1;
      if (!line.ok) console.error(`quotes: line ${lineNumber}: ${line.problem}`);
    }
    const out = answers(article).join('\n');
    if (!process.stdout.write(`${out}\n`))
      await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

main().catch((error: unknown) => {
  console.error(`quotes: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
