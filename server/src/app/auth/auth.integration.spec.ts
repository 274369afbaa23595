import { JwtService } from '@nestjs/jwt';
import { SYNC_NAMESPACE } from '@finwise/sync-protocol';
import { io } from 'socket.io-client';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../../testing/test-server';

function connectError(url: string, auth: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = io(url + SYNC_NAMESPACE, {
      auth,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    socket.once('connect', () => {
      socket.disconnect();
      reject(new Error('connected although the token is bad'));
    });
    socket.once('connect_error', (error) => {
      socket.disconnect();
      resolve(error.message);
    });
  });
}

describe.each(testDatabaseKinds())('accounts and households on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('an email with an apostrophe signs up, logs in and is refused a second sign-up', async () => {
    const email = "o'brien+tag@example.com";
    const signup = await server.request('POST', '/auth/signup', {
      body: { email, password: 'long enough', tenantName: "O'Brien" },
    });
    expect(signup.status).toBe(201);
    expect(signup.body.user.email).toBe(email);
    const login = await server.request('POST', '/auth/login', {
      body: { email, password: 'long enough' },
    });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(signup.body.user.id);
    const again = await server.request('POST', '/auth/signup', {
      body: { email, password: 'long enough', tenantName: 'x' },
    });
    expect(again.status).toBe(409);
  });

  it('signs up, logs in and refreshes with rotation', async () => {
    const signup = await server.request('POST', '/auth/signup', {
      body: { email: 'Ann@Example.com', password: 'long enough', tenantName: 'Ann & Bob' },
    });
    expect(signup.status).toBe(201);
    expect(signup.body).toMatchObject({
      user: { email: 'ann@example.com' },
      tenant: { name: 'Ann & Bob', role: 'owner' },
    });
    expect(typeof signup.body.accessToken).toBe('string');

    const login = await server.request('POST', '/auth/login', {
      body: { email: 'ann@example.com', password: 'long enough' },
    });
    expect(login.status).toBe(200);
    expect(login.body.tenant.id).toBe(signup.body.tenant.id);

    const refreshed = await server.request('POST', '/auth/refresh', {
      body: { refreshToken: login.body.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).not.toBe(login.body.refreshToken);

    // The same exchange again moments later, as a device retries when the answer was lost:
    // a new pair of the same login, and the pair from the lost answer keeps working.
    const retried = await server.request('POST', '/auth/refresh', {
      body: { refreshToken: login.body.refreshToken },
    });
    expect(retried.status).toBe(200);
    expect(retried.body.refreshToken).not.toBe(refreshed.body.refreshToken);
    const lostAnswer = await server.request('POST', '/auth/refresh', {
      body: { refreshToken: refreshed.body.refreshToken },
    });
    expect(lostAnswer.status).toBe(200);
  });

  it('refuses duplicate emails, short passwords and bad credentials with clear errors', async () => {
    await server.request('POST', '/auth/signup', {
      body: { email: 'dup@example.com', password: 'long enough' },
    });
    const duplicate = await server.request('POST', '/auth/signup', {
      body: { email: 'DUP@example.com', password: 'long enough' },
    });
    expect(duplicate).toMatchObject({ status: 409, body: { statusCode: 409, error: 'Conflict' } });

    const short = await server.request('POST', '/auth/signup', {
      body: { email: 'short@example.com', password: 'short' },
    });
    expect(short.status).toBe(400);
    expect(short.body.message).toContain('password must be at least 8 characters');

    const wrongPassword = await server.request('POST', '/auth/login', {
      body: { email: 'dup@example.com', password: 'wrong password' },
    });
    const unknownEmail = await server.request('POST', '/auth/login', {
      body: { email: 'nobody@example.com', password: 'wrong password' },
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(unknownEmail.body.message).toBe(wrongPassword.body.message);
  });

  it('lets a member invite another user into the household', async () => {
    const owner = await server.signup();
    const invite = await server.request('POST', `/tenants/${owner.tenant.id}/invites`, {
      token: owner.accessToken,
    });
    expect(invite.status).toBe(201);
    expect(invite.body.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const member = await server.signup({ inviteCode: invite.body.code });
    expect(member.tenant.id).toBe(owner.tenant.id);

    // Single use.
    const again = await server.request('POST', '/auth/signup', {
      body: { email: 'late@example.com', password: 'long enough', inviteCode: invite.body.code },
    });
    expect(again.status).toBe(400);

    // An existing user joins with a second code and gets tokens for that household.
    const other = await server.signup();
    const second = await server.request('POST', `/tenants/${owner.tenant.id}/invites`, {
      token: owner.accessToken,
    });
    const joined = await server.request('POST', '/tenants/join', {
      token: other.accessToken,
      body: { code: second.body.code.toLowerCase() },
    });
    expect(joined.status).toBe(200);
    expect(joined.body.tenant.id).toBe(owner.tenant.id);

    // Nobody can invite into a household their token is not for.
    const foreign = await server.request('POST', `/tenants/${owner.tenant.id}/invites`, {
      token: other.accessToken,
    });
    expect(foreign.status).toBe(403);
  });

  it('refuses missing, forged, alg:none and expired tokens on HTTP and on the socket handshake', async () => {
    const session = await server.signup();
    const jwt = new JwtService();
    const forged = jwt.sign(
      { sub: session.user.id, tid: session.tenant.id, typ: 'access' },
      { secret: 'another-secret-of-at-least-32-chars!!', expiresIn: 60 },
    );
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({
        sub: session.user.id,
        tid: session.tenant.id,
        typ: 'access',
        exp: Math.floor(Date.now() / 1000) + 60,
      }),
    ).toString('base64url');
    const algNone = `${header}.${payload}.`;
    const expired = jwt.sign(
      {
        sub: session.user.id,
        tid: session.tenant.id,
        typ: 'access',
        exp: Math.floor(Date.now() / 1000) - 10,
      },
      { secret: TEST_JWT_SECRET },
    );

    expect((await server.request('GET', '/accounts')).status).toBe(401);
    for (const token of [forged, algNone, expired, 'garbage']) {
      const response = await server.request('GET', '/accounts', { token });
      expect(response).toMatchObject({
        status: 401,
        body: { statusCode: 401, error: 'Unauthorized' },
      });
      expect(await connectError(server.url, { token })).toBe('unauthorized');
    }
    expect(await connectError(server.url, {})).toBe('unauthorized');
    expect((await server.request('GET', '/accounts', { token: session.accessToken })).status).toBe(
      200,
    );
  });

  it('disconnects a socket when its token expires', async () => {
    const session = await server.signup();
    // A token of the server's own signing that runs out in a few seconds (the suite's other
    // tokens live the default quarter of an hour, so a slow machine never expires them).
    const shortLived = new JwtService().sign(
      {
        sub: session.user.id,
        tid: session.tenant.id,
        typ: 'access',
        exp: Math.floor(Date.now() / 1000) + 3,
      },
      { secret: TEST_JWT_SECRET },
    );
    const socket = io(server.url + SYNC_NAMESPACE, {
      auth: { token: shortLived },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const reason = await new Promise<string>((resolve) => socket.once('disconnect', resolve));
    expect(reason).toBe('io server disconnect');
  }, 15_000);

  it('reports health with the database kind', async () => {
    expect(await server.request('GET', '/health')).toEqual({
      status: 200,
      body: { status: 'ok', db: kind },
    });
  });
});

describe.each(testDatabaseKinds())('refresh token reuse on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { refreshReuseGraceSeconds: 1 });
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function loggedIn(email: string) {
    const signup = await server.request('POST', '/auth/signup', {
      body: { email, password: 'long enough' },
    });
    expect(signup.status).toBe(201);
    const refreshed = await server.request('POST', '/auth/refresh', {
      body: { refreshToken: signup.body.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    return { first: signup.body.refreshToken, newest: refreshed.body.refreshToken };
  }

  it('revokes the whole login when an exchanged token comes back after the grace', async () => {
    const tokens = await loggedIn('reuse@example.com');
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const reused = await server.request('POST', '/auth/refresh', {
      body: { refreshToken: tokens.first },
    });
    expect(reused.status).toBe(401);
    expect(reused.body.message).toBe('Refresh token was already used; please sign in again');
    const afterTheft = await server.request('POST', '/auth/refresh', {
      body: { refreshToken: tokens.newest },
    });
    expect(afterTheft.status).toBe(401);
  });

  it('answers concurrent exchanges of one token within the grace without signing out', async () => {
    const signup = await server.request('POST', '/auth/signup', {
      body: { email: 'twice@example.com', password: 'long enough' },
    });
    const answers = await Promise.all(
      [0, 1].map(() =>
        server.request('POST', '/auth/refresh', {
          body: { refreshToken: signup.body.refreshToken },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    for (const answer of answers) {
      const next = await server.request('POST', '/auth/refresh', {
        body: { refreshToken: answer.body.refreshToken },
      });
      expect(next.status).toBe(200);
    }
  });
});
