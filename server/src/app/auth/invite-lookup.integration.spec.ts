import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer } from '../../testing/test-server';

/**
 * GET /api/invites/:code tells the sign-up and join pages which household a code joins, without
 * a session and without redeeming the code.
 */
describe.each(testDatabaseKinds())('looking up an invite code on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function namedHouseholdWithCode(name: string) {
    const owner = await server.request('POST', '/auth/signup', {
      body: {
        email: `owner-${Date.now()}-${Math.random()}@example.com`,
        password: 'long enough',
        tenantName: name,
      },
    });
    expect(owner.status).toBe(201);
    const invite = await server.request('POST', `/tenants/${owner.body.tenant.id}/invites`, {
      token: owner.body.accessToken,
    });
    expect(invite.status).toBe(201);
    return { owner: owner.body, code: invite.body.code as string };
  }

  it("answers the household's name without a token, for the code in any case, and keeps the code usable", async () => {
    const { owner, code } = await namedHouseholdWithCode('The Lovelaces');

    expect(await server.request('GET', `/invites/${code}`)).toEqual({
      status: 200,
      body: { tenantName: 'The Lovelaces' },
    });
    expect(
      await server.request('GET', `/invites/${encodeURIComponent(` ${code.toLowerCase()} `)}`),
    ).toEqual({
      status: 200,
      body: { tenantName: 'The Lovelaces' },
    });

    const joined = await server.request('POST', '/auth/signup', {
      body: {
        email: `joiner-${Date.now()}@example.com`,
        password: 'long enough',
        inviteCode: code,
      },
    });
    expect(joined.status).toBe(201);
    expect(joined.body.tenant).toMatchObject({ id: owner.tenant.id, name: 'The Lovelaces' });
  });

  it('answers 404 for an unknown, a used and an expired code, with the error body', async () => {
    const unknown = await server.request('GET', '/invites/ZZZZ-ZZZZ-ZZZZ');
    expect(unknown).toEqual({
      status: 404,
      body: {
        statusCode: 404,
        error: 'Not Found',
        message: 'This invite code is invalid, expired or already used',
      },
    });

    const { code } = await namedHouseholdWithCode('Used once');
    await server.signup({ inviteCode: code });
    expect((await server.request('GET', `/invites/${code}`)).status).toBe(404);

    const expiring = await namedHouseholdWithCode('Expired');
    await server.app
      .get((await import('../database/database.service')).DatabaseService)
      .inScope({ tenantId: expiring.owner.tenant.id }, (manager) =>
        manager.query(
          `UPDATE invites SET expires_at = now() - interval '1 minute' WHERE tenant_id = $1`,
          [expiring.owner.tenant.id],
        ),
      );
    expect((await server.request('GET', `/invites/${expiring.code}`)).status).toBe(404);
    // Longer than any code the schema accepts: the same 404, no lookup.
    expect((await server.request('GET', `/invites/${'A'.repeat(65)}`)).status).toBe(404);
  });
});

describe('looking up invite codes is rate-limited like sign-in', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(testDatabaseKinds()[0], {
      rateLimits: { httpPerMinute: 0, authPerMinute: 3, socketPerSecond: 0, tenantPerSecond: 0 },
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('refuses guesses beyond the per-address auth budget with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await server.request('GET', `/invites/GUES-SING-000${i}`)).status);
    expect(statuses).toEqual([404, 404, 404, 429, 429]);
  });
});
