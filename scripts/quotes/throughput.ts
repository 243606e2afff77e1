/**
 * npm run quotes:throughput -- [DIR] [--rounds N]
 *
 * How fast the quotation extractor reads an archive: every article file under DIR (default
 * ../shared/corpus/bbc beside the project) is loaded and cleaned as the re-index does it, then
 * extractQuotations runs over each article's paragraphs, N rounds (default 5), and the best and
 * median rounds are printed in MB/s of article text (UTF-8), by wall clock and by CPU time, with
 * the load average, since a busy machine gives slow numbers. Compare with `npm run reindex -- --full DIR` over the same files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { articleExtensions } from '../../src/ingest/load/article-formats.js';
import { loadArticleFile } from '../../src/ingest/load/load-article-file.js';
import { extractQuotations } from '../../src/ingest/quotes/index.js';
import { projectRoot } from '../../src/paths.js';

const usage = 'usage: npm run quotes:throughput -- [DIR] [--rounds N]';

function articleFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) files.push(...articleFiles(full));
    else if (articleExtensions.has(entry.slice(entry.lastIndexOf('.')).toLowerCase())) files.push(full);
  }
  return files;
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { rounds: { type: 'string', default: '5' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const dir = positionals[0] ?? resolve(projectRoot, '..', 'shared', 'corpus', 'bbc');
  const rounds = Math.max(1, Number.parseInt(values.rounds, 10) || 5);
  const articles: string[][] = [];
  let bytes = 0;
  for (const file of articleFiles(dir)) {
    try {
      for (const draft of loadArticleFile(file, readFileSync(file)).articles) {
        const paragraphs = draft.body.split(/\n{2,}/);
        articles.push(paragraphs);
        bytes += Buffer.byteLength(draft.body);
      }
    } catch {
      // An unusable file is the loader's business, not the extractor's.
    }
  }
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let quotations = 0;
  for (let round = 0; round < rounds; round++) {
    quotations = 0;
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (const paragraphs of articles) quotations += extractQuotations(paragraphs).length;
    const used = process.cpuUsage(cpu);
    seconds.push((performance.now() - started) / 1000);
    cpuSeconds.push((used.user + used.system) / 1e6);
  }
  const rate = (times: number[], pick: 'best' | 'median') => {
    const sorted = [...times].sort((a, b) => a - b);
    const time = pick === 'best' ? sorted[0]! : sorted[Math.floor(sorted.length / 2)]!;
    return (bytes / 1e6 / time).toFixed(1);
  };
  console.log(
    `${articles.length} articles, ${(bytes / 1e6).toFixed(2)} MB of text, ${quotations} quotations`,
  );
  console.log(
    `extraction, wall clock: best ${rate(seconds, 'best')} MB/s, median ${rate(seconds, 'median')} MB/s over ${rounds} rounds`,
  );
  // CPU time is what a busy machine inflates least: other processes take turns, not this one's work.
  console.log(
    `extraction, CPU time:   best ${rate(cpuSeconds, 'best')} MB/s, median ${rate(cpuSeconds, 'median')} MB/s`,
  );
  console.log(
    `load average: ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  );
}

main();
