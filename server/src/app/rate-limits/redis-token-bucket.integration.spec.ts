import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisTokenBucket } from './redis-token-bucket';

const REDIS_URL = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';
const LIMITS = { capacity: 10, refillPerSecond: 10 };

describe('token buckets shared through Redis', () => {
  const connections: Redis[] = [];
  const connect = (url = REDIS_URL) => {
    const redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: false,
    });
    redis.on('error', () => undefined);
    connections.push(redis);
    return redis;
  };
  const ready = (redis: Redis) =>
    new Promise<void>((resolve, reject) =>
      redis.status === 'ready'
        ? resolve()
        : (redis.once('ready', resolve), redis.once('end', reject)),
    );

  afterAll(() => connections.forEach((c) => c.disconnect()));

  it('holds one budget across instances (two connections) and refills over time', async () => {
    const [one, two] = [connect(), connect()];
    await Promise.all([ready(one), ready(two)]);
    const a = new RedisTokenBucket(one, LIMITS, 'fw-test');
    const b = new RedisTokenBucket(two, LIMITS, 'fw-test');
    const key = randomUUID();
    const decisions = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).take(key)),
    );
    const allowed = decisions.filter((d) => d.allowed).length;
    // Ten tokens, plus at most one refilled while thirty round trips ran.
    expect(allowed).toBeGreaterThanOrEqual(10);
    expect(allowed).toBeLessThanOrEqual(11);
    const refused = decisions.find((d) => !d.allowed);
    expect(refused?.retryAfterMs).toBeGreaterThan(0);
    expect(refused?.retryAfterMs).toBeLessThanOrEqual(100);

    await new Promise((resolve) => setTimeout(resolve, 300));
    const later = await Promise.all(Array.from({ length: 10 }, () => a.take(key)));
    expect(later.filter((d) => d.allowed).length).toBeGreaterThanOrEqual(2);
    expect(later.filter((d) => d.allowed).length).toBeLessThanOrEqual(4);
    // The state expires once the bucket would be full anyway.
    const ttl = await one.pttl(`fw-test:${key}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(2_000);
  });

  it('falls back to a per-instance bucket while Redis is unreachable', async () => {
    const bucket = new RedisTokenBucket(connect('redis://127.0.0.1:1'), LIMITS, 'fw-test');
    const decisions = await Promise.all(Array.from({ length: 15 }, () => bucket.take('k')));
    expect(decisions.filter((d) => d.allowed).length).toBe(10);
  });
});
