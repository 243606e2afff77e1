import { describe, expect, it } from 'vitest';
import { InFlight } from '../../../src/slack/transport/in-flight.js';

/** A promise and the functions that settle it, to hold work in flight for as long as a test likes. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('InFlight', () => {
  it('counts work while it runs and forgets it once settled, failed work included', async () => {
    const inFlight = new InFlight();
    const first = deferred();
    const second = deferred();
    const tracked = [inFlight.track(() => first.promise), inFlight.track(() => second.promise)];
    expect(inFlight.size).toBe(2);
    first.resolve();
    second.reject(new Error('slack said no'));
    await expect(tracked[0]).resolves.toBeUndefined();
    await expect(tracked[1]).rejects.toThrow('slack said no');
    expect(inFlight.size).toBe(0);
  });

  it('is drained at once when nothing runs', async () => {
    await expect(new InFlight().drained(0)).resolves.toBe(true);
  });

  it('is drained when the last work settles, not before', async () => {
    const inFlight = new InFlight();
    const work = deferred();
    void inFlight.track(() => work.promise);
    let drained: boolean | undefined;
    const waiting = inFlight.drained(60_000).then((result) => {
      drained = result;
    });
    await Promise.resolve();
    expect(drained).toBeUndefined();
    work.resolve();
    await waiting;
    expect(drained).toBe(true);
  });

  it('gives up waiting after the grace period, reporting work still running', async () => {
    const inFlight = new InFlight();
    void inFlight.track(() => new Promise(() => {}));
    await expect(inFlight.drained(1)).resolves.toBe(false);
    expect(inFlight.size).toBe(1);
  });
});
