/**
 * Syndicated copies prepared once. A wire story is carried word for word by many outlets — in
 * the benchmark's archive, 3% of stories in 5 to 40 outlets each make two passages in five — and
 * what preparing an article costs most (cutting the body into passages, fingerprinting them,
 * finding the quotations and their speakers) depends on the body alone. So the passages of a
 * body seen a second time are kept, and the copies after it take them as they are: in the one
 * process that prepares them, a copy costs its reading and loading only.
 *
 * Bounded: bodies are known by a hash (a body seen once is only a hash), and the passages kept
 * are dropped oldest first past `maxKeptChars` of text, so a helper's memory stays within its
 * limit however much of the archive is syndicated.
 */
import { hash } from 'node:crypto';
import type { PassageRecord } from '../index/records.js';

/** What preparing a body gives (prepare-file.ts, prepareArticle): shared by its copies, never changed. */
export interface PreparedBody {
  passages: readonly PassageRecord[];
  lead: number;
}

/** Text kept, in UTF-16 code units: 16 MB of passages, a small share of a helper's heap. */
const defaultMaxKeptChars = 8 * 1024 * 1024;
/** Bodies remembered as seen once, before the oldest half is forgotten (a hash each). */
const defaultMaxSeen = 1_000_000;

export class SyndicatedBodies {
  /** Hashes of bodies seen once. */
  private readonly seen = new Set<string>();
  /** Bodies seen more than once, oldest first. */
  private readonly kept = new Map<string, { body: PreparedBody; chars: number }>();
  private keptChars = 0;

  constructor(
    private readonly maxKeptChars = defaultMaxKeptChars,
    private readonly maxSeen = defaultMaxSeen,
  ) {}

  /**
   * The passages of `body` (prepared with or without quotations: `variant`), prepared by
   * `prepare` the first two times the body is seen and taken from the last preparation after.
   */
  passagesOf(body: string, variant: string, prepare: () => PreparedBody): PreparedBody {
    const key = `${variant}:${hash('sha1', body, 'base64')}`;
    const kept = this.kept.get(key);
    if (kept) return kept.body;
    const prepared = prepare();
    if (!this.seen.has(key)) {
      if (this.seen.size >= this.maxSeen) this.forgetOldestSeen();
      this.seen.add(key);
      return prepared;
    }
    this.keep(key, prepared, body.length);
    return prepared;
  }

  private keep(key: string, body: PreparedBody, chars: number): void {
    if (chars > this.maxKeptChars) return;
    this.kept.set(key, { body, chars });
    this.keptChars += chars;
    for (const [oldest, { chars: oldestChars }] of this.kept) {
      if (this.keptChars <= this.maxKeptChars) break;
      this.kept.delete(oldest);
      this.keptChars -= oldestChars;
    }
  }

  private forgetOldestSeen(): void {
    let forget = Math.ceil(this.seen.size / 2);
    for (const key of this.seen) {
      if (forget-- === 0) break;
      this.seen.delete(key);
    }
  }
}
