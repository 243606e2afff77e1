/**
 * Requests still being answered. Slack gets its ack at once and the answer follows, so stopping
 * the receiver is not enough for a clean shutdown: SIGTERM must let the answers already under
 * way reach the reporter before the database closes.
 */
export class InFlight {
  private count = 0;
  private waiters: Array<() => void> = [];

  /** How many requests are being answered now. */
  get size(): number {
    return this.count;
  }

  /** Runs `work`, counting it as in flight until it settles. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    this.count += 1;
    try {
      return await work();
    } finally {
      this.count -= 1;
      if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  /**
   * Resolves true once nothing is in flight, or false after `timeoutMs` with work still running
   * (an answer stuck on a Slack call that never returns must not keep the process up forever).
   */
  drained(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== wake);
        resolve(false);
      }, timeoutMs);
      const wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.waiters.push(wake);
    });
  }
}
