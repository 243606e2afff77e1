/**
 * The benchmark's results as a markdown table (printed and saved under scripts/bench/results/),
 * a JSON copy for later comparison, and an SVG chart of index time and query latency against
 * archive size drawn from every saved result.
 */
import os from 'node:os';
import type { ShapeResult, SizeResult } from './harness.js';
import { type QueryClass, queryClasses } from './queries.js';
import type { TimelineQuerySet } from './timeline-side.js';

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryBytes: number;
  node: string;
  sqlite: string;
  os: string;
}

export function describeMachine(sqliteVersion: string): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryBytes: os.totalmem(),
    node: process.version,
    sqlite: sqliteVersion,
    os: `${os.type()} ${os.release()}`,
  };
}

export interface BenchRun {
  date: string;
  command: string;
  seed: number;
  machine: Machine;
  results: SizeResult[];
}

const targets = {
  reindexRatio: { jsonl: 1.5, files: 2 },
  reindexPeakBytes: 2 ** 30,
  incrementalSeconds: 2,
  httpP50: 15,
  httpP99: 60,
  burstAckP99: 1000,
  servingBytes: 300 * 2 ** 20,
  /** Every class: p99 within 2× bare's p99, or within 10 ms where bare is faster than that. */
  classP99Ratio: 2,
  classP99Floor: 10,
  /** A filtered query's p50 within 1.3× the same words unfiltered. */
  filteredRatio: 1.3,
  /** Quotation extraction may make the full re-index at most 25% slower (issue 10). */
  quotationExtractionShare: 0.25,
};

const mb = (bytes: number | undefined) => (bytes === undefined ? '—' : `${Math.round(bytes / 2 ** 20)} MB`);
const s = (value: number | undefined) => (value === undefined ? '—' : value.toFixed(value < 10 ? 2 : 1));
const ms = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? '—' : value.toFixed(value < 10 ? 2 : 1);
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || b === 0 ? '—' : `${(a / b).toFixed(2)}×`;

/** How much longer `a` took than `b`, as a percentage. */
const percent = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || b === 0 ? '—' : `${Math.round((a / b - 1) * 100)}%`;

/** '✓' or '✗' after a target, nothing when the value is missing. */
function verdict(text: string, value: number | undefined, limit: number, inclusive = false): string {
  if (value === undefined || Number.isNaN(value)) return text;
  return `${text} ${(inclusive ? value <= limit : value < limit) ? '✓' : '✗'}`;
}

function loadTable(result: ShapeResult): string {
  const { bare, project } = result;
  const reindex = project.reindex;
  const http = project.http;
  // Results written before the index was mapped have no rssFileBytes: all of their RSS was their own.
  const ownBytes = http && http.rssBytes - (http.rssFileBytes ?? 0);
  const reindexTarget = targets.reindexRatio[result.shape];
  const rows: string[][] = [
    [
      'full re-index, s (whole process)',
      s(reindex?.seconds),
      s(bare.seconds),
      ratio(reindex?.seconds, bare.seconds),
      verdict(
        `≤ ${reindexTarget}× bare`,
        reindex ? reindex.seconds / bare.seconds : undefined,
        reindexTarget,
        true,
      ),
    ],
    [
      'CPU time of the load, s (user + system, process tree)',
      s(reindex?.cpuSeconds),
      s(bare.cpuSeconds),
      ratio(reindex?.cpuSeconds, bare.cpuSeconds),
      '',
    ],
    [
      'full re-index without quotation extraction (READOUT_QUOTATIONS=off), s',
      s(project.reindexWithoutQuotations?.seconds),
      s(bare.seconds),
      ratio(project.reindexWithoutQuotations?.seconds, bare.seconds),
      verdict(
        `extraction adds ${percent(reindex?.seconds, project.reindexWithoutQuotations?.seconds)} (≤ 25%)`,
        reindex && project.reindexWithoutQuotations
          ? reindex.seconds / project.reindexWithoutQuotations.seconds - 1
          : undefined,
        targets.quotationExtractionShare,
        true,
      ),
    ],
    [
      'peak memory of the load',
      mb(reindex?.peakBytes),
      mb(bare.peakBytes),
      ratio(reindex?.peakBytes, bare.peakBytes),
      verdict('< 1 GB', reindex?.peakBytes, targets.reindexPeakBytes),
    ],
    [
      'incremental re-index, 1 file changed, s',
      s(project.incremental?.seconds),
      '',
      '',
      verdict('< 2 s', project.incremental?.seconds, targets.incrementalSeconds),
    ],
    [
      'readout() p50 / p99 over every query, ms',
      `${ms(project.readout?.all.p50)} / ${ms(project.readout?.all.p99)}`,
      `${ms(bare.query.all.p50)} / ${ms(bare.query.all.p99)}`,
      '',
      '',
    ],
    [
      'compare() p50 / p99, ms (word queries)',
      `${ms(project.compare?.all.p50)} / ${ms(project.compare?.all.p99)}`,
      '',
      '',
      project.compare ? `${project.compare.answeredByClass.words ?? 0} queries found an event` : '',
    ],
    [
      'HTTP /readout p50, ms',
      ms(http?.latency.p50),
      '',
      '',
      verdict('< 15 ms', http?.latency.p50, targets.httpP50),
    ],
    [
      'HTTP /readout p99, ms',
      ms(http?.latency.p99),
      '',
      '',
      verdict('< 60 ms', http?.latency.p99, targets.httpP99),
    ],
    [
      `ack p99, ms, ${http?.burst?.requests ?? 500} /readout at once with ${http?.burst?.slowSearches ?? 20} slow searches`,
      ms(http?.burst?.ack.p99),
      '',
      '',
      verdict('≤ 1 s', http?.burst?.ack.p99, targets.burstAckP99, true),
    ],
    ['answer p99, ms, in that burst', ms(http?.burst?.answer.p99), '', '', ''],
    [
      'database on disk',
      mb(reindex?.databaseBytes),
      mb(bare.databaseBytes),
      ratio(reindex?.databaseBytes, bare.databaseBytes),
      '',
    ],
    [
      "serving process's own memory after the queries (RSS without the mapped index file)",
      mb(ownBytes),
      '',
      '',
      verdict('< 300 MB', ownBytes, targets.servingBytes),
    ],
    [
      'the index file mapped into it, resident (shared, reclaimable file cache)',
      mb(http?.rssFileBytes),
      '',
      '',
      '',
    ],
  ];
  return [
    '| | Readout | bare FTS5 | Readout / bare | target |',
    '|---|---:|---:|---:|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

const classNames: Record<QueryClass, string> = {
  words: 'plain words (2–3, mid-frequency)',
  common: 'one very common word',
  rare: 'one rare word',
  phrase: 'quoted phrase',
  typo: 'one word mistyped (bare: the right word)',
  source: 'one word + `source:` a rare outlet',
  'common-source': 'very common word + `source:` a rare outlet',
  dates: 'two words + `after:`/`before:`',
  'common-dates': 'very common word + `after:`/`before:`',
  who: 'one word + `who:` a speaker',
  syndicated: 'words of a syndicated story (5–40 outlets)',
  fallback: 'no passage has all words (partial-match fallback)',
};

/** The per-class latency table: Readout beside bare FTS5 (same words, same filter as a join). */
function classTable(result: ShapeResult, queryRounds: number): string {
  const readout = result.project.readout;
  const bare = result.bare.query;
  const lines = [
    '| query class | Readout p50 / p99, ms | bare p50 / p99, ms | p99 / bare | target: p99 ≤ 2× bare or ≤ 10 ms | unfiltered p50, ms | filtered / unfiltered p50 (≤ 1.3×) | answered: Readout / bare |',
    '|---|---:|---:|---:|---|---:|---:|---:|',
  ];
  for (const kind of queryClasses) {
    const mine = readout?.byClass[kind];
    const theirs = bare.byClass[kind];
    if (!theirs) continue;
    const limit = Math.max(targets.classP99Ratio * theirs.p99, targets.classP99Floor);
    const unfiltered = readout?.unfilteredByClass?.[kind];
    const filteredRatio = unfiltered && mine ? mine.p50 / unfiltered.p50 : undefined;
    lines.push(
      `| ${classNames[kind]} | ${ms(mine?.p50)} / ${ms(mine?.p99)} | ${ms(theirs.p50)} / ${ms(theirs.p99)} | ${ratio(mine?.p99, theirs.p99)} | ${verdict(`≤ ${ms(limit)} ms`, mine?.p99, limit, true)} | ${ms(unfiltered?.p50)} | ${filteredRatio === undefined ? '' : verdict(`${filteredRatio.toFixed(2)}×`, filteredRatio, targets.filteredRatio, true)} | ${readout?.answeredByClass[kind] ?? '—'} / ${bare.answeredByClass[kind] ?? 0} of ${theirs.samples / queryRounds} |`,
    );
  }
  return lines.join('\n');
}

/** Whether one very common word is answered faster than bare FTS5 (p50 and p99). */
function commonWordVerdict(result: ShapeResult): string {
  const mine = result.project.readout?.byClass.common;
  const theirs = result.bare.query.byClass.common;
  if (!mine || !theirs) return '';
  const faster = mine.p50 < theirs.p50 && mine.p99 < theirs.p99;
  return `One very common word: Readout ${ms(mine.p50)} / ${ms(mine.p99)} ms against bare ${ms(theirs.p50)} / ${ms(theirs.p99)} ms (p50 / p99) — ${faster ? 'faster ✓' : 'not faster ✗'}.`;
}

/**
 * `timeline()` beside readout() and bare FTS5 on the same queries, then on the queries a timeline
 * is asked (one word; the commonest words, which reach its cap); nothing for older runs.
 */
function timelineTable(result: ShapeResult): string[] {
  const timeline = result.project.timeline;
  if (!timeline) return [];
  const { readout } = result.project;
  const bare = result.bare.query.all;
  const row = (name: string, set: TimelineQuerySet, beside: string) =>
    `| ${name} | ${ms(set.latency.p50)} / ${ms(set.latency.p99)} | ${beside} | ${set.answered} of ${set.queries} | ${set.medianEntries.toLocaleString('en')} |`;
  return [
    '| timeline() queries | timeline() p50 / p99, ms | readout() / bare p50 / p99, ms | with entries | median entries |',
    '|---|---:|---:|---:|---:|',
    row(
      "the benchmark's queries",
      timeline.benchQueries,
      `${ms(readout?.all.p50)} / ${ms(readout?.all.p99)} · ${ms(bare.p50)} / ${ms(bare.p99)}`,
    ),
    row('one mid-frequency word', timeline.oneWord, ''),
    row('the 5 commonest words (past the cap)', timeline.commonest, ''),
    '',
  ];
}

/** The markdown report of a run. */
export function renderReport(run: BenchRun): string {
  const { machine } = run;
  const out = [
    `# Readout benchmark, ${run.date}`,
    '',
    `- Machine: ${machine.cores} cores (${machine.cpuModel}), ${(machine.memoryBytes / 2 ** 30).toFixed(1)} GB memory, ${machine.os}; Node ${machine.node}, SQLite ${machine.sqlite}.`,
    `- Command: \`${run.command}\` (seed ${run.seed}).`,
    '- Archive: synthetic (scripts/bench/synthetic-archive.ts): Zipf-distributed words, 60 outlets (Zipf-distributed, the smallest under 0.5%), dates over 2006–2025, 3% of stories carried by 5–40 other outlets, and 15% of paragraphs opening with a quotation by one of 20,000 speakers (Zipf-distributed). The same articles as JSONL exports (1,000 articles a file) and as one Markdown file per article (YAML front matter).',
    '- Loads are whole processes (the compiled `dist/` scripts under `node`): wall-clock from spawn to exit, median of the runs. Peak memory is VmHWM from /proc/PID/status polled every 50 ms, summed over the process tree.',
    "- Bare FTS5: one `fts5(title, body, porter unicode61 remove_diacritics 2)` row per paragraph with its headline and a side table of each row's outlet, date and quoted speaker, loaded in one transaction with one prepared insert, then `optimize`; WAL and synchronous=NORMAL like Readout. Query: `snippet(…) … MATCH ? ORDER BY rank LIMIT 5`, every token quoted; a filter is a join on the side table; the fallback runs the OR query after the empty AND.",
    '- Query latencies are warm (one untimed pass first), over every query of every round; `readout()` is called in-process on the built index, which answers a page of 5 with excerpts, attribution and corrections; `timeline()` reads every match, up to its cap of 20,000 passages, and renders one page of 8. The unfiltered column times the same words without the filter, in the same rounds.',
    '',
  ];
  for (const result of run.results) {
    for (const shape of shapesOf(result)) {
      const reindex = shape.project.reindex;
      out.push(
        `## ${result.passages.toLocaleString('en')} passages, ${shape.shape === 'files' ? 'one Markdown file per article' : 'JSONL exports'}`,
        '',
        `Load average at the start: ${result.loadAverage?.toFixed(2) ?? 'not recorded'} on ${machine.cores} cores. ` +
          `${shape.archive.articles.toLocaleString('en')} articles (${(shape.archive.copies ?? 0).toLocaleString('en')} of them syndicated copies) in ${shape.archive.files.toLocaleString('en')} files, ${mb(shape.archive.bytes)}, generated in ${shape.archive.generateSeconds.toFixed(1)} s. ` +
          `Loads: ${reindex ? `re-index runs ${reindex.runs.map((v) => v.toFixed(1)).join(', ')} s${reindex.reportedSeconds !== undefined ? ` (last one reports ${reindex.reportedSeconds} s inside the script)` : ''}; ` : ''}` +
          `bare runs ${shape.bare.runs.map((v) => v.toFixed(1)).join(', ')} s (insert ${shape.bare.insertSeconds.toFixed(1)} s + optimize ${shape.bare.optimizeSeconds.toFixed(1)} s inside). ` +
          `${result.queries} queries × ${result.queryRounds} rounds.` +
          (reindex?.passages !== undefined && reindex.passages !== result.passages
            ? ` Readout's index holds ${reindex.passages.toLocaleString('en')} passages (its segmenter's count).`
            : ''),
        '',
        loadTable(shape),
        '',
        classTable(shape, result.queryRounds),
        '',
        commonWordVerdict(shape),
        '',
        ...timelineTable(shape),
      );
      const errors = Object.entries(shape.project.errors);
      if (errors.length > 0) {
        out.push('Not measured:', '', ...errors.map(([name, message]) => `- ${name}: ${message}`), '');
      }
    }
  }
  return out.join('\n');
}

/** A size's results per archive shape; results saved before shapes existed are one JSONL shape. */
export function shapesOf(result: SizeResult): ShapeResult[] {
  if (result.shapes) return result.shapes;
  const legacy = result as unknown as Omit<ShapeResult, 'shape'>;
  return [{ ...legacy, shape: 'jsonl' }];
}

interface Series {
  name: string;
  color: string;
  dash?: string;
  points: Array<[number, number]>;
}

/**
 * An SVG chart in two panels, log–log: full re-index time against passages (Readout and bare),
 * and query latency against passages (readout() p50 and p99, bare p50, HTTP p50).
 */
export function renderChart(runs: BenchRun[]): string {
  // The latest measurement of each archive size.
  const latest = new Map<number, ShapeResult>();
  for (const run of [...runs].sort((a, b) => a.date.localeCompare(b.date))) {
    for (const result of run.results) latest.set(result.passages, shapesOf(result)[0]!);
  }
  const results = [...latest.entries()].sort((a, b) => a[0] - b[0]);
  const pick = (value: (r: ShapeResult) => number | undefined): Array<[number, number]> =>
    results.flatMap(([passages, r]) => {
      const y = value(r);
      return y === undefined || !(y > 0) ? [] : [[passages, y] as [number, number]];
    });
  const indexSeries: Series[] = [
    { name: 'Readout full re-index', color: '#d1495b', points: pick((r) => r.project.reindex?.seconds) },
    { name: 'bare FTS5 bulk load', color: '#555555', dash: '5 4', points: pick((r) => r.bare.seconds) },
  ];
  const latencySeries: Series[] = [
    { name: 'readout() p50', color: '#d1495b', points: pick((r) => r.project.readout?.all.p50) },
    { name: 'readout() p99', color: '#edae49', points: pick((r) => r.project.readout?.all.p99) },
    { name: 'bare MATCH p50', color: '#555555', dash: '5 4', points: pick((r) => r.bare.query.all.p50) },
    { name: 'HTTP /readout p50', color: '#00798c', points: pick((r) => r.project.http?.latency.p50) },
  ];
  const width = 860;
  const height = 340;
  const panel = (x0: number, title: string, unit: string, series: Series[]) =>
    logPanel(x0, 40, 330, 220, title, unit, series);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12" role="img" aria-labelledby="chart-title">`,
    '<title id="chart-title">Readout benchmark: full index time and query latency against archive size, beside bare FTS5</title>',
    '<rect width="100%" height="100%" fill="#ffffff"/>',
    panel(70, 'Full index time against archive size', 's', indexSeries),
    panel(500, 'Query latency against archive size', 'ms', latencySeries),
    `<text x="${width / 2}" y="${height - 8}" text-anchor="middle" fill="#333">passages (log scale)</text>`,
    '</svg>',
    '',
  ].join('\n');
}

function logPanel(
  x0: number,
  y0: number,
  w: number,
  h: number,
  title: string,
  unit: string,
  series: Series[],
): string {
  const all = series.flatMap((line) => line.points);
  if (all.length === 0) return `<text x="${x0}" y="${y0 + h / 2}">${title}: no data</text>`;
  const decade = (value: number, round: (n: number) => number) => 10 ** round(Math.log10(value));
  const xMin = decade(Math.min(...all.map((p) => p[0])), Math.floor);
  const xMax = Math.max(decade(Math.max(...all.map((p) => p[0])), Math.ceil), xMin * 10);
  const yMin = decade(Math.min(...all.map((p) => p[1])), Math.floor);
  const yMax = Math.max(decade(Math.max(...all.map((p) => p[1])), Math.ceil), yMin * 10);
  const x = (value: number) => x0 + (w * Math.log10(value / xMin)) / Math.log10(xMax / xMin);
  const y = (value: number) => y0 + h - (h * Math.log10(value / yMin)) / Math.log10(yMax / yMin);
  const parts = [
    `<text x="${x0}" y="${y0 - 14}" font-weight="bold" fill="#222">${title}</text>`,
    `<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="none" stroke="#999"/>`,
  ];
  for (let tick = xMin; tick <= xMax * 1.0001; tick *= 10) {
    parts.push(
      `<line x1="${x(tick).toFixed(1)}" y1="${y0}" x2="${x(tick).toFixed(1)}" y2="${y0 + h}" stroke="#eee"/>`,
      `<text x="${x(tick).toFixed(1)}" y="${y0 + h + 16}" text-anchor="middle" fill="#444">${shortNumber(tick)}</text>`,
    );
  }
  for (let tick = yMin; tick <= yMax * 1.0001; tick *= 10) {
    parts.push(
      `<line x1="${x0}" y1="${y(tick).toFixed(1)}" x2="${x0 + w}" y2="${y(tick).toFixed(1)}" stroke="#eee"/>`,
      `<text x="${x0 - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end" fill="#444">${shortNumber(tick)} ${unit}</text>`,
    );
  }
  series.forEach((line, i) => {
    if (line.points.length === 0) return;
    const dash = line.dash ? ` stroke-dasharray="${line.dash}"` : '';
    const path = line.points.map(([px, py]) => `${x(px).toFixed(1)},${y(py).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${path}" fill="none" stroke="${line.color}" stroke-width="2"${dash}/>`);
    for (const [px, py] of line.points) {
      parts.push(`<circle cx="${x(px).toFixed(1)}" cy="${y(py).toFixed(1)}" r="3" fill="${line.color}"/>`);
    }
    const ly = y0 + 14 + i * 16;
    parts.push(
      `<line x1="${x0 + 8}" y1="${ly - 4}" x2="${x0 + 26}" y2="${ly - 4}" stroke="${line.color}" stroke-width="2"${dash}/>`,
      `<text x="${x0 + 30}" y="${ly}" fill="#222">${line.name}</text>`,
    );
  });
  return parts.join('\n');
}

function shortNumber(value: number): string {
  if (value >= 1e6) return `${value / 1e6}M`;
  if (value >= 1e3) return `${value / 1e3}k`;
  return String(Number(value.toPrecision(3)));
}
