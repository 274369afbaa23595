import { Backoff } from './backoff';

describe('Backoff', () => {
  it('doubles its ceiling per failure up to the maximum, with the upper half randomised', () => {
    const low = new Backoff(100, 1000, () => 0);
    expect([1, 2, 3, 4, 5, 6].map(() => low.next())).toEqual([50, 100, 200, 400, 500, 500]);
    const high = new Backoff(100, 1000, () => 0.999999);
    expect([1, 2, 3, 4, 5].map(() => high.next())).toEqual([100, 200, 400, 800, 1000]);
  });

  it('spreads delays between clients (jitter) and starts over after reset', () => {
    const delays = new Set(Array.from({ length: 50 }, () => new Backoff(1000, 30_000).next()));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(500);
    const backoff = new Backoff(100, 1000, () => 0);
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.next()).toBe(50);
  });
});
