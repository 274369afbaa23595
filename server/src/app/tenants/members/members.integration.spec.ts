import { SYNC_NAMESPACE } from '@finwise/sync-protocol';
import { io, type Socket } from 'socket.io-client';
import { Logger } from '@nestjs/common';
import { MembershipGate } from '../../auth/membership-gate';
import { testDatabaseKinds } from '../../../testing/test-database';
import { startTestServer, type TestServer, type TestSession } from '../../../testing/test-server';

/** Opens a sync socket; resolves once connected, rejects with the connect_error message. */
function openSocket(url: string, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url + SYNC_NAMESPACE, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.disconnect();
      reject(error);
    });
  });
}

async function handshakeError(url: string, token: string): Promise<string> {
  try {
    const socket = await openSocket(url, token);
    socket.disconnect();
    return 'connected';
  } catch (error) {
    return (error as Error).message;
  }
}

const disconnected = (socket: Socket) =>
  new Promise<string>((resolve) => socket.once('disconnect', resolve));

describe.each(testDatabaseKinds())('household members on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** An owner's household with `count` invited members (each a fresh user). */
  async function household(count: number): Promise<{ owner: TestSession; members: TestSession[] }> {
    const owner = await server.signup();
    const members: TestSession[] = [];
    for (let i = 0; i < count; i += 1) {
      const invite = await server.request('POST', `/tenants/${owner.tenant.id}/invites`, {
        token: owner.accessToken,
      });
      members.push(await server.signup({ inviteCode: invite.body.code }));
    }
    return { owner, members };
  }

  const list = (session: TestSession, tenantId = session.tenant.id) =>
    server.request('GET', `/tenants/${tenantId}/members`, { token: session.accessToken });
  const remove = (session: TestSession, userId: string, tenantId = session.tenant.id) =>
    server.request('DELETE', `/tenants/${tenantId}/members/${userId}`, {
      token: session.accessToken,
    });
  const memberIds = async (session: TestSession) =>
    ((await list(session)).body.items as { userId: string }[]).map((m) => m.userId);

  const setRole = (
    session: TestSession,
    userId: string,
    role: unknown,
    tenantId = session.tenant.id,
  ) =>
    server.request('PATCH', `/tenants/${tenantId}/members/${userId}`, {
      token: session.accessToken,
      body: { role },
    });
  const roles = async (session: TestSession) =>
    Object.fromEntries(
      ((await list(session)).body.items as { userId: string; role: string }[]).map((m) => [
        m.userId,
        m.role,
      ]),
    );

  it('lists every member with email, role and join time, owners first, to every member', async () => {
    const { owner, members } = await household(2);
    const response = await list(members[1]);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      items: [
        {
          userId: owner.user.id,
          email: owner.user.email,
          role: 'owner',
          joinedAt: expect.any(String),
        },
        ...members.map((m) => ({
          userId: m.user.id,
          email: m.user.email,
          role: 'member',
          joinedAt: expect.any(String),
        })),
      ],
    });
    const joined = (response.body.items as { joinedAt: string }[]).map((m) =>
      Date.parse(m.joinedAt),
    );
    expect(joined.every((time) => Number.isFinite(time))).toBe(true);
    expect([...joined].sort((a, b) => a - b)).toEqual(joined);
    // The id is a UUID in any case.
    expect((await list(owner, owner.tenant.id.toUpperCase())).body).toEqual(response.body);
  });

  it('refuses bad ids (400), no token (401) and another household (403)', async () => {
    const { owner } = await household(0);
    const stranger = await household(1);
    expect((await list(owner, 'not-a-uuid')).status).toBe(400);
    expect((await server.request('GET', `/tenants/${owner.tenant.id}/members`)).status).toBe(401);
    const foreign = await list(owner, stranger.owner.tenant.id);
    expect(foreign).toMatchObject({ status: 403, body: { statusCode: 403, error: 'Forbidden' } });
    expect(JSON.stringify(foreign.body)).not.toContain(stranger.members[0].user.email);
    expect((await remove(owner, 'nope')).status).toBe(400);
    expect((await remove(owner, owner.user.id, 'nope')).status).toBe(400);
  });

  it('removes a member at once: socket closed, REST and handshake 403 with a valid token, refresh 401', async () => {
    const { owner, members } = await household(2);
    const [removed, staying] = members;
    // Warm every check the server might cache with the member's token.
    expect((await list(removed)).status).toBe(200);
    const socket = await openSocket(server.url, removed.accessToken);
    const stayingSocket = await openSocket(server.url, staying.accessToken);
    const ownerSocket = await openSocket(server.url, owner.accessToken);
    const closed = disconnected(socket);
    let stayingClosed = false;
    stayingSocket.on('disconnect', () => (stayingClosed = true));
    ownerSocket.on('disconnect', () => (stayingClosed = true));

    const response = await remove(owner, removed.user.id);
    expect(response).toEqual({ status: 204, body: undefined });
    expect(await closed).toBe('io server disconnect');

    const rest = await server.request('GET', '/accounts', { token: removed.accessToken });
    expect(rest).toEqual({
      status: 403,
      body: {
        statusCode: 403,
        error: 'Forbidden',
        message: 'You are not a member of this household',
        details: { code: 'forbidden' },
      },
    });
    expect((await list(removed)).status).toBe(403);
    expect((await server.request('GET', '/auth/me', { token: removed.accessToken })).status).toBe(
      403,
    );
    expect(await handshakeError(server.url, removed.accessToken)).toBe('forbidden');
    const refresh = await server.request('POST', '/auth/refresh', {
      body: { refreshToken: removed.refreshToken },
    });
    expect(refresh).toMatchObject({
      status: 401,
      body: {
        message: 'You are no longer a member of this household',
        details: { code: 'forbidden' },
      },
    });

    // Everyone else carries on.
    expect(await memberIds(owner)).toEqual([owner.user.id, staying.user.id]);
    expect((await server.request('GET', '/accounts', { token: staying.accessToken })).status).toBe(
      200,
    );
    const stayingRefresh = await server.request('POST', '/auth/refresh', {
      body: { refreshToken: staying.refreshToken },
    });
    expect(stayingRefresh.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stayingClosed).toBe(false);
    expect(stayingSocket.connected && ownerSocket.connected).toBe(true);
    stayingSocket.disconnect();
    ownerSocket.disconnect();
  });

  it('revokes every refresh token of the member for that household, from every login', async () => {
    const { owner, members } = await household(1);
    const [member] = members;
    const second = await server.request('POST', '/auth/login', {
      body: { email: member.user.email, password: 'correct horse battery' },
    });
    expect(second.status).toBe(200);
    expect((await remove(owner, member.user.id)).status).toBe(204);
    for (const refreshToken of [member.refreshToken, second.body.refreshToken]) {
      const refresh = await server.request('POST', '/auth/refresh', { body: { refreshToken } });
      expect(refresh.status).toBe(401);
    }
    expect(
      (await server.request('GET', '/accounts', { token: second.body.accessToken })).status,
    ).toBe(403);
  });

  it('lets a member leave, and only an owner remove others', async () => {
    const { owner, members } = await household(2);
    const [leaver, other] = members;
    const before = await memberIds(owner);

    // A member can remove neither another member nor the owner.
    for (const target of [other.user.id, owner.user.id]) {
      const refused = await remove(leaver, target);
      expect(refused).toMatchObject({ status: 403, body: { statusCode: 403, error: 'Forbidden' } });
    }
    expect(await memberIds(owner)).toEqual(before);

    const socket = await openSocket(server.url, leaver.accessToken);
    const closed = disconnected(socket);
    expect((await remove(leaver, leaver.user.id.toUpperCase())).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    expect(await memberIds(owner)).toEqual([owner.user.id, other.user.id]);
    expect((await server.request('GET', '/accounts', { token: leaver.accessToken })).status).toBe(
      403,
    );
    expect(await handshakeError(server.url, leaver.accessToken)).toBe('forbidden');
  });

  it('keeps the last owner (409) and lets an owner go while another owner stays', async () => {
    const { owner, members } = await household(1);
    const [member] = members;
    const refused = await remove(owner, owner.user.id);
    expect(refused).toMatchObject({ status: 409, body: { statusCode: 409, error: 'Conflict' } });
    expect(await memberIds(owner)).toEqual([owner.user.id, member.user.id]);
    expect((await server.request('GET', '/accounts', { token: owner.accessToken })).status).toBe(
      200,
    );

    expect((await setRole(owner, member.user.id, 'owner')).status).toBe(200);
    // Owners may remove owners, as long as one is left.
    expect((await remove(member, owner.user.id)).status).toBe(204);
    expect((await list(member)).body.items).toEqual([
      expect.objectContaining({ userId: member.user.id, role: 'owner' }),
    ]);
    expect((await remove(member, member.user.id)).status).toBe(409);
  });

  it('answers 404 for users who are not members, and changes nothing in other households', async () => {
    const { owner, members } = await household(1);
    const other = await household(1);
    const before = await memberIds(other.owner);

    for (const userId of [other.members[0].user.id, other.owner.user.id, crypto.randomUUID()]) {
      const response = await remove(owner, userId);
      expect(response).toMatchObject({
        status: 404,
        body: { statusCode: 404, error: 'Not Found' },
      });
    }
    // The other household's path with this household's token: refused whole.
    for (const userId of [other.members[0].user.id, other.owner.user.id]) {
      const response = await remove(owner, userId, other.owner.tenant.id);
      expect(response.status).toBe(403);
    }
    expect(await memberIds(other.owner)).toEqual(before);
    expect(await memberIds(owner)).toEqual([owner.user.id, members[0].user.id]);
    for (const session of [other.owner, ...other.members]) {
      expect(
        (await server.request('GET', '/accounts', { token: session.accessToken })).status,
      ).toBe(200);
    }
  });

  it('takes a removed member back with a new invite; their own household was never touched', async () => {
    const { owner } = await household(0);
    const own = await server.signup();
    const join = async () => {
      const invite = await server.request('POST', `/tenants/${owner.tenant.id}/invites`, {
        token: owner.accessToken,
      });
      const joined = await server.request('POST', '/tenants/join', {
        token: own.accessToken,
        body: { code: invite.body.code },
      });
      expect(joined.status).toBe(200);
      return joined.body as TestSession;
    };
    const first = await join();
    expect((await list(first)).status).toBe(200);
    expect((await remove(owner, own.user.id)).status).toBe(204);
    expect((await list(first)).status).toBe(403);
    // Their own household: tokens, refresh and sign-in as before.
    expect((await server.request('GET', '/accounts', { token: own.accessToken })).status).toBe(200);
    const login = await server.request('POST', '/auth/login', {
      body: { email: own.user.email, password: 'correct horse battery' },
    });
    expect(login).toMatchObject({ status: 200, body: { tenant: { id: own.tenant.id } } });

    const second = await join();
    expect((await list(second)).status).toBe(200);
    const socket = await openSocket(server.url, second.accessToken);
    socket.disconnect();
    expect(await memberIds(owner)).toEqual([owner.user.id, own.user.id]);
  });

  it('lets owners change roles, never leaving the household without an owner', async () => {
    const { owner, members } = await household(2);
    const [first, second] = members;

    // A member cannot promote anyone, themselves included.
    for (const target of [first.user.id, second.user.id]) {
      expect((await setRole(first, target, 'owner')).status).toBe(403);
    }
    // Bad roles and ids are refused before anything changes.
    for (const role of ['admin', 'OWNER', null, undefined]) {
      expect((await setRole(owner, first.user.id, role)).status).toBe(400);
    }
    expect(
      (
        await server.request('PATCH', `/tenants/${owner.tenant.id}/members/not-a-uuid`, {
          token: owner.accessToken,
          body: { role: 'owner' },
        })
      ).status,
    ).toBe(400);
    expect((await setRole(owner, crypto.randomUUID(), 'owner')).status).toBe(404);
    // The last owner stays an owner.
    expect(await setRole(owner, owner.user.id, 'member')).toMatchObject({
      status: 409,
      body: { statusCode: 409 },
    });
    expect(await roles(owner)).toEqual({
      [owner.user.id]: 'owner',
      [first.user.id]: 'member',
      [second.user.id]: 'member',
    });

    const promoted = await setRole(owner, first.user.id, 'owner');
    expect(promoted).toMatchObject({
      status: 200,
      body: { userId: first.user.id, email: first.user.email, role: 'owner' },
    });
    // The new owner acts as one at once (invites are checked against the stored role).
    const invite = await server.request('POST', `/tenants/${owner.tenant.id}/invites`, {
      token: first.accessToken,
    });
    expect(invite.status).toBe(201);
    // With another owner, the first one may step down and then leave.
    expect((await setRole(owner, owner.user.id, 'member')).body).toMatchObject({ role: 'member' });
    expect((await setRole(owner, second.user.id, 'owner')).status).toBe(403);
    expect((await remove(owner, owner.user.id)).status).toBe(204);
    expect(await roles(first)).toEqual({
      [first.user.id]: 'owner',
      [second.user.id]: 'member',
    });

    // Another household's members cannot be touched with this token.
    const other = await household(1);
    expect(
      (await setRole(first, other.members[0].user.id, 'owner', other.owner.tenant.id)).status,
    ).toBe(403);
    expect(await roles(other.owner)).toEqual({
      [other.owner.user.id]: 'owner',
      [other.members[0].user.id]: 'member',
    });
  });

  it('gives a user removed from their only household a new one of their own at sign-in', async () => {
    const { owner } = await household(0);
    const invite = await server.request('POST', `/tenants/${owner.tenant.id}/invites`, {
      token: owner.accessToken,
    });
    const joined = await server.signup({ inviteCode: invite.body.code });
    expect((await remove(owner, joined.user.id)).status).toBe(204);

    const login = await server.request('POST', '/auth/login', {
      body: { email: joined.user.email, password: 'correct horse battery' },
    });
    expect(login.status).toBe(200);
    const session = login.body as TestSession;
    expect(session.tenant.id).not.toBe(owner.tenant.id);
    expect(session.tenant).toMatchObject({ role: 'owner' });
    expect(await memberIds(session)).toEqual([joined.user.id]);
    expect(await memberIds(owner)).toEqual([owner.user.id]);
    // Signing in again finds that household instead of making another.
    const again = await server.request('POST', '/auth/login', {
      body: { email: joined.user.email, password: 'correct horse battery' },
    });
    expect(again.body.tenant.id).toBe(session.tenant.id);
    // Asking for the household they were removed from is still refused.
    const refused = await server.request('POST', '/auth/login', {
      body: {
        email: joined.user.email,
        password: 'correct horse battery',
        tenantId: owner.tenant.id,
      },
    });
    expect(refused.status).toBe(403);
    // And with a new invite they can join the old household again.
    const second = await server.request('POST', `/tenants/${owner.tenant.id}/invites`, {
      token: owner.accessToken,
    });
    const rejoined = await server.request('POST', '/tenants/join', {
      token: session.accessToken,
      body: { code: second.body.code },
    });
    expect(rejoined).toMatchObject({ status: 200, body: { tenant: { id: owner.tenant.id } } });
  });

  it('lets only owners invite, and compares the household id without regard to case', async () => {
    const { owner, members } = await household(1);
    const byMember = await server.request('POST', `/tenants/${owner.tenant.id}/invites`, {
      token: members[0].accessToken,
    });
    expect(byMember).toMatchObject({ status: 403, body: { statusCode: 403 } });
    const upper = await server.request(
      'POST',
      `/tenants/${owner.tenant.id.toUpperCase()}/invites`,
      { token: owner.accessToken },
    );
    expect(upper.status).toBe(201);
    // Codes are typed in any case.
    const joined = await server.signup({ inviteCode: ` ${upper.body.code.toLowerCase()} ` });
    expect(joined.tenant.id).toBe(owner.tenant.id);
  });

  it('refuses a handshake with internal, and a request with 500, when the membership cannot be read', async () => {
    const { owner } = await household(0);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const check = jest
      .spyOn(server.app.get(MembershipGate), 'isMember')
      .mockRejectedValue(new Error('database unreachable'));
    try {
      expect(await handshakeError(server.url, owner.accessToken)).toBe('internal');
      const response = await server.request('GET', '/accounts', { token: owner.accessToken });
      expect(response).toEqual({
        status: 500,
        body: { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' },
      });
    } finally {
      check.mockRestore();
      jest.restoreAllMocks();
    }
    expect(await handshakeError(server.url, owner.accessToken)).toBe('connected');
  });
});
