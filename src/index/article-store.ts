/**
 * Writing and removing articles: the article row, its passages with their facets, the documents
 * (distinct texts) they are copies of, and passages_fts, which indexes each document once. Used
 * by the writer inside its run's transaction.
 *
 * A passage's document is found by its fingerprint and then by its exact text as indexed
 * (headline for the lead passage, and body): the same paragraph syndicated with another
 * headline, or other punctuation, is another document with the same fingerprint. Only a new
 * document is added to passages_fts; removing the last copy of a document removes it there
 * (with the FTS5 'delete' command and the old text), and removing the copy passages_fts reads
 * from hands that role to another copy — the indexed text does not change.
 *
 * Documents and passages are numbered here, in increasing order, documents never reusing a number
 * (meta document_high_water): passages_fts receives rows in rowid order and never flushes early,
 * the champion lists can tell new documents from old, and each new document is written once,
 * already pointing at its passage. The store remembers what a run added and removed for the
 * champion lists (champions.ts), and counts the words of the documents it adds and removes for
 * the vocabulary (document-words.ts).
 */
import { dayNumber } from '../text/partial-date.js';
import type { IndexChange } from './champions.js';
import type { Db } from './database.js';
import { DocumentWords } from './document-words.js';
import { metaKeys } from './meta.js';
import { OutletNumbers } from './outlets.js';
import type { ArticleRecord } from './records.js';

const tokenizer = "tokenize = 'porter unicode61 remove_diacritics 2'";

export class ArticleStore {
  private readonly statements;
  private readonly outlets: OutletNumbers;
  private readonly words: DocumentWords;
  /**
   * When the run fills an empty index: the documents written so far by fingerprint, all there
   * are (several when texts differing only in punctuation share one). A passage with a new
   * fingerprint is a new document without asking the index (most passages are), and a known one
   * is compared with those documents' texts alone, looked up by id: the fingerprint index is
   * built once at the end (IndexWriter.deferIndexes). Undefined when the run changes some
   * articles of an index: then the fingerprints it touches are remembered instead
   * (`change.touchedFingerprints`, for the syndication bound).
   */
  private writtenDocuments: Map<string, number | number[]> | undefined;
  private nextPassage: number;
  private nextDocument: number;
  /** What this run changed, for the champion lists and the syndication bound. */
  readonly change: IndexChange & { touchedFingerprints: Set<string>; articlesChanged: number };

  /** After `rememberRuns`: the runs of the articles as they were, by file, item and content hash. */
  private previousRuns = new Map<string, number>();

  /** `run`: the number of this re-index run, stamped on the articles it writes. */
  constructor(
    private readonly db: Db,
    private readonly run: number,
  ) {
    this.outlets = new OutletNumbers(db);
    const number = (sql: string, ...args: string[]) =>
      Number(
        db
          .prepare(sql)
          .pluck()
          .get(...args) ?? 0,
      );
    this.nextPassage = number('SELECT max(id) FROM passages') + 1;
    this.nextDocument =
      Math.max(
        number('SELECT max(id) FROM documents'),
        number('SELECT value FROM meta WHERE key = ?', metaKeys.documentHighWater),
      ) + 1;
    const someDocuments = this.nextPassage > 1;
    this.words = new DocumentWords(db, someDocuments);
    if (!someDocuments) this.writtenDocuments = new Map();
    this.change = {
      firstNewDocument: this.nextDocument,
      removed: new Set(),
      copiesChanged: new Set(),
      touchedFingerprints: new Set(),
      articlesChanged: 0,
    };
    // Texts of the documents a run removes, for counting which very common words they had.
    this.forgetRemoved();
    this.statements = {
      articleRuns: db.prepare<
        [],
        { file_path: string; item: string; content_hash: string; indexed_run: number }
      >('SELECT file_path, item, content_hash, indexed_run FROM articles'),
      insertArticle: db.prepare(
        `INSERT INTO articles (file_path, item, content_hash, lead_position, title, source, author, published, url, indexed_run)
         VALUES (@filePath, @item, @contentHash, @lead, @title, @source, @author, @published, @url, @run)`,
      ),
      findDocument: db
        .prepare<{ fingerprint: string; title: string; body: string }, number>(
          `SELECT documents.id FROM documents
           JOIN passages ON passages.id = documents.passage_id
           JOIN articles ON articles.id = passages.article_id
           WHERE documents.fingerprint = @fingerprint AND passages.body = @body
             AND (CASE WHEN passages.position = articles.lead_position THEN articles.title ELSE '' END) = @title
           LIMIT 1`,
        )
        .pluck(),
      sameDocument: db
        .prepare<{ document: number; title: string; body: string }, number>(
          `SELECT 1 FROM documents
           JOIN passages ON passages.id = documents.passage_id
           JOIN articles ON articles.id = passages.article_id
           WHERE documents.id = @document AND passages.body = @body
             AND (CASE WHEN passages.position = articles.lead_position THEN articles.title ELSE '' END) = @title`,
        )
        .pluck(),
      insertDocument: db.prepare(
        'INSERT INTO documents (id, fingerprint, passage_id, copies) VALUES (?, ?, ?, 1)',
      ),
      addCopy: db.prepare('UPDATE documents SET copies = copies + 1 WHERE id = ?'),
      insertPassage: db.prepare(
        `INSERT INTO passages (id, article_id, position, body, document_id, outlet, day)
         VALUES (@passageId, @articleId, @position, @body, @documentId, @outlet, @day)`,
      ),
      insertFts: db.prepare('INSERT INTO passages_fts (rowid, title, body) VALUES (?, ?, ?)'),
      insertQuotation: db.prepare(
        `INSERT INTO quotations (passage_id, start_offset, end_offset, speaker, speaker_key, speaker_as_written, cue, partial)
         VALUES (@passageId, @start, @end, @speaker, @speakerKey, @speakerAsWritten, @cue, @partial)`,
      ),
      deleteQuotationsOfArticle: db.prepare(
        'DELETE FROM quotations WHERE passage_id IN (SELECT id FROM passages WHERE article_id = ?)',
      ),
      passagesOfArticle: db.prepare<
        [number],
        { id: number; documentId: number; copies: number; title: string; body: string }
      >(
        `SELECT passages.id, passages.document_id AS documentId, documents.copies, passages.body,
                CASE WHEN passages.position = articles.lead_position THEN articles.title ELSE '' END AS title
         FROM passages
         JOIN documents ON documents.id = passages.document_id
         JOIN articles ON articles.id = passages.article_id
         WHERE passages.article_id = ? ORDER BY passages.document_id`,
      ),
      deleteFts: db.prepare(
        `INSERT INTO passages_fts (passages_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)`,
      ),
      rememberRemoved: db.prepare('INSERT INTO temp.removed_documents (rowid, title, body) VALUES (?, ?, ?)'),
      removedMatching: db
        .prepare<[string], number>('SELECT rowid FROM temp.removed_documents WHERE removed_documents MATCH ?')
        .pluck(),
      deleteDocument: db.prepare('DELETE FROM documents WHERE id = ?'),
      dropCopy: db.prepare(
        `UPDATE documents SET copies = copies - 1,
           passage_id = CASE WHEN passage_id = @passage
             THEN (SELECT id FROM passages WHERE document_id = @document AND id != @passage LIMIT 1)
             ELSE passage_id END
         WHERE id = @document`,
      ),
      deletePassagesOfArticle: db.prepare('DELETE FROM passages WHERE article_id = ?'),
      deleteArticle: db.prepare('DELETE FROM articles WHERE id = ?'),
    };
  }

  /**
   * Writes an article, its passages and their quotations, stamped with this run (or, rebuilt
   * unchanged after `rememberRuns`, with its own), and counts the words of its new documents.
   */
  addArticle(filePath: string, article: ArticleRecord): number {
    const { draft } = article;
    const articleId = Number(
      this.statements.insertArticle.run({
        filePath,
        item: draft.item,
        contentHash: article.contentHash,
        lead: article.lead,
        title: draft.title,
        source: draft.source ?? null,
        author: draft.author ?? null,
        published: draft.published ?? null,
        url: draft.url ?? null,
        run: this.previousRuns.get(articleRunKey(filePath, draft.item, article.contentHash)) ?? this.run,
      }).lastInsertRowid,
    );
    const outlet = this.outlets.numberOf(draft.source, draft.url);
    const day = dayNumber(draft.published) ?? null;
    article.passages.forEach(({ body, fingerprint, quotations }, position) => {
      // The headline is indexed with the lead passage only; see db/migrations/001-initial.sql.
      const title = position === article.lead ? draft.title : '';
      const existing = this.existingDocument(fingerprint, title, body);
      // Numbered here, not by SQLite, which would give a removed document's number again.
      const documentId = existing ?? this.nextDocument++;
      const passageId = this.nextPassage++;
      this.statements.insertPassage.run({ passageId, articleId, position, body, documentId, outlet, day });
      for (const quotation of quotations ?? []) {
        this.statements.insertQuotation.run({ ...quotation, passageId, partial: quotation.partial ? 1 : 0 });
      }
      if (existing !== undefined) {
        this.statements.addCopy.run(documentId);
        this.change.copiesChanged.add(documentId);
      } else {
        this.statements.insertDocument.run(documentId, fingerprint, passageId);
        this.noteWritten(fingerprint, documentId);
        this.statements.insertFts.run(documentId, title, body);
        this.words.add(title, body);
        if (!this.writtenDocuments) this.change.touchedFingerprints.add(fingerprint);
      }
    });
    this.change.articlesChanged++;
    return article.passages.length;
  }

  /** The document with this text (a headline with its lead passage, or a passage alone), if any. */
  private existingDocument(fingerprint: string, title: string, body: string): number | undefined {
    if (!this.writtenDocuments) return this.statements.findDocument.get({ fingerprint, title, body });
    const written = this.writtenDocuments.get(fingerprint);
    if (written === undefined) return undefined;
    for (const document of typeof written === 'number' ? [written] : written) {
      if (this.statements.sameDocument.get({ document, title, body }) !== undefined) return document;
    }
    return undefined;
  }

  private noteWritten(fingerprint: string, document: number): void {
    if (!this.writtenDocuments) return;
    const written = this.writtenDocuments.get(fingerprint);
    if (written === undefined) this.writtenDocuments.set(fingerprint, document);
    else if (typeof written === 'number') this.writtenDocuments.set(fingerprint, [written, document]);
    else written.push(document);
  }

  /** Removes an article, its passages, and the documents left without a copy. */
  removeArticle(articleId: number): number {
    const passages = this.statements.passagesOfArticle.all(articleId);
    // Copies left of each document (an article may hold the same paragraph twice).
    const copies = new Map<number, number>();
    for (const passage of passages) {
      const left = (copies.get(passage.documentId) ?? passage.copies) - 1;
      copies.set(passage.documentId, left);
      if (left === 0) {
        this.statements.deleteFts.run(passage.documentId, passage.title, passage.body);
        this.words.remove(passage.title, passage.body);
        this.statements.rememberRemoved.run(passage.documentId, passage.title, passage.body);
        this.statements.deleteDocument.run(passage.documentId);
        this.change.removed.add(passage.documentId);
      } else {
        this.statements.dropCopy.run({ passage: passage.id, document: passage.documentId });
        this.change.copiesChanged.add(passage.documentId);
      }
    }
    this.statements.deleteQuotationsOfArticle.run(articleId);
    this.statements.deletePassagesOfArticle.run(articleId);
    this.statements.deleteArticle.run(articleId);
    this.change.articlesChanged++;
    return passages.length;
  }

  /** Brings the vocabulary table in line with the documents added and removed (document-words.ts). */
  refreshVocabulary(): Promise<void> {
    return this.words.refreshVocabulary();
  }

  /** Stops counting words (the run ended or failed: a counting thread, if any, is stopped). */
  close(): Promise<void> {
    return this.words.close();
  }

  /** Removed documents that matched an FTS5 phrase (for the champion lists' counts). */
  removedMatching(phrase: string): number[] {
    return this.change.removed.size === 0 ? [] : this.statements.removedMatching.all(phrase);
  }

  /** The highest document number given so far (for meta document_high_water). */
  get documentHighWater(): number {
    return this.nextDocument - 1;
  }

  /** Before the index is emptied (--full): keeps each article's run for its unchanged rebuild. */
  rememberRuns(): void {
    this.previousRuns = new Map(
      this.statements.articleRuns
        .all()
        .map((row) => [articleRunKey(row.file_path, row.item, row.content_hash), row.indexed_run]),
    );
  }

  /** Forgets the outlets and the run's changes (the index was emptied: everything is new). */
  cleared(): void {
    this.outlets.clear();
    this.words.clear();
    this.nextPassage = 1;
    this.nextDocument = 1;
    this.writtenDocuments = new Map();
    this.change.touchedFingerprints.clear();
    this.change.firstNewDocument = 1;
    this.change.removed.clear();
    this.change.copiesChanged.clear();
    this.forgetRemoved();
  }

  private forgetRemoved(): void {
    this.db.exec(`DROP TABLE IF EXISTS temp.removed_documents;
      CREATE VIRTUAL TABLE temp.removed_documents USING fts5(title, body, content = '', ${tokenizer});`);
  }
}

/** An article's identity and content: an article rebuilt unchanged by --full keeps its run. */
function articleRunKey(filePath: string, item: string, contentHash: string): string {
  return `${filePath}\u0000${item}\u0000${contentHash}`;
}
