import { Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, Reflector } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AUTH_RATE_LIMITED } from './auth-rate-limited.decorator';
import { HttpThrottlerGuard } from './http-throttler.guard';
import { LoginThrottle } from './login-throttle';
import { RateLimitStore } from './rate-limit-store';
import { SocketRateLimiter } from './socket-rate-limiter';
import { TenantRateLimiter } from './tenant-rate-limiter';
import { TenantWriteLimitInterceptor } from './tenant-write-limit.interceptor';

const MINUTE_MS = 60_000;

@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, Reflector],
      useFactory: (config: AppConfig, reflector: Reflector) => ({
        errorMessage: 'too many requests; slow down and retry later',
        throttlers: [
          {
            name: 'default',
            ttl: MINUTE_MS,
            limit: config.rateLimits.httpPerMinute,
            skipIf: () => config.rateLimits.httpPerMinute === 0,
          },
          {
            name: 'auth',
            ttl: MINUTE_MS,
            limit: config.rateLimits.authPerMinute,
            skipIf: (context) =>
              config.rateLimits.authPerMinute === 0 ||
              !reflector.get<boolean>(AUTH_RATE_LIMITED, context.getHandler()),
          },
        ],
      }),
    }),
  ],
  providers: [
    { provide: APP_GUARD, useClass: HttpThrottlerGuard },
    { provide: APP_INTERCEPTOR, useClass: TenantWriteLimitInterceptor },
    RateLimitStore,
    TenantRateLimiter,
    SocketRateLimiter,
    LoginThrottle,
  ],
  exports: [SocketRateLimiter, TenantRateLimiter, LoginThrottle],
})
export class RateLimitsModule {}
