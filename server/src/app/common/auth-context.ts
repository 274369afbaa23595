import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** What a verified access token says: the tenant comes from here and nowhere else. */
export interface AccessClaims {
  userId: string;
  tenantId: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /**
   * The login (refresh-token family) the token was issued to; absent in tokens issued before
   * access tokens carried it.
   */
  sessionId?: string;
}

export const IS_PUBLIC = 'finwise:public';

/** Marks a route as reachable without a bearer token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export type AuthenticatedRequest = Request & { auth?: AccessClaims };

/** The verified token's claims; the tenant comes from here and nowhere else. */
export const Auth = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AccessClaims => {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.auth) throw new Error('Auth used on a public route');
    return request.auth;
  },
);
