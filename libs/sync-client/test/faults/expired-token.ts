import { createHmac } from 'node:crypto';

type Claims = { user: { id: string }; tenant: { id: string } };

/**
 * An access token signed like the server signs them (HS256, the suite's shared secret),
 * expiring `expiresInSeconds` from now (negative: already expired).
 */
export function accessToken(session: Claims, secret: string, expiresInSeconds: number): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: session.user.id, tid: session.tenant.id, typ: 'access', iat: now, exp: now + expiresInSeconds })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** A correctly signed access token that expired a minute ago: the server must refuse it. */
export function expiredToken(session: Claims, secret: string): string {
  return accessToken(session, secret, -60);
}
