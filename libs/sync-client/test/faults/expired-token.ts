import { createHmac } from 'node:crypto';

/** A correctly signed access token that expired a minute ago: the server must refuse it. */
export function expiredToken(session: { user: { id: string }; tenant: { id: string } }, secret: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: session.user.id, tid: session.tenant.id, typ: 'access', iat: now - 120, exp: now - 60 })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}
