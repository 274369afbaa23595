import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer } from '../../testing/test-server';

/**
 * The contract's "signup with a code joins that tenant": the invite code is accepted under
 * `code` (the name /tenants/join uses) as well as `inviteCode`; a member of several households
 * lists them with /auth/me and signs in to any of them by tenantId.
 */
describe.each(testDatabaseKinds())('signing up with an invite code on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function inviteCode(owner: {
    tenant: { id: string };
    accessToken: string;
  }): Promise<string> {
    const invite = await server.request('POST', `/tenants/${owner.tenant.id}/invites`, {
      token: owner.accessToken,
    });
    expect(invite.status).toBe(201);
    return invite.body.code;
  }

  it('joins the household of `code` as a member', async () => {
    const owner = await server.signup();
    const code = await inviteCode(owner);

    const joined = await server.request('POST', '/auth/signup', {
      body: { email: 'code-joiner@example.com', password: 'long enough', code },
    });

    expect(joined.status).toBe(201);
    expect(joined.body.tenant).toMatchObject({ id: owner.tenant.id, role: 'member' });
    const reused = await server.request('POST', '/auth/signup', {
      body: { email: 'too-late@example.com', password: 'long enough', code },
    });
    expect(reused.status).toBe(400);
  });

  it('refuses two different codes under both names', async () => {
    const owner = await server.signup();
    const code = await inviteCode(owner);
    const response = await server.request('POST', '/auth/signup', {
      body: {
        email: 'two-codes@example.com',
        password: 'long enough',
        code,
        inviteCode: 'AAAA-BBBB-CCCC',
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('code must be the same as inviteCode');
  });

  it('lists every household of a user and signs in to the one asked for', async () => {
    const owner = await server.signup();
    const code = await inviteCode(owner);
    const member = await server.request('POST', '/auth/signup', {
      body: { email: 'two-homes@example.com', password: 'long enough', tenantName: 'Own home' },
    });
    const joined = await server.request('POST', '/tenants/join', {
      token: member.body.accessToken,
      body: { code },
    });
    expect(joined.status).toBe(200);

    const me = await server.request('GET', '/auth/me', { token: joined.body.accessToken });
    expect(me.body.tenants.map((tenant: { id: string }) => tenant.id)).toEqual([
      member.body.tenant.id,
      owner.tenant.id,
    ]);

    const login = await server.request('POST', '/auth/login', {
      body: { email: 'two-homes@example.com', password: 'long enough', tenantId: owner.tenant.id },
    });
    expect(login.status).toBe(200);
    expect(login.body.tenant).toMatchObject({ id: owner.tenant.id, role: 'member' });
  });
});
