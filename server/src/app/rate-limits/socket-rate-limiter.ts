import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

export interface RateDecision {
  allowed: boolean;
  retryAfterMs: number;
}

/**
 * Token buckets for socket events: one per connection and one per household. The household
 * bucket lives in Redis when several instances share REDIS_URL, so the limit holds across them.
 */
@Injectable()
export class SocketRateLimiter implements OnApplicationShutdown {
  private readonly perConnection: RateLimiterAbstract | null;
  private readonly perTenant: RateLimiterAbstract | null;
  private readonly redis: Redis | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { socketPerSecond, tenantPerSecond } = config.rateLimits;
    this.perConnection = socketPerSecond > 0 ? new RateLimiterMemory({ points: socketPerSecond, duration: 1, keyPrefix: 'fw-socket' }) : null;
    this.redis = config.redisUrl && tenantPerSecond > 0 ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : null;
    this.redis?.on('error', () => undefined);
    this.perTenant =
      tenantPerSecond <= 0
        ? null
        : this.redis
          ? new RateLimiterRedis({
              storeClient: this.redis,
              points: tenantPerSecond,
              duration: 1,
              keyPrefix: 'fw-tenant',
              // Redis trouble must not stop sync: fall back to a per-instance bucket.
              insuranceLimiter: new RateLimiterMemory({ points: tenantPerSecond, duration: 1 }),
            })
          : new RateLimiterMemory({ points: tenantPerSecond, duration: 1, keyPrefix: 'fw-tenant' });
  }

  async consume(socketId: string, tenantId: string): Promise<RateDecision> {
    try {
      if (this.perConnection) await this.perConnection.consume(socketId);
      if (this.perTenant) await this.perTenant.consume(tenantId);
      return { allowed: true, retryAfterMs: 0 };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterMs: rejection.msBeforeNext };
      throw rejection;
    }
  }

  forget(socketId: string): void {
    void this.perConnection?.delete(socketId);
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}
