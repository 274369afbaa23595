import { createHash } from 'node:crypto';
import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ErrorCodes } from '@finwise/sync-protocol';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RateLimitStore } from './rate-limit-store';

const WINDOW_SECONDS = 15 * 60;

/**
 * Failed sign-ins per account, on top of the per-address limit: guessing one account's
 * password from many addresses still gets AUTH_RATE_LIMIT tries per 15 minutes. Every attempt
 * takes a point before the password is checked (so parallel guesses cannot overtake the
 * count); a successful sign-in clears the account's count. Shared through Redis when set.
 */
@Injectable()
export class LoginThrottle {
  private readonly limiter: RateLimiterAbstract | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig, store: RateLimitStore) {
    const points = config.rateLimits.authPerMinute;
    const options = { points, duration: WINDOW_SECONDS, keyPrefix: 'fw-login' };
    this.limiter =
      points <= 0
        ? null
        : store.redis
          ? new RateLimiterRedis({ ...options, storeClient: store.redis, insuranceLimiter: new RateLimiterMemory(options) })
          : new RateLimiterMemory(options);
  }

  /** Counts a sign-in attempt for `email`; 429 once the account's budget is spent. */
  async attempt(email: string): Promise<void> {
    if (!this.limiter) return;
    try {
      await this.limiter.consume(accountKey(email));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw new HttpException(
        {
          message: 'too many failed sign-ins for this account; retry later',
          details: { code: ErrorCodes.rateLimited, retryAfterMs: rejection.msBeforeNext },
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  async succeeded(email: string): Promise<void> {
    await this.limiter?.delete(accountKey(email));
  }
}

/** Emails stay out of the limiter's store (Redis): only a digest is kept. */
function accountKey(email: string): string {
  return createHash('sha256').update(email.toLowerCase()).digest('base64url');
}
