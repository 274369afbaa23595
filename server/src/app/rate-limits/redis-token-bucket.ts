import type { Redis } from 'ioredis';
import { MemoryTokenBucket, type BucketLimits, type RateDecision } from './token-bucket';

/**
 * Refill and take in one atomic step on the Redis server, timed by the Redis clock so that
 * instances with drifting clocks still share one bucket. State: a hash {tokens, at(ms)} that
 * expires once it would be full again anyway.
 */
const TAKE_SCRIPT = `
if redis.replicate_commands then redis.replicate_commands() end
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = capacity
else
  tokens = math.min(capacity, tokens + math.max(0, now - at) * rate / 1000)
end
local allowed = 0
local retry = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
else
  retry = math.max(1, math.ceil((cost - tokens) * 1000 / rate))
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
return { allowed, retry }
`;

type TakeCommand = (
  key: string,
  capacity: number,
  rate: number,
  cost: number,
) => Promise<[number, number]>;

/**
 * Token buckets shared by every instance through Redis. When Redis is unreachable the
 * instance falls back to its own in-memory buckets: trouble with Redis must not stop sync.
 */
export class RedisTokenBucket {
  private readonly fallback: MemoryTokenBucket;
  private readonly takeCommand: TakeCommand;

  constructor(
    redis: Redis,
    private readonly limits: BucketLimits,
    private readonly keyPrefix: string,
  ) {
    redis.defineCommand('finwiseTakeToken', { numberOfKeys: 1, lua: TAKE_SCRIPT });
    const command = (redis as unknown as Record<'finwiseTakeToken', TakeCommand>).finwiseTakeToken;
    this.takeCommand = command.bind(redis);
    this.fallback = new MemoryTokenBucket(limits);
  }

  async take(key: string, cost = 1): Promise<RateDecision> {
    try {
      const [allowed, retryAfterMs] = await this.takeCommand(
        `${this.keyPrefix}:${key}`,
        this.limits.capacity,
        this.limits.refillPerSecond,
        cost,
      );
      return { allowed: allowed === 1, retryAfterMs };
    } catch {
      return this.fallback.take(key, cost);
    }
  }
}
