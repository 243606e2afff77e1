/**
 * Champion lists: for each very common word, the documents it scores highest in (impact-ordered
 * postings, cut to the best few thousand), computed by the re-index so that a search for the
 * word does not make FTS5 rank most of the archive.
 *
 * A one-word query's ranking is bm25's per-row factor (bm25.ts) times the word's IDF, which is
 * the same for every row: the order depends only on each row's weighted frequency of the word
 * and its length. A list keeps both for its documents, best first, and a bound: no document
 * outside the list has a higher factor. At query time the listed documents are scored exactly
 * as FTS5 would score them, and every one whose factor beats the bound is, provably, ranked
 * where FTS5 would rank it; when a page needs more than that (a filter keeps few of them), the
 * search falls back to FTS5 and loses nothing but time.
 *
 * Lists are rebuilt by a full re-index (one FTS5 ranking per word, the cost moved from the
 * query to the re-index; for a large index in two worker threads, beside the optimisation of
 * the full-text index), and kept exact by the others: documents added are scored and merged,
 * removed ones dropped (and the IDF counts adjusted), and the bound raised by as much as the
 * change in average length can raise a factor. They are written in their own transaction after
 * the content's, stamped with the index version they match; the bot uses them only when the
 * stamp is current.
 */
import { bm25Factor, type FtsTotals, factorGrowth, ftsTotals } from './bm25.js';
import {
  byFactor,
  championStamp,
  decodeChampionList,
  decodeEntries,
  encodeEntries,
  entryFields,
  keptInOrder,
} from './champion-entries.js';
import type { ChampionWork } from './champion-worker.js';
import type { Db } from './database.js';
import { startIndexWorker } from './index-worker.js';
import { metaKeys } from './meta.js';
import { phrase, type RankedRows, type RankedWord, WordRanking } from './word-ranking.js';

/** A word is very common when it matches this share of the documents… */
export const championShare = 0.2;
/** …and at least this many (below, ranking all its documents is cheap anyway). */
export const championMinimum = 1000;
/** Documents kept per word: enough for a filter that keeps a few tenths of a percent of them. */
export const championEntries = 8192;
/** Most common words looked at when choosing them. */
const candidateWords = 64;
/** Documents to rank, over all words, from which worker threads pay for their start. */
export const workerThreshold = 100_000;
/**
 * Documents of a word FTS5 reads in the time it looks one listed document up (about 15 µs a
 * look-up against 0.1 µs a posting, at a million passages): FTS5 does not seek a word's postings
 * to a range of rowids (`rowid >= ?` reads them all, 13 ms for a word in a fifth of a million
 * passages), so a run's few new documents are looked up one by one instead.
 */
const postingsPerLookup = 150;

/** Whether to look up a run's `added` new documents one by one rather than read a word's `documents`. */
export function lookUpAdded(added: number, documents: number): boolean {
  return added * postingsPerLookup < documents;
}

/** What a re-index run changed, for keeping the lists exact without rebuilding them. */
export interface IndexChange {
  /** Documents with this id or above were added by the run. */
  firstNewDocument: number;
  /** Documents the run removed. */
  removed: Set<number>;
  /** Documents that gained or lost a copy (their facets in the lists may have changed). */
  copiesChanged: Set<number>;
}

/** How lists are sized and made (the defaults above; tests make them small). */
export interface ChampionSizing {
  share: number;
  minimum: number;
  entries: number;
  /** Documents to rank from which the ranking goes to worker threads. */
  workerThreshold: number;
}

/** A new document with a word: its headline and body with the word's instances marked. */
interface AddedDocument {
  id: number;
  title: string;
  body: string;
}

/** New documents with a word, its instances marked (the caller adds which documents are new). */
const addedDocuments = `SELECT rowid AS id, highlight(passages_fts, 0, char(2), '') AS title,
         highlight(passages_fts, 1, char(2), '') AS body
  FROM passages_fts WHERE passages_fts MATCH ?`;

/** Computes and maintains the champion lists; used by the writer, after the content commits. */
export class ChampionLists {
  private readonly statements;
  private readonly sizing: ChampionSizing;
  private readonly ranking: WordRanking;

  constructor(
    private readonly db: Db,
    sizing: Partial<ChampionSizing> = {},
  ) {
    this.sizing = {
      share: championShare,
      minimum: championMinimum,
      entries: championEntries,
      workerThreshold,
      ...sizing,
    };
    this.ranking = new WordRanking(db);
    this.statements = {
      averages: db.prepare<[], Buffer>('SELECT block FROM passages_fts_data WHERE id = 1').pluck(),
      commonWords: db
        .prepare<[number, number], string>(
          'SELECT word FROM vocabulary WHERE documents >= ? ORDER BY documents DESC LIMIT ?',
        )
        .pluck(),
      matching: db
        .prepare<[string], number>('SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?')
        .pluck(),
      added: db.prepare<[string, number], AddedDocument>(`${addedDocuments} AND rowid >= ?`),
      addedAmong: db.prepare<[string, string], AddedDocument>(
        `${addedDocuments} AND rowid IN (SELECT value FROM json_each(?))`,
      ),
      newDocuments: db
        .prepare<[number], number>('SELECT id FROM documents WHERE id >= ? ORDER BY id')
        .pluck(),
      lists: db.prepare<
        [],
        { word: string; documents: number; bound: number; avgdl: number; entries: Buffer }
      >('SELECT word, documents, bound, avgdl, entries FROM champions'),
      clear: db.prepare('DELETE FROM champions'),
      remove: db.prepare('DELETE FROM champions WHERE word = ?'),
      restamp: db.prepare(
        'UPDATE champions SET documents = @documents, bound = @bound, avgdl = @avgdl WHERE word = @word',
      ),
      save: db.prepare(
        `INSERT INTO champions (word, documents, bound, avgdl, entries) VALUES (@word, @documents, @bound, @avgdl, @entries)
         ON CONFLICT (word) DO UPDATE SET documents = excluded.documents, bound = excluded.bound,
           avgdl = excluded.avgdl, entries = excluded.entries`,
      ),
      setMeta: db.prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
    };
  }

  /** Rows and average length as committed (FTS5 saves its totals when a transaction commits). */
  totals(): FtsTotals {
    const averages = this.statements.averages.get();
    return averages ? ftsTotals(averages) : { rows: 0, avgdl: 0 };
  }

  /** The very common words, with the documents each matches: those that get a list. */
  private veryCommonWords(totals: FtsTotals): Array<{ word: string; documents: number }> {
    const { share, minimum, entries } = this.sizing;
    if (totals.rows < minimum) return [];
    const threshold = Math.max(minimum, totals.rows * share);
    // The vocabulary counts each surface word's documents; FTS5 matches its stem, in as many or more.
    return this.statements.commonWords
      .all(Math.ceil(threshold), candidateWords)
      .map((word) => ({ word, documents: this.statements.matching.get(phrase(word))! }))
      .filter(({ documents }) => documents >= threshold && documents > entries);
  }

  /**
   * Ranks every very common word from scratch, on the committed index. `meanwhile` runs while
   * worker threads rank (the re-index optimises the full-text index then); the lists are
   * written afterwards, in a transaction of their own, stamped for index version `version`.
   */
  async rebuild(version: string, meanwhile: () => void = () => {}): Promise<void> {
    const totals = this.totals();
    const words = this.veryCommonWords(totals);
    const work = words.reduce((sum, word) => sum + word.documents, 0);
    const everyDocument = words.length * this.sizing.entries > totals.rows;
    // For a large index FTS5 ranks in worker threads; this thread optimises and reads the
    // documents meanwhile. Otherwise it ranks here, word by word, below.
    const inWorkers =
      work >= this.sizing.workerThreshold && this.db.name !== ':memory:'
        ? rankInWorkers(this.db.name, words, this.sizing.entries)
        : undefined;
    meanwhile();
    if (everyDocument) this.ranking.readEveryDocument();
    const best = await inWorkers;
    const ranked = words.map(({ word, documents }, at) =>
      this.ranking.rank(word, documents, totals, this.sizing.entries, best?.[at]),
    );
    this.db.transaction(() => {
      this.statements.clear.run();
      for (const list of ranked) if (list) this.save(list);
      this.statements.setMeta.run(metaKeys.championsVersion, championStamp(version));
    })();
  }

  /**
   * The run's new documents (`fresh`, in rowid order) that have the word (a phrase) the archive's
   * `documents` documents have, its instances marked with char(2): looked up one by one when
   * they are few beside the word's documents (lookUpAdded), else read from all of them.
   */
  documentsAdded(word: string, documents: number, fresh: number[]): AddedDocument[] {
    if (fresh.length === 0) return [];
    return lookUpAdded(fresh.length, documents)
      ? this.statements.addedAmong.all(word, JSON.stringify(fresh))
      : this.statements.added.all(word, fresh[0]!);
  }

  /**
   * Brings every list in step with a run, in the caller's transaction: drops removed documents,
   * scores and merges added ones, refreshes the facets of documents whose copies changed,
   * re-orders for the new average length and raises each bound by what that change allows.
   * `removedMatching(phrase)` names the removed documents that had the word (for its count).
   */
  update(change: IndexChange, removedMatching: (phrase: string) => number[], version: string): void {
    const { avgdl } = this.totals();
    const refreshed = this.ranking.facets([...change.copiesChanged]);
    const fresh = this.statements.newDocuments.all(change.firstNewDocument);
    for (const row of this.statements.lists.all()) {
      const list = decodeChampionList(row);
      const word = phrase(list.word);
      const added = this.documentsAdded(word, list.documents, fresh);
      const ids = added.map((doc) => doc.id);
      const lengths = this.ranking.lengths(ids);
      const scored = added.map((doc) => {
        const frequency = 2 * count(doc.title, '\u0002') + count(doc.body, '\u0002');
        const length = lengths.get(doc.id)!;
        return { id: doc.id, frequency, length, factor: bm25Factor(frequency, length, avgdl) };
      });
      const documents = list.documents + added.length - removedMatching(word).length;
      let bound = list.bound * factorGrowth(list.avgdl, avgdl);
      // Most lists of a small run lose no entry, gain none above the bound and keep their order:
      // their stored entries stand, cut where the bound now falls (the same bytes the full way
      // below would write, without unpacking and packing thousands of entries a word).
      const untouched =
        scored.every((doc) => doc.factor <= bound) &&
        !hasEntry(list.entries, (id) => change.removed.has(id) || refreshed.has(id));
      const prefix = untouched ? keptInOrder(list.entries, avgdl, bound) : undefined;
      if (prefix !== undefined && prefix <= this.sizing.entries) {
        if (prefix === 0) this.statements.remove.run(list.word);
        else if (prefix * entryFields === list.entries.length)
          this.statements.restamp.run({ word: list.word, documents, bound, avgdl });
        else
          this.statements.save.run({
            word: list.word,
            documents,
            bound,
            avgdl,
            entries: row.entries.subarray(0, prefix * entryFields * 4),
          });
        continue;
      }
      const kept = decodeEntries(list.entries, avgdl)
        .filter((entry) => !change.removed.has(entry.id))
        .map((entry) => ({ ...entry, ...refreshed.get(entry.id) }));
      const facets = this.ranking.facets(ids);
      for (const doc of scored) kept.push({ ...doc, ...facets.get(doc.id)! });
      kept.sort(byFactor);
      // Entries that no longer beat the bound are of no use; so is a list grown too long.
      let entries = kept.filter((entry) => entry.factor > bound);
      if (entries.length > this.sizing.entries) {
        bound = Math.max(bound, entries[this.sizing.entries]!.factor);
        entries = entries.filter((entry) => entry.factor > bound);
      }
      if (entries.length === 0) this.statements.remove.run(list.word);
      else this.save({ word: list.word, documents, bound, avgdl, entries });
    }
    this.statements.setMeta.run(metaKeys.championsVersion, championStamp(version));
  }

  private save(list: RankedWord): void {
    this.statements.save.run({ ...list, entries: encodeEntries(list.entries) });
  }
}

/**
 * FTS5's best rows for each word (in the order of `words`), asked in two worker threads, the
 * words shared out by how many documents they have.
 */
async function rankInWorkers(
  file: string,
  words: Array<{ word: string; documents: number }>,
  size: number,
): Promise<RankedRows[]> {
  const shares: number[][] = [[], []];
  const load = [0, 0];
  const byDocuments = words.map((_, at) => at).sort((a, b) => words[b]!.documents - words[a]!.documents);
  for (const at of byDocuments) {
    const lighter = load[0]! <= load[1]! ? 0 : 1;
    shares[lighter]!.push(at);
    load[lighter]! += words[at]!.documents;
  }
  const best: RankedRows[] = [];
  await Promise.all(
    shares
      .filter((share) => share.length > 0)
      .map(async (share) => {
        const rows = await runWorker({ file, words: share.map((at) => words[at]!.word), size });
        share.forEach((at, n) => {
          best[at] = rows[n]!;
        });
      }),
  );
  return best;
}

function runWorker(work: ChampionWork): Promise<RankedRows[]> {
  const worker = startIndexWorker('champion-worker', work);
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`champion lists: worker stopped with exit code ${code}`));
    });
  });
}

/** Whether any entry's document id passes `test`. */
function hasEntry(entries: Int32Array, test: (id: number) => boolean): boolean {
  for (let at = 0; at < entries.length; at += entryFields) if (test(entries[at]!)) return true;
  return false;
}

function count(text: string, marker: string): number {
  let n = 0;
  for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 1)) n++;
  return n;
}
