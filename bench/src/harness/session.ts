import { randomBytes } from 'node:crypto';

export interface Session {
  accessToken: string;
  tenantId: string;
  /** The user's sign-in, for scenarios that sign in through the app's form. */
  email: string;
  password: string;
}

const PASSWORD = 'benchmark password';

/** A new user with a new household (`POST /api/auth/signup`). */
export async function signup(serverUrl: string, label: string): Promise<Session> {
  const email = `bench-${label}-${randomBytes(4).toString('hex')}@example.com`;
  const response = await fetch(`${serverUrl}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, tenantName: `bench ${label}` }),
  });
  const body = (await response.json()) as { accessToken?: string; tenant?: { id: string } };
  if (response.status !== 201 || !body.accessToken || !body.tenant) {
    throw new Error(`signup failed: ${response.status} ${JSON.stringify(body)}`);
  }
  return { accessToken: body.accessToken, tenantId: body.tenant.id, email, password: PASSWORD };
}

/** A fresh access token for the same user (`POST /api/auth/login`): tokens expire after 15 min. */
export async function signin(serverUrl: string, session: Session): Promise<Session> {
  const response = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: session.email, password: session.password }),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (!response.ok || !body.accessToken)
    throw new Error(`login failed: ${response.status} ${JSON.stringify(body)}`);
  return { ...session, accessToken: body.accessToken };
}
