import { describe, expect, it } from 'vitest';
import { RateLimiter, SeenEvents } from '../../../src/slack/transport/rate-limiter.js';

function manualClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('RateLimiter', () => {
  it('allows up to the limit within the window, then says how long to wait', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ requests: 2, perSeconds: 60 }, clock.now);
    expect(limiter.take('U1')).toBe(0);
    clock.advance(10_000);
    expect(limiter.take('U1')).toBe(0);
    expect(limiter.take('U1')).toBe(50);
  });

  it('counts each user separately', () => {
    const limiter = new RateLimiter({ requests: 1, perSeconds: 60 }, manualClock().now);
    expect(limiter.take('U1')).toBe(0);
    expect(limiter.take('U2')).toBe(0);
    expect(limiter.take('U1')).toBeGreaterThan(0);
  });

  it('allows again once the oldest request leaves the window', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ requests: 1, perSeconds: 60 }, clock.now);
    limiter.take('U1');
    clock.advance(60_000);
    expect(limiter.take('U1')).toBe(0);
  });

  it('does not count refused requests against the user', () => {
    const clock = manualClock();
    const limiter = new RateLimiter({ requests: 1, perSeconds: 60 }, clock.now);
    limiter.take('U1');
    clock.advance(30_000);
    limiter.take('U1');
    clock.advance(30_000);
    expect(limiter.take('U1')).toBe(0);
  });

  it('never limits when turned off', () => {
    const limiter = new RateLimiter({ requests: 0, perSeconds: 0 }, manualClock().now);
    for (let i = 0; i < 100; i += 1) expect(limiter.take('U1')).toBe(0);
  });
});

describe('SeenEvents', () => {
  it('reports the first delivery of an event and not its retries', () => {
    const seen = new SeenEvents(60_000, manualClock().now);
    expect(seen.firstTime('Ev1')).toBe(true);
    expect(seen.firstTime('Ev1')).toBe(false);
    expect(seen.firstTime('Ev2')).toBe(true);
  });

  it('forgets events after the time to live', () => {
    const clock = manualClock();
    const seen = new SeenEvents(60_000, clock.now);
    seen.firstTime('Ev1');
    clock.advance(60_000);
    expect(seen.firstTime('Ev1')).toBe(true);
  });

  it('keeps to its size limit', () => {
    const seen = new SeenEvents(60_000, manualClock().now, 3);
    for (const id of ['a', 'b', 'c', 'd']) seen.firstTime(id);
    expect(seen.firstTime('a')).toBe(true);
    expect(seen.firstTime('d')).toBe(false);
  });
});
