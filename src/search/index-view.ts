/**
 * What the search plan reads once per version of the index rather than once per query: the
 * outlets (to resolve `source:`), the full-text index's totals (for bm25), the re-index's
 * bounds and versions from meta, and the champion lists asked for so far. Forgotten when a
 * re-index commits.
 */
import type { FtsTotals } from '../index/bm25.js';
import { type ChampionList, championStamp } from '../index/champion-entries.js';
import { metaKeys } from '../index/meta.js';
import type { IndexReader } from '../index/reader.js';
import type { OutletFacet } from './filters.js';

export class IndexView {
  private outletList: OutletFacet[] | undefined;
  private highest: number | undefined;
  private totals: FtsTotals | undefined;
  private readonly lists = new Map<string, ChampionList | undefined>();
  private perFingerprint: number | undefined;
  private listsCurrent: boolean | undefined;
  private rebuild: { reason: string | undefined } | undefined;

  constructor(private readonly reader: IndexReader) {}

  /** Forgets everything read (the index changed). */
  invalidate(): void {
    this.outletList = undefined;
    this.highest = undefined;
    this.totals = undefined;
    this.lists.clear();
    this.perFingerprint = undefined;
    this.listsCurrent = undefined;
    this.rebuild = undefined;
  }

  outlets(): readonly OutletFacet[] {
    this.outletList ??= this.reader.outletFacets();
    return this.outletList;
  }

  /** The highest outlet number of the index (0 without outlets): how exact outlet signatures are. */
  highestOutlet(): number {
    this.highest ??= this.outlets().reduce((highest, outlet) => Math.max(highest, outlet.id), 0);
    return this.highest;
  }

  ftsTotals(): FtsTotals {
    this.totals ??= this.reader.ftsTotals();
    return this.totals;
  }

  /** Most documents (distinct texts) sharing one fingerprint; at least 1. */
  documentsPerFingerprint(): number {
    this.perFingerprint ??= Math.max(1, Number(this.reader.meta(metaKeys.maxDocumentsPerFingerprint) ?? 1));
    return this.perFingerprint;
  }

  /**
   * A very common word's champion list, when the re-index made one and it matches the index as
   * committed (a re-index that stopped between its two commits leaves the lists a version behind).
   */
  championList(word: string): ChampionList | undefined {
    if (this.listsCurrent === undefined) {
      const version = this.reader.meta(metaKeys.indexVersion);
      this.listsCurrent =
        version !== undefined && this.reader.meta(metaKeys.championsVersion) === championStamp(version);
    }
    if (!this.listsCurrent) return undefined;
    if (!this.lists.has(word)) this.lists.set(word, this.reader.championList(word));
    const list = this.lists.get(word);
    // Ordered for another average length: the index changed without them (cannot happen through
    // the re-index, which keeps both in step; an index edited by hand could).
    return list && list.avgdl === this.ftsTotals().avgdl ? list : undefined;
  }

  /** Why the index cannot answer yet (an older schema's index was dropped), if it cannot. */
  rebuildRequired(): string | undefined {
    this.rebuild ??= { reason: this.reader.meta(metaKeys.rebuildRequired) };
    return this.rebuild.reason;
  }
}
