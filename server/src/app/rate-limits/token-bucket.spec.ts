import { MemoryTokenBucket } from './token-bucket';

function bucketAt(start = 0) {
  const clock = { now: start };
  const bucket = new MemoryTokenBucket({ capacity: 10, refillPerSecond: 10 }, () => clock.now);
  const takeMany = (n: number) =>
    Array.from({ length: n }, () => bucket.take('k')).filter((d) => d.allowed).length;
  return { clock, bucket, takeMany };
}

describe('MemoryTokenBucket', () => {
  it('lets a burst of `capacity` through, then refuses with the time until the next token', () => {
    const { bucket, takeMany } = bucketAt();
    expect(takeMany(10)).toBe(10);
    expect(bucket.take('k')).toEqual({ allowed: false, retryAfterMs: 100 });
    // Other keys have their own bucket.
    expect(bucket.take('other').allowed).toBe(true);
  });

  it('refills continuously at the sustained rate', () => {
    const { clock, takeMany } = bucketAt();
    takeMany(10);
    clock.now += 250;
    expect(takeMany(10)).toBe(2);
    clock.now += 5_000;
    expect(takeMany(20)).toBe(10);
  });

  it('does not let twice the limit through around a second boundary (as a fixed window would)', () => {
    const { clock, takeMany } = bucketAt();
    clock.now = 990;
    expect(takeMany(30)).toBe(10);
    clock.now = 1_010;
    expect(takeMany(30)).toBe(0);
  });

  it('never passes more than capacity + rate·t in any interval of t seconds', () => {
    const { clock, bucket } = bucketAt();
    const passed: number[] = [];
    // A request every 7 ms for 5 s: 714 requests against a budget of 10/s.
    for (let t = 0; t < 5_000; t += 7) {
      clock.now = t;
      if (bucket.take('k').allowed) passed.push(t);
    }
    for (const start of passed) {
      for (const length of [50, 300, 1_000, 2_500]) {
        const inWindow = passed.filter((t) => t >= start && t < start + length).length;
        expect(inWindow).toBeLessThanOrEqual(10 + Math.ceil((10 * length) / 1000));
      }
    }
    expect(passed.length).toBeLessThanOrEqual(10 + 50);
    expect(passed.length).toBeGreaterThanOrEqual(58);
  });

  it('forgets full buckets when swept and on request', () => {
    const { clock, bucket } = bucketAt();
    bucket.take('a');
    bucket.take('b');
    bucket.forget('a');
    expect(bucket.size).toBe(1);
    clock.now += 50;
    bucket.sweep();
    expect(bucket.size).toBe(1);
    clock.now += 100;
    bucket.sweep();
    expect(bucket.size).toBe(0);
  });
});
