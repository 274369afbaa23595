import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RateLimitStore } from './rate-limit-store';
import { RedisTokenBucket } from './redis-token-bucket';
import { MemoryTokenBucket, type RateDecision } from './token-bucket';

const ALLOWED: RateDecision = { allowed: true, retryAfterMs: 0 };

/**
 * One token bucket per household for everything that costs the server work on its behalf:
 * socket events and HTTP writes draw from the same budget (TENANT_RATE_LIMIT per second, bursts
 * up to that many). With REDIS_URL the bucket is shared by every instance.
 */
@Injectable()
export class TenantRateLimiter {
  private readonly bucket: MemoryTokenBucket | RedisTokenBucket | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig, store: RateLimitStore) {
    const rate = config.rateLimits.tenantPerSecond;
    const limits = { capacity: rate, refillPerSecond: rate };
    this.bucket =
      rate <= 0
        ? null
        : store.redis
          ? new RedisTokenBucket(store.redis, limits, 'fw-tenant')
          : new MemoryTokenBucket(limits);
  }

  async take(tenantId: string): Promise<RateDecision> {
    return this.bucket ? this.bucket.take(tenantId) : ALLOWED;
  }
}
