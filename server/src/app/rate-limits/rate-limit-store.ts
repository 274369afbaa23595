import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * The Redis connection limits share across instances (REDIS_URL), or null on a single
 * instance. Commands fail fast while Redis is away, and each limiter then falls back to
 * per-instance memory.
 */
@Injectable()
export class RateLimitStore implements OnApplicationShutdown {
  readonly redis: Redis | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { tenantPerSecond, authPerMinute } = config.rateLimits;
    const needed = tenantPerSecond > 0 || authPerMinute > 0;
    this.redis =
      config.redisUrl && needed
        ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
        : null;
    // Errors surface as failed commands (handled by the fallbacks); the event itself is noise.
    this.redis?.on('error', () => undefined);
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}
