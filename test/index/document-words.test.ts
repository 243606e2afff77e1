import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/index/database.js';
import { DocumentWords } from '../../src/index/document-words.js';
import type { ArticleRecord } from '../../src/index/records.js';
import { countingThreadsRunning } from '../../src/index/word-counter.js';
import { IndexWriter } from '../../src/index/writer.js';
import { isVocabularyWord, surfaceWords } from '../../src/text/words.js';
import { tempDatabase } from '../support/fixtures.js';

const vocabularyOf = (db: Db) =>
  Object.fromEntries(
    db.prepare<[], [string, number]>('SELECT word, documents FROM vocabulary ORDER BY word').raw().all(),
  );

/** The vocabulary as text/words.ts counts it: each vocabulary word, and the documents (texts) that use it. */
function countedInJavaScript(documents: Iterable<string[]>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const texts of documents) {
    for (const word of new Set(texts.flatMap(surfaceWords))) {
      if (isVocabularyWord(word)) counts[word] = (counts[word] ?? 0) + 1;
    }
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('DocumentWords', () => {
  it.each([
    ['English, case and punctuation', ['Ferry Strike', 'The ferry crews struck; "Ferries stop," she said.']],
    ['accents kept, apostrophes split', ['Café owners', "L'été: naïve café-owners don't close"]],
    ['other scripts', ['Москва и Киев', 'Переговоры в Стамбуле', '東京 会議', 'مؤتمر القاهرة']],
    ['numbers, one-letter words and long runs left out', ['A 2004 vote', `x ${'a'.repeat(41)} b2 ok`]],
    ['decomposed accents (marks inside the word)', ['cafe\u0301 Zu\u0308rich']],
  ])('counts the words text/words.ts finds: %s', async (_case, texts) => {
    const { db } = tempDatabase();
    const words = new DocumentWords(db, false);
    words.add(texts[0]!, texts.slice(1).join('\n'));
    words.add('', texts[0]!);
    await words.refreshVocabulary();
    expect(vocabularyOf(db)).toEqual(countedInJavaScript([texts, texts.slice(0, 1)]));
  });

  it("keeps SQLite's folding where it differs from JavaScript's lowercase (final sigma, micro sign)", async () => {
    const { db } = tempDatabase();
    const words = new DocumentWords(db, false);
    words.add('', 'ΟΔΟΣ Λόγος µm');
    await words.refreshVocabulary();
    expect(vocabularyOf(db)).toEqual({ οδοσ: 1, λόγοσ: 1, μm: 1 });
  });

  it('after any additions and removals, the vocabulary has the counts of the documents left', async () => {
    const word = fc.constantFrom('ferry', 'strike', 'harbour', 'Pier', 'café', 'pilots', 'x', 'tide');
    const text = fc.array(word, { minLength: 0, maxLength: 6 }).map((words) => words.join(' '));
    const step = fc.oneof(
      fc.record({
        add: fc.integer({ min: 1, max: 12 }),
        texts: fc.array(text, { minLength: 1, maxLength: 3 }),
      }),
      fc.record({ remove: fc.integer({ min: 1, max: 12 }) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(step, { maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        async (runs) => {
          const { db } = tempDatabase();
          const live = new Map<number, string[]>();
          for (const [run, steps] of runs.entries()) {
            // The first run fills an empty index, the others change some documents.
            const words = new DocumentWords(db, run > 0);
            db.exec('BEGIN');
            for (const change of steps) {
              if ('add' in change) {
                if (live.has(change.add)) continue;
                words.add(change.texts[0]!, change.texts.slice(1).join('\n'));
                live.set(change.add, change.texts);
              } else if (live.has(change.remove)) {
                const texts = live.get(change.remove)!;
                words.remove(texts[0]!, texts.slice(1).join('\n'));
                live.delete(change.remove);
              }
            }
            await words.refreshVocabulary();
            db.exec('COMMIT');
            expect(vocabularyOf(db)).toEqual(countedInJavaScript(live.values()));
          }
          db.close();
        },
      ),
      { numRuns: 60 },
    );
  });

  it('counts the same in a worker thread, its texts sent in batches, as on this thread', async () => {
    const texts = Array.from(
      { length: 1234 },
      (_, at) => `Ferry ${at % 7 === 0 ? 'strike' : 'tide'} w${at % 300}`,
    );
    const counted = async (threadFrom: number) => {
      const { db } = tempDatabase();
      const words = new DocumentWords(db, true, threadFrom);
      for (const text of texts) words.add('', text);
      words.remove('', texts[0]!);
      db.exec("INSERT INTO vocabulary (word, documents) VALUES ('ferry', 1), ('tide', 1)");
      await words.refreshVocabulary();
      await words.close();
      return vocabularyOf(db);
    };
    const inThread = await counted(texts.length + 1);
    expect(inThread).toMatchObject({ ferry: 1234, strike: 176, tide: 1058, w0: 4, w1: 5 });
    expect(await counted(1)).toEqual(inThread);
  });

  it('stops its counting thread when the counts are in, or when the run ends without them', async () => {
    const { db } = tempDatabase();
    expect(countingThreadsRunning()).toBe(0);
    const counted = new DocumentWords(db, false, 1);
    counted.add('', 'ferry strike');
    expect(countingThreadsRunning()).toBe(1);
    await counted.refreshVocabulary();
    await counted.close();
    expect(countingThreadsRunning()).toBe(0);
    expect(vocabularyOf(db)).toEqual({ ferry: 1, strike: 1 });

    const abandoned = new DocumentWords(db, true, 1);
    abandoned.add('', 'harbour pilots');
    abandoned.remove('', 'ferry strike');
    expect(countingThreadsRunning()).toBe(2);
    await abandoned.close();
    expect(countingThreadsRunning()).toBe(0);
    // Refreshed after all, nothing was left to count: the vocabulary stays as it was.
    await abandoned.refreshVocabulary();
    await counted.refreshVocabulary();
    expect(vocabularyOf(db)).toEqual({ ferry: 1, strike: 1 });
  });
});

describe('the writer keeps the vocabulary of the documents it indexes', () => {
  const version = { path: '/archive/a.md', contentHash: 'h1', size: 1, mtimeMs: 1 };
  const article = (title: string, bodies: string[]): ArticleRecord => ({
    draft: { item: '', title },
    contentHash: `${title}|${bodies.join('|')}`,
    passages: bodies.map((body, at) => ({ body, fingerprint: `f${at}${body}` })),
    lead: 0,
  });
  const run = async (db: Db, change: (writer: IndexWriter) => void) => {
    const writer = IndexWriter.begin(db);
    change(writer);
    await writer.refreshVocabulary();
    writer.commit('2026-01-01T00:00:00.000Z', { preparedWith: 'test' });
    await writer.finish({ optimize: false });
  };
  const fileB = { ...version, path: '/archive/b.md' };

  it('takes away every word a removed article added', async () => {
    const { db } = tempDatabase();
    await run(db, (writer) => writer.syncFile(version, [article('Tide tables', ['Pilots wait'])], 'then'));
    const before = vocabularyOf(db);
    await run(db, (writer) =>
      writer.syncFile(fileB, [article('Ferry strike', ['Harbour pilots walk out'])], 'then'),
    );
    expect(vocabularyOf(db)).toMatchObject({ ferry: 1, strike: 1, pilots: 2 });
    await run(db, (writer) => writer.removeFile(fileB.path));
    expect(vocabularyOf(db)).toEqual(before);
  });

  it('counts a syndicated passage once, and keeps its words while a copy is left', async () => {
    const { db } = tempDatabase();
    const wire = 'Harbour pilots walk out over night shifts';
    await run(db, (writer) => {
      writer.syncFile(version, [article('Ferry strike', ['Tide tables', wire])], 'then');
      writer.syncFile(fileB, [article('Pilots strike', ['Quay news', wire])], 'then');
    });
    expect(vocabularyOf(db)).toMatchObject({ harbour: 1, shifts: 1, strike: 2, tide: 1, quay: 1 });
    await run(db, (writer) => writer.removeFile(version.path));
    expect(vocabularyOf(db)).toMatchObject({ harbour: 1, shifts: 1, strike: 1, quay: 1 });
    expect(vocabularyOf(db)).not.toHaveProperty('tide');
  });

  it('leaves out a headline no passage carries: searching its words finds nothing', async () => {
    const { db } = tempDatabase();
    await run(db, (writer) => writer.syncFile(version, [article('Ferry strike', [])], 'then'));
    expect(vocabularyOf(db)).toEqual({});
  });
});
