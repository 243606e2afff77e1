/**
 * A small invented archive for `/readout timeline`: "Varnok" (an invented minister) in articles
 * from several years, written to a temp folder and indexed with the real re-index. It holds
 * - dated articles from 2014 to 2019, out of order on disk, two outlets, one with only a month
 *   and one with only a year;
 * - one article with no date, one with a day and no year whose text dates the event of the day
 *   before ("Monday, November 20, 2017": placed in 2017), and one with a day and no year whose
 *   text names no year (listed apart);
 * - quotations of Varnok on sanctions, and one by somebody else, for `who:`.
 */
import path from 'node:path';
import { openDatabase } from '../../src/index/database.js';
import { reindexArchive } from '../../src/ingest/reindex.js';
import { markdownArticle, tempDir, writeFiles } from './fixtures.js';

interface Story {
  file: string;
  title: string;
  source: string;
  published?: string;
  url?: string;
  body: string;
}

export const timelineStories: Story[] = [
  {
    file: 'ledger/2016-talks.md',
    title: 'Varnok meets the trade envoys',
    source: 'Harbour Ledger',
    published: '2016-04-18',
    body: '"Sanctions hurt both sides, and we will say so at every table," Minister Varnok said after the talks.',
  },
  {
    file: 'ledger/2014-first.md',
    title: 'A new minister in the capital',
    source: 'Harbour Ledger',
    published: '2014-03-05',
    body: 'Osric Varnok was named trade minister on Wednesday. "I will not ask for sanctions to be lifted," Varnok said.',
  },
  {
    file: 'wire/2015-month.md',
    title: 'Varnok tours the ports',
    source: 'Estuary Wire',
    published: '2015-07',
    body: 'Varnok spent the month visiting the northern ports, where the sanctions have closed two canneries.',
  },
  {
    file: 'wire/2016-later.md',
    title: 'Varnok and the envoys, part two',
    source: 'Estuary Wire',
    published: '2016-09-02',
    body: 'Varnok returned to the talks in September. "Nothing about the sanctions has changed," he said.',
  },
  {
    file: 'wire/2018-year.md',
    title: 'The year in trade',
    source: 'Estuary Wire',
    published: '2018',
    body: 'Varnok remained the face of the trade ministry through a year of quiet talks.',
  },
  {
    file: 'ledger/2019-last.md',
    title: 'Varnok steps down',
    source: 'Harbour Ledger',
    published: '2019-01-10',
    body: 'Varnok resigned on Thursday. The harbourmaster Ilse Brandt said: "He argued about sanctions until the very end."',
  },
  {
    file: 'ledger/yearless-with-year.md',
    title: 'Varnok answers the chamber',
    source: 'Harbour Ledger',
    published: '--11-21',
    body: 'On Monday, November 20, 2017, Varnok told the chamber that the port fees would stay. "The sanctions are the only subject nobody wants," Varnok said.',
  },
  {
    file: 'wire/yearless.md',
    title: 'Varnok visits the canneries',
    source: 'Estuary Wire',
    published: '--06-03',
    body: 'Varnok visited the last cannery on the northern coast and spoke to the workers about sanctions.',
  },
  {
    file: 'wire/undated.md',
    title: 'Profile: who is Varnok?',
    source: 'Estuary Wire',
    body: 'Varnok grew up in a fishing family and studied law before the ministry.',
  },
];

export interface TimelineArchive {
  articlesDir: string;
  databaseFile: string;
}

/** Writes the stories to a new temp folder (removed after the test file) and indexes them. */
export async function buildTimelineArchive(): Promise<TimelineArchive> {
  const dir = tempDir('readout-timeline-');
  const articlesDir = path.join(dir, 'articles');
  writeFiles(
    articlesDir,
    Object.fromEntries(
      timelineStories.map((story) => {
        const { file, body, ...fields } = story;
        return [file, markdownArticle(fields as Record<string, string>, body)];
      }),
    ),
  );
  const databaseFile = path.join(dir, 'readout.sqlite');
  const db = openDatabase(databaseFile, { create: true });
  try {
    const summary = await reindexArchive(db, { dirs: [articlesDir], helperProcess: 'never' });
    if (summary.skipped.length > 0)
      throw new Error(`timeline archive: skipped ${JSON.stringify(summary.skipped)}`);
  } finally {
    db.close();
  }
  return { articlesDir, databaseFile };
}
