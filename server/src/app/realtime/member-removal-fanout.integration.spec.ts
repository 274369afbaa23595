import { SYNC_NAMESPACE } from '@finwise/sync-protocol';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import {
  createThrowawayDatabase,
  testDatabaseKinds,
  type ThrowawayDatabase,
} from '../../testing/test-database';
import { startTestServer, type TestServer } from '../../testing/test-server';

const REDIS_URL = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';

async function redisReachable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

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

// Two instances need one shared database, which only a real PostgreSQL provides.
const postgres = testDatabaseKinds().includes('postgres');

(postgres ? describe : describe.skip)('member removal across instances sharing Redis', () => {
  let database: ThrowawayDatabase;
  let first: TestServer;
  let second: TestServer;

  beforeAll(async () => {
    if (!(await redisReachable()))
      throw new Error(`Redis is required for this suite (${REDIS_URL})`);
    database = await createThrowawayDatabase();
    first = await startTestServer('postgres', { databaseUrl: database.url, redisUrl: REDIS_URL });
    second = await startTestServer('postgres', { databaseUrl: database.url, redisUrl: REDIS_URL });
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await database?.drop();
  });

  it('disconnects the member on the other instance and refuses its REST calls there at once', async () => {
    const owner = await first.signup();
    const invite = await first.request('POST', `/tenants/${owner.tenant.id}/invites`, {
      token: owner.accessToken,
    });
    const member = await second.signup({ inviteCode: invite.body.code });
    // The second instance has confirmed the membership (and may have cached it).
    expect((await second.request('GET', '/accounts', { token: member.accessToken })).status).toBe(
      200,
    );
    const onSecond = await openSocket(second.url, member.accessToken);
    const onFirst = await openSocket(first.url, member.accessToken);
    const ownerOnSecond = await openSocket(second.url, owner.accessToken);
    const reasons = [onSecond, onFirst].map(
      (socket) => new Promise<string>((resolve) => socket.once('disconnect', resolve)),
    );

    const removed = await first.request(
      'DELETE',
      `/tenants/${owner.tenant.id}/members/${member.user.id}`,
      { token: owner.accessToken },
    );
    expect(removed.status).toBe(204);
    // Answered only once the other instance acted: its REST refuses the very next call.
    const rest = await second.request('GET', '/accounts', { token: member.accessToken });
    expect(rest).toMatchObject({ status: 403, body: { details: { code: 'forbidden' } } });
    expect(await Promise.all(reasons)).toEqual(['io server disconnect', 'io server disconnect']);
    await expect(openSocket(second.url, member.accessToken)).rejects.toThrow('forbidden');
    expect(ownerOnSecond.connected).toBe(true);
    ownerOnSecond.disconnect();
  });
});
