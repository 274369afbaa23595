import {
  HttpException,
  HttpStatus,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { ErrorCodes } from '@finwise/sync-protocol';
import type { Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../common/auth-context';
import { TenantRateLimiter } from './tenant-rate-limiter';

const READS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * HTTP writes of a household (`POST /api/sync/push`, REST writes, invites) and the HTTP twins
 * of the socket calls (`/api/sync/*`, pulls included) draw from the same per-household bucket
 * as its socket events, so switching transport does not multiply the budget. Runs after the
 * guards: the household comes from the verified token.
 */
@Injectable()
export class TenantWriteLimitInterceptor implements NestInterceptor {
  constructor(private readonly tenants: TenantRateLimiter) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const read = READS.has(request.method);
    if (!request.auth || (read && !request.path.startsWith('/api/sync/'))) return next.handle();
    const decision = await this.tenants.take(request.auth.tenantId);
    if (!decision.allowed) {
      throw new HttpException(
        {
          message: `too many ${read ? 'sync requests' : 'writes'} for this household; retry later`,
          details: { code: ErrorCodes.rateLimited, retryAfterMs: decision.retryAfterMs },
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    return next.handle();
  }
}
