import { randomBytes } from 'node:crypto';

export interface Session {
  accessToken: string;
  tenantId: string;
}

/** A new user with a new household (`POST /api/auth/signup`). */
export async function signup(serverUrl: string, label: string): Promise<Session> {
  const email = `bench-${label}-${randomBytes(4).toString('hex')}@example.com`;
  const response = await fetch(`${serverUrl}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'benchmark password', tenantName: `bench ${label}` }),
  });
  const body = (await response.json()) as { accessToken?: string; tenant?: { id: string } };
  if (response.status !== 201 || !body.accessToken || !body.tenant) {
    throw new Error(`signup failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return { accessToken: body.accessToken, tenantId: body.tenant.id };
}
