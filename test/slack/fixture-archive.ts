/**
 * A small invented archive for the end-to-end tests, written to a temp folder and indexed with
 * the real re-index (so the app searches a real SQLite index, never a mock). It holds:
 * - eight "lighthouse keeper" stories (more than one page of answers, for More results);
 * - an article whose text, headline, outlet and author try to ping and to forge links;
 * - one paragraph carried by two outlets (syndication: "also in");
 * - an article with a very long headline, outlet and author (Block Kit limits);
 * - an article quoting two people, one of them as "he said" (who said what).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/index/database.js';
import { reindexArchive } from '../../src/ingest/reindex.js';

export interface FixtureArchive {
  dir: string;
  articlesDir: string;
  databaseFile: string;
  articles: number;
  remove(): void;
}

export const hostileText = '<!channel> <@U123> <https://x|y> & <!here>';

interface FixtureArticle {
  file: string;
  title: string;
  source: string;
  author: string;
  published: string;
  url?: string;
  paragraphs: string[];
}

const lighthouseTowns = ['Saltmere', 'Gorran', 'Pellow', 'Trewin', 'Boscarn', 'Kellan', 'Marrow', 'Tolven'];

function articles(): FixtureArticle[] {
  const list: FixtureArticle[] = lighthouseTowns.map((town, index) => ({
    file: `gazette/lighthouse-${index + 1}.txt`,
    title: `${town} lighthouse keeper retires after ${20 + index} years`,
    source: 'Coastal Gazette (test)',
    author: `Reporter ${index + 1}`,
    published: `2018-0${(index % 9) + 1}-1${index % 10}`,
    url: `https://example.org/gazette/lighthouse-${index + 1}`,
    paragraphs: [
      `The lighthouse keeper at ${town} climbed the tower for the last time on Sunday, after ${20 + index} years of trimming the lamp.`,
      `Villagers in ${town} gathered on the quay with lanterns to see the keeper off.`,
    ],
  }));
  list.push({
    file: 'gazette/marmalade-ferry.txt',
    title: `Ferry row: ${hostileText} headline`,
    source: 'Harbour & <Co> Gazette',
    author: 'A <@U999> Writer',
    published: '2019-05-04',
    url: 'https://example.org/ferry?a=1&b=2',
    paragraphs: [
      `The marmalade ferry committee wrote "${hostileText}" on the notice board & nobody knew who had done it.`,
    ],
  });
  const syndicated =
    'The tide tables for the estuary were reprinted on Friday after a printing error swapped the morning and evening tides.';
  list.push(
    {
      file: 'gazette/tide-tables.txt',
      title: 'Estuary tide tables reprinted',
      source: 'Coastal Gazette (test)',
      author: 'Desk',
      published: '2020-02-07',
      url: 'https://example.org/gazette/tides',
      paragraphs: [syndicated],
    },
    {
      file: 'wire/tide-tables.txt',
      title: 'Printing error hits tide tables',
      source: 'Estuary Wire (test)',
      author: 'Wire staff',
      published: '2020-02-07',
      url: 'https://example.org/wire/tides',
      paragraphs: [syndicated],
    },
  );
  list.push({
    file: 'wire/long-headline.txt',
    title: `Parish council debates the ${'very '.repeat(120)}long cormorant survey`,
    source: `Estuary ${'Regional '.repeat(40)}Wire (test)`,
    author: `${'Correspondent '.repeat(40)}Smith`,
    published: '2021-03-03',
    url: `https://example.org/wire/${'cormorant-'.repeat(150)}survey`,
    paragraphs: [
      'The cormorant survey counted more birds on the estuary than in any year since records began.',
    ],
  });
  list.push({
    file: 'gazette/dredging.txt',
    title: 'Dredging plan splits the harbour board',
    source: 'Coastal Gazette (test)',
    author: 'Desk',
    published: '2022-06-01',
    url: 'https://example.org/gazette/dredging',
    paragraphs: [
      'Harbourmaster Petra Quill told the board on Monday that the channel was silting faster than anyone expected.',
      '"If we do not dredge this summer, the ferries will be aground by Christmas," Quill said.',
      'Board member Oskar Lund disagreed. "The silt will wait another year, and so will the dredging budget," he said.',
    ],
  });
  return list;
}

function frontMatter(article: FixtureArticle): string {
  const lines = [
    '---',
    `title: ${JSON.stringify(article.title)}`,
    `source: ${JSON.stringify(article.source)}`,
    `author: ${JSON.stringify(article.author)}`,
    `published: ${article.published}`,
    ...(article.url ? [`url: ${JSON.stringify(article.url)}`] : []),
    '---',
    '',
  ];
  return `${lines.join('\n')}${article.paragraphs.join('\n\n')}\n`;
}

/** Writes the fixture articles to a new temp folder and indexes them into a fresh database. */
export async function buildFixtureArchive(): Promise<FixtureArchive> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readout-slack-'));
  const articlesDir = path.join(dir, 'articles');
  for (const article of articles()) {
    const file = path.join(articlesDir, article.file);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, frontMatter(article));
  }
  const databaseFile = path.join(dir, 'readout.sqlite');
  const db = openDatabase(databaseFile, { create: true });
  try {
    const summary = await reindexArchive(db, { dirs: [articlesDir], helperProcess: 'never' });
    if (summary.skipped.length > 0) {
      throw new Error(`fixture archive: skipped ${JSON.stringify(summary.skipped)}`);
    }
    return {
      dir,
      articlesDir,
      databaseFile,
      articles: summary.articles,
      remove: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  } finally {
    db.close();
  }
}
