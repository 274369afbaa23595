import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { TenantRateLimiter } from './tenant-rate-limiter';
import { MemoryTokenBucket, type RateDecision } from './token-bucket';

export type { RateDecision } from './token-bucket';

/**
 * Token buckets for socket events: one per connection (in this instance's memory: a
 * connection lives on one instance) and the household's shared one. An event refused by its
 * connection's bucket costs the household nothing.
 */
@Injectable()
export class SocketRateLimiter {
  private readonly perConnection: MemoryTokenBucket | null;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly tenants: TenantRateLimiter,
  ) {
    const rate = config.rateLimits.socketPerSecond;
    this.perConnection =
      rate > 0 ? new MemoryTokenBucket({ capacity: rate, refillPerSecond: rate }) : null;
  }

  async consume(socketId: string, tenantId: string): Promise<RateDecision> {
    const connection = this.perConnection?.take(socketId);
    if (connection && !connection.allowed) return connection;
    return this.tenants.take(tenantId);
  }

  forget(socketId: string): void {
    this.perConnection?.forget(socketId);
  }
}
