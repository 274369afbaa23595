import { randomUUID } from 'node:crypto';
import { DatabaseService } from '../database/database.service';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer, type TestSession } from '../../testing/test-server';

/**
 * The statuses docs/api.md documents for sign-in, households and rate limits that no suite
 * beside that code produces: each is provoked through the HTTP API and its body checked.
 */
describe.each(testDatabaseKinds())('documented auth and household errors on %s', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Changes stored account data directly, as time passing or an administrator would. */
  async function asHousehold(
    session: TestSession,
    sql: string,
    parameters: unknown[],
  ): Promise<void> {
    await server.app
      .get(DatabaseService)
      .inTenantTransaction(session.tenant.id, (manager) => manager.query(sql, parameters));
  }

  const refresh = (refreshToken: string) =>
    server.request('POST', '/auth/refresh', { body: { refreshToken } });

  it('401: refresh with an unknown and with an expired refresh token', async () => {
    expect(await refresh('never-issued-by-this-server')).toMatchObject({
      status: 401,
      body: { statusCode: 401, error: 'Unauthorized' },
    });
    const session = await server.signup();
    await asHousehold(
      session,
      "UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1",
      [session.user.id],
    );
    expect(await refresh(session.refreshToken)).toMatchObject({
      status: 401,
      body: { statusCode: 401, error: 'Unauthorized', message: 'Refresh token expired' },
    });
  });

  it('403: refresh for a household the user is no longer a member of', async () => {
    const session = await server.signup();
    await asHousehold(session, 'DELETE FROM memberships WHERE user_id = $1', [session.user.id]);
    expect(await refresh(session.refreshToken)).toMatchObject({
      status: 403,
      body: { statusCode: 403, error: 'Forbidden' },
    });
    // The refusal leaves no usable refresh token behind: the whole login is over.
    const live = await server.app
      .get(DatabaseService)
      .inTenantTransaction(session.tenant.id, (manager) =>
        manager.query(
          'SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL',
          [session.user.id],
        ),
      );
    expect(live).toEqual([{ n: 0 }]);
  });

  it('204: logout revokes the refresh token, which then answers 401', async () => {
    const session = await server.signup();
    const response = await server.request('POST', '/auth/logout', {
      body: { refreshToken: session.refreshToken },
    });
    expect(response).toEqual({ status: 204, body: undefined });
    expect((await refresh(session.refreshToken)).status).toBe(401);
  });

  it('400: join with a code that was never issued', async () => {
    const session = await server.signup();
    const response = await server.request('POST', '/tenants/join', {
      token: session.accessToken,
      body: { code: 'ABCD-EFGH-JKLM' },
    });
    expect(response).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'This invite code is invalid, expired or already used',
      },
    });
  });

  it('400: an invite for a household id that is not a UUID', async () => {
    const session = await server.signup();
    const response = await server.request('POST', '/tenants/not-a-uuid/invites', {
      token: session.accessToken,
    });
    expect(response).toMatchObject({
      status: 400,
      body: { statusCode: 400, error: 'Bad Request', message: 'id must be a UUID' },
    });
    // A well-formed id of another household is a 403, not a 400.
    expect(
      (
        await server.request('POST', `/tenants/${randomUUID()}/invites`, {
          token: session.accessToken,
        })
      ).status,
    ).toBe(403);
  });
});

describe('HTTP_RATE_LIMIT on ordinary routes', () => {
  let server: TestServer;
  const LIMIT = 5;

  beforeAll(async () => {
    server = await startTestServer(testDatabaseKinds()[0], {
      rateLimits: {
        httpPerMinute: LIMIT,
        authPerMinute: 0,
        socketPerSecond: 0,
        tenantPerSecond: 0,
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('429: one address gets its budget per minute, then Too Many Requests; other addresses are unaffected', async () => {
    const session = await server.signup();
    // The proxy header is trusted from loopback, so each test address has its own budget.
    const from = (address: string) =>
      server.request('GET', '/accounts', {
        token: session.accessToken,
        headers: { 'x-forwarded-for': address },
      });
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) statuses.push((await from('10.20.30.40')).status);
    expect(statuses).toEqual([...Array(LIMIT).fill(200), 429, 429]);
    expect(await from('10.20.30.40')).toMatchObject({
      status: 429,
      body: { statusCode: 429, error: 'Too Many Requests', message: expect.any(String) },
    });
    expect((await from('10.20.30.41')).status).toBe(200);
  });
});
