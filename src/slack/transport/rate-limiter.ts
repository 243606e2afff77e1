/**
 * Per-user request limits and event de-duplication: small in-memory structures with an
 * injectable clock, so they can be tested without waiting.
 */
import type { RateLimit } from '../../config.js';

export type Clock = () => number;

/**
 * A sliding window per user: at most `requests` searches in any `perSeconds` seconds.
 * `requests: 0` turns the limit off.
 */
export class RateLimiter {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: Clock = Date.now,
  ) {}

  /**
   * Records a request by `userId` if it is allowed. Returns 0 when allowed, else the number of
   * seconds until the user may ask again.
   */
  take(userId: string): number {
    if (this.limit.requests <= 0) return 0;
    const now = this.now();
    const windowMs = this.limit.perSeconds * 1000;
    const times = (this.recent.get(userId) ?? []).filter((time) => now - time < windowMs);
    if (times.length >= this.limit.requests) {
      this.recent.set(userId, times);
      return Math.max(1, Math.ceil((times[0]! + windowMs - now) / 1000));
    }
    times.push(now);
    this.recent.set(userId, times);
    if (this.recent.size > 10_000) this.forgetIdle(now, windowMs);
    return 0;
  }

  private forgetIdle(now: number, windowMs: number): void {
    for (const [user, times] of this.recent) {
      if (times.every((time) => now - time >= windowMs)) this.recent.delete(user);
    }
  }
}

/**
 * Remembers event IDs for a while, so an event Slack re-delivers (it retries when it thinks we
 * timed out) is answered once.
 */
export class SeenEvents {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly now: Clock = Date.now,
    private readonly maxEntries = 10_000,
  ) {}

  /** True the first time an ID is seen (within the TTL), false for a repeat. */
  firstTime(id: string): boolean {
    const now = this.now();
    const seenAt = this.seen.get(id);
    if (seenAt !== undefined && now - seenAt < this.ttlMs) return false;
    this.seen.set(id, now);
    if (this.seen.size > this.maxEntries) {
      for (const [key, time] of this.seen) {
        if (now - time >= this.ttlMs || this.seen.size > this.maxEntries) this.seen.delete(key);
        else break;
      }
    }
    return true;
  }
}
