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
 * query to the re-index), and kept exact by the others: documents added are scored and merged,
 * removed ones dropped (and the IDF counts adjusted), and the bound raised by as much as the
 * change in average length can raise a factor. They are written in their own transaction after
 * the content's, stamped with the index version they match; the bot uses them only when the
 * stamp is current.
 */
import { bm25Factor, bm25Idf, factorGrowth, frequencyFor, ftsTotals, rowLength } from './bm25.js';
import type { Db } from './database.js';
import { metaKeys } from './meta.js';

/** A word is very common when it matches this share of the documents… */
export const championShare = 0.2;
/** …and at least this many (below, ranking all its documents is cheap anyway). */
export const championMinimum = 1000;
/** Documents kept per word: enough for a filter that keeps a few tenths of a percent of them. */
export const championEntries = 8192;
/** Most common words looked at when choosing them. */
const candidateWords = 64;
/** A list with fewer proven entries left than this is dropped until the next rebuild. */
const shortestList = 64;

export interface ChampionList {
  word: string;
  /** Documents the word matches (for its IDF). */
  documents: number;
  /** No document outside `entries` has a higher bm25 factor for the word. */
  bound: number;
  /** The average document length the entries were ordered (and the bound computed) for. */
  avgdl: number;
  /** [document id, weighted frequency, length] triples, best first. */
  entries: Int32Array;
}

interface ScoredEntry {
  id: number;
  frequency: number;
  length: number;
  factor: number;
}

/** The word as FTS5 is asked it (vocabulary words are letters and digits: nothing to escape). */
function phrase(word: string): string {
  return `"${word}"`;
}

function toEntries(scored: ScoredEntry[]): Int32Array {
  const entries = new Int32Array(scored.length * 3);
  scored.forEach((entry, i) => {
    entries.set([entry.id, entry.frequency, entry.length], i * 3);
  });
  return entries;
}

function fromEntries(entries: Int32Array, avgdl: number): ScoredEntry[] {
  const scored: ScoredEntry[] = [];
  for (let i = 0; i < entries.length; i += 3) {
    const [id, frequency, length] = [entries[i]!, entries[i + 1]!, entries[i + 2]!];
    scored.push({ id, frequency, length, factor: bm25Factor(frequency, length, avgdl) });
  }
  return scored;
}

export function decodeChampionList(row: {
  word: string;
  documents: number;
  bound: number;
  avgdl: number;
  entries: Buffer;
}): ChampionList {
  const bytes = new Uint8Array(row.entries).slice();
  return { ...row, entries: new Int32Array(bytes.buffer, 0, bytes.length / 4) };
}

/** What a re-index run changed, for keeping the lists exact without rebuilding them. */
export interface IndexChange {
  /** Documents with this id or above were added by the run. */
  firstNewDocument: number;
  /** Documents the run removed. */
  removed: Set<number>;
}

/** Computes and maintains the champion lists; used by the writer, in its own transaction. */
export class ChampionLists {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      averages: db.prepare<[], Buffer>('SELECT block FROM passages_fts_data WHERE id = 1').pluck(),
      lengths: db.prepare<[string], { id: number; sz: Buffer }>(
        'SELECT id, sz FROM passages_fts_docsize WHERE id IN (SELECT value FROM json_each(?))',
      ),
      commonWords: db
        .prepare<[number, number], string>(
          'SELECT word FROM vocabulary WHERE articles >= ? ORDER BY articles DESC LIMIT ?',
        )
        .pluck(),
      articles: db.prepare<[], number>('SELECT count(*) FROM articles').pluck(),
      matching: db
        .prepare<[string], number>('SELECT count(*) FROM passages_fts WHERE passages_fts MATCH ?')
        .pluck(),
      best: db.prepare<[string, number], { id: number; rank: number }>(
        'SELECT rowid AS id, rank FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT ?',
      ),
      added: db.prepare<[string, number], { id: number; title: string; body: string }>(
        `SELECT rowid AS id, highlight(passages_fts, 0, char(2), '') AS title,
                highlight(passages_fts, 1, char(2), '') AS body
         FROM passages_fts WHERE passages_fts MATCH ? AND rowid >= ?`,
      ),
      lists: db.prepare<
        [],
        { word: string; documents: number; bound: number; avgdl: number; entries: Buffer }
      >('SELECT word, documents, bound, avgdl, entries FROM champions'),
      clear: db.prepare('DELETE FROM champions'),
      remove: db.prepare('DELETE FROM champions WHERE word = ?'),
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
  private totals() {
    const averages = this.statements.averages.get();
    return averages ? ftsTotals(averages) : { rows: 0, avgdl: 0 };
  }

  private lengths(ids: number[]): Map<number, number> {
    const rows = this.statements.lengths.all(JSON.stringify(ids));
    return new Map(rows.map((row) => [row.id, rowLength(row.sz)]));
  }

  /** Every list from scratch: the very common words, each ranked once by FTS5. */
  rebuild(version: string): void {
    this.statements.clear.run();
    const { rows, avgdl } = this.totals();
    const threshold = Math.max(championMinimum, rows * championShare);
    if (rows >= championMinimum) {
      // A word in a fifth of the documents is in at least that share of the articles.
      const articles = this.statements.articles.get()!;
      for (const word of this.statements.commonWords.all(
        Math.ceil(articles * championShare),
        candidateWords,
      )) {
        const documents = this.statements.matching.get(phrase(word))!;
        if (documents >= threshold) this.rank(word, documents, rows, avgdl);
      }
    }
    this.statements.setMeta.run(metaKeys.championsVersion, version);
  }

  /** One word's list: its best documents by FTS5's own ranking, and the bound below them. */
  private rank(word: string, documents: number, rows: number, avgdl: number): void {
    const best = this.statements.best.all(phrase(word), championEntries + 1);
    if (best.length <= championEntries) return; // few enough documents to rank at query time
    // The best factor left out, a hair higher to cover the last bit in which C's log() and
    // JavaScript's may differ; every entry kept is strictly above it.
    const idf = bm25Idf(rows, documents);
    const bound = (-best.at(-1)!.rank / idf) * (1 + 1e-12);
    const lengths = this.lengths(best.map((row) => row.id));
    const scored: ScoredEntry[] = [];
    for (const row of best) {
      const length = lengths.get(row.id)!;
      const frequency = frequencyFor(-row.rank / idf, length, avgdl);
      const factor = bm25Factor(frequency, length, avgdl);
      // The reproduction must agree with FTS5, or the list would rank wrongly.
      if (!sameScore(factor, -row.rank / idf)) return;
      if (factor > bound) scored.push({ id: row.id, frequency, length, factor });
    }
    scored.sort(byFactor);
    this.save(word, documents, bound, avgdl, scored);
  }

  /**
   * Brings every list in step with a run: drops removed documents, scores and merges added ones,
   * re-orders for the new average length and raises each bound by what that change allows.
   * `removedMatching(word)` names the removed documents that had the word (for its count).
   */
  update(change: IndexChange, removedMatching: (phrase: string) => number[], version: string): void {
    const { avgdl } = this.totals();
    for (const row of this.statements.lists.all()) {
      const list = decodeChampionList(row);
      const word = phrase(list.word);
      const kept = fromEntries(list.entries, avgdl).filter((entry) => !change.removed.has(entry.id));
      const added = this.statements.added.all(word, change.firstNewDocument);
      const lengths = this.lengths(added.map((doc) => doc.id));
      for (const doc of added) {
        const frequency = 2 * count(doc.title, '\u0002') + count(doc.body, '\u0002');
        const length = lengths.get(doc.id)!;
        kept.push({ id: doc.id, frequency, length, factor: bm25Factor(frequency, length, avgdl) });
      }
      const documents = list.documents + added.length - removedMatching(word).length;
      let bound = list.bound * factorGrowth(list.avgdl, avgdl);
      kept.sort(byFactor);
      // Entries that no longer beat the bound are of no use; so is a list grown too long.
      let entries = kept.filter((entry) => entry.factor > bound);
      if (entries.length > championEntries) {
        bound = Math.max(bound, entries[championEntries]!.factor);
        entries = entries.filter((entry) => entry.factor > bound);
      }
      if (entries.length < shortestList) this.statements.remove.run(list.word);
      else this.save(list.word, documents, bound, avgdl, entries);
    }
    this.statements.setMeta.run(metaKeys.championsVersion, version);
  }

  private save(word: string, documents: number, bound: number, avgdl: number, scored: ScoredEntry[]): void {
    const entries = toEntries(scored);
    this.statements.save.run({
      word,
      documents,
      bound,
      avgdl,
      entries: Buffer.from(entries.buffer, entries.byteOffset, entries.byteLength),
    });
  }
}

/** Best first; equal factors (equal texts' lengths and counts) in a fixed order. */
function byFactor(a: ScoredEntry, b: ScoredEntry): number {
  return b.factor - a.factor || a.id - b.id;
}

function count(text: string, marker: string): number {
  let n = 0;
  for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 1)) n++;
  return n;
}

/** Equal up to the last bits: C's log() and JavaScript's may differ in the last place. */
function sameScore(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}
