import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer } from '../../testing/test-server';

const OLD = 'correct horse battery';
const NEW = 'staple battery horse';

/**
 * POST /api/auth/password: the token decides whose password changes, the current password must
 * be that user's, and every other login of the user is signed out while this one stays.
 */
describe.each(testDatabaseKinds())('changing the password on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.stop();
  });

  const login = (email: string, password: string) =>
    server.request('POST', '/auth/login', { body: { email, password } });
  const refresh = (refreshToken: string) =>
    server.request('POST', '/auth/refresh', { body: { refreshToken } });
  const change = (token: string, body: unknown) =>
    server.request('POST', '/auth/password', { token, body });

  it('changes it, keeps this login and ends the logins of other devices', async () => {
    const here = await server.signup();
    const email = here.user.email;
    const otherDevice = (await login(email, OLD)).body;
    const here2 = (await refresh(here.refreshToken)).body;

    expect(await change(here2.accessToken, { currentPassword: OLD, newPassword: NEW })).toEqual({
      status: 204,
      body: undefined,
    });

    expect((await refresh(otherDevice.refreshToken)).status).toBe(401);
    // The device that changed it stays signed in: its refresh token still rotates.
    const stillHere = await refresh(here2.refreshToken);
    expect(stillHere.status).toBe(200);
    expect((await refresh(stillHere.body.refreshToken)).status).toBe(200);
    expect((await login(email, OLD)).status).toBe(401);
    expect((await login(email, NEW)).status).toBe(200);
  });

  it('ends the logins of the user in every household', async () => {
    const owner = await server.signup();
    const invite = await server.request('POST', `/tenants/${owner.tenant.id}/invites`, {
      token: owner.accessToken,
    });
    const member = await server.signup();
    const joined = await server.request('POST', '/tenants/join', {
      token: member.accessToken,
      body: { code: invite.body.code },
    });
    expect(joined.status).toBe(200);

    expect(
      (await change(member.accessToken, { currentPassword: OLD, newPassword: NEW })).status,
    ).toBe(204);

    expect((await refresh(joined.body.refreshToken)).status).toBe(401);
    expect((await refresh(member.refreshToken)).status).toBe(200);
    // Nobody else's login is touched.
    expect((await refresh(owner.refreshToken)).status).toBe(200);
  });

  it('refuses a wrong current password with 401 and changes nothing', async () => {
    const user = await server.signup();
    const otherDevice = (await login(user.user.email, OLD)).body;

    const refused = await change(user.accessToken, {
      currentPassword: 'not my password',
      newPassword: NEW,
    });

    expect(refused).toEqual({
      status: 401,
      body: {
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Your current password is not correct',
      },
    });
    expect((await login(user.user.email, OLD)).status).toBe(200);
    expect((await refresh(otherDevice.refreshToken)).status).toBe(200);
  });

  it("refuses another user's token with that user's current password: the token decides the user", async () => {
    const ann = await server.signup();
    const bob = await server.signup();

    const refused = await change(bob.accessToken, {
      currentPassword: OLD.replace('correct', 'wrong'),
      newPassword: NEW,
    });
    expect(refused.status).toBe(401);
    // Bob's token with Ann's password (here both start with the same one, so give Ann another).
    expect(
      (await change(ann.accessToken, { currentPassword: OLD, newPassword: 'anns own secret' }))
        .status,
    ).toBe(204);
    expect(
      (await change(bob.accessToken, { currentPassword: 'anns own secret', newPassword: NEW }))
        .status,
    ).toBe(401);
    expect((await login(ann.user.email, 'anns own secret')).status).toBe(200);
    expect((await login(bob.user.email, OLD)).status).toBe(200);
  });

  it('refuses a missing or forged token with 401', async () => {
    const body = { currentPassword: OLD, newPassword: NEW };
    expect((await server.request('POST', '/auth/password', { body })).status).toBe(401);
    const forged = `${'eyJhbGciOiJIUzI1NiJ9'}.${Buffer.from('{"sub":"x","tid":"y","typ":"access"}').toString('base64url')}.c2lnbmF0dXJl`;
    expect((await change(forged, body)).status).toBe(401);
  });

  it('refuses a weak new password with 400 validation and changes nothing', async () => {
    const user = await server.signup();

    const refused = await change(user.accessToken, { currentPassword: OLD, newPassword: 'short' });

    expect(refused).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'newPassword must be at least 8 characters',
        details: {
          code: 'validation',
          issues: [{ path: 'newPassword', message: 'must be at least 8 characters' }],
        },
      },
    });
    expect((await change(user.accessToken, { newPassword: NEW })).body.details.code).toBe(
      'validation',
    );
    expect((await login(user.user.email, OLD)).status).toBe(200);
  });
});
