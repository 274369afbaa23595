export interface RateDecision {
  allowed: boolean;
  /** When refused: how long until one token is back. */
  retryAfterMs: number;
}

export interface BucketLimits {
  /** Most tokens a bucket holds: the largest burst. */
  capacity: number;
  /** Tokens added per second: the sustained rate. */
  refillPerSecond: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets are swept of idle entries once per this many takes, so memory follows active keys. */
const SWEEP_EVERY = 1024;

/**
 * Token buckets in process memory, one per key. A bucket refills continuously, so over any
 * interval of t seconds at most `capacity + refillPerSecond·t` requests pass — unlike a fixed
 * window, which lets twice the limit through around a window boundary.
 */
export class MemoryTokenBucket {
  private readonly buckets = new Map<string, Bucket>();
  private takes = 0;

  constructor(
    private readonly limits: BucketLimits,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(limits.capacity > 0) || !(limits.refillPerSecond > 0))
      throw new Error('a token bucket needs a positive capacity and rate');
  }

  take(key: string, cost = 1): RateDecision {
    if (++this.takes % SWEEP_EVERY === 0) this.sweep();
    const now = this.now();
    const tokens = this.tokensAt(this.buckets.get(key), now);
    if (tokens >= cost) {
      this.buckets.set(key, { tokens: tokens - cost, at: now });
      return { allowed: true, retryAfterMs: 0 };
    }
    this.buckets.set(key, { tokens, at: now });
    return {
      allowed: false,
      retryAfterMs: Math.max(1, Math.ceil(((cost - tokens) * 1000) / this.limits.refillPerSecond)),
    };
  }

  forget(key: string): void {
    this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }

  /** A bucket that has refilled completely behaves exactly like a missing one: drop it. */
  sweep(): void {
    const now = this.now();
    for (const [key, bucket] of this.buckets) {
      if (this.tokensAt(bucket, now) >= this.limits.capacity) this.buckets.delete(key);
    }
  }

  private tokensAt(bucket: Bucket | undefined, now: number): number {
    if (!bucket) return this.limits.capacity;
    const refilled =
      bucket.tokens + (Math.max(0, now - bucket.at) * this.limits.refillPerSecond) / 1000;
    return Math.min(this.limits.capacity, refilled);
  }
}
