import { createHash } from 'node:crypto';
import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ErrorCodes } from '@finwise/sync-protocol';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RateLimitStore } from './rate-limit-store';

const WINDOW_SECONDS = 15 * 60;
/** How many more failures an account takes from all addresses together than from one. */
const ACCOUNT_FACTOR = 10;

/**
 * Failed sign-ins per account, on top of the per-address request limit. From one address an
 * account gets AUTH_RATE_LIMIT tries per 15 minutes; from all addresses together ten times as
 * many, so guessing one password from many addresses is still bounded while a stranger who
 * knows an email cannot lock its owner out from the owner's own address with a few requests.
 * Every attempt takes its points before the password is checked (parallel guesses cannot
 * overtake the count); a successful sign-in clears both counts. Shared through Redis when set.
 */
@Injectable()
export class LoginThrottle {
  private readonly fromAddress: RateLimiterAbstract | null;
  private readonly fromAnywhere: RateLimiterAbstract | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig, store: RateLimitStore) {
    const points = config.rateLimits.authPerMinute;
    const limiter = (budget: number, keyPrefix: string): RateLimiterAbstract | null => {
      if (points <= 0) return null;
      const options = { points: budget, duration: WINDOW_SECONDS, keyPrefix };
      return store.redis
        ? new RateLimiterRedis({
            ...options,
            storeClient: store.redis,
            insuranceLimiter: new RateLimiterMemory(options),
          })
        : new RateLimiterMemory(options);
    };
    this.fromAddress = limiter(points, 'fw-login-address');
    this.fromAnywhere = limiter(points * ACCOUNT_FACTOR, 'fw-login');
  }

  /** Counts a sign-in attempt for `email` from `address`; 429 once either budget is spent. */
  async attempt(email: string, address: string): Promise<void> {
    try {
      await this.fromAddress?.consume(addressKey(email, address));
      await this.fromAnywhere?.consume(accountKey(email));
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

  async succeeded(email: string, address: string): Promise<void> {
    await this.fromAddress?.delete(addressKey(email, address));
    await this.fromAnywhere?.delete(accountKey(email));
  }
}

/** Emails stay out of the limiter's store (Redis): only a digest is kept. */
function accountKey(email: string): string {
  return createHash('sha256').update(email.toLowerCase()).digest('base64url');
}

function addressKey(email: string, address: string): string {
  return createHash('sha256').update(`${email.toLowerCase()}\u0000${address}`).digest('base64url');
}
