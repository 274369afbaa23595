import { accounts } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { Redis } from 'ioredis';
import {
  createThrowawayDatabase,
  testDatabaseKinds,
  type ThrowawayDatabase,
} from '../../testing/test-database';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { TestSyncClient } from '../../testing/test-sync-client';

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

// Two instances need one shared database, which only a real PostgreSQL provides.
const postgres = testDatabaseKinds().includes('postgres');

(postgres ? describe : describe.skip)('two instances sharing broadcasts through Redis', () => {
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

  it('delivers a write on one instance to a client of the same tenant on the other, and only there', async () => {
    const session = await first.signup();
    const stranger = await second.signup();
    const onFirst = await TestSyncClient.connected(first.url, session.accessToken);
    const onSecond = await TestSyncClient.connected(second.url, session.accessToken);
    const strangerClient = await TestSyncClient.connected(second.url, stranger.accessToken);
    await onSecond.catchUp();
    const row = sampleData(accounts, 1);
    await onFirst.push([onFirst.mutation('accounts', 'create', row)]);
    await onSecond.waitFor(
      () => onSecond.row('accounts', row.id) !== undefined,
      5000,
      'the row via Redis',
    );
    expect(onSecond.row('accounts', row.id)).toMatchObject(row);

    const rest = await second.request('PATCH', `/accounts/${row.id}`, {
      token: session.accessToken,
      body: { name: 'via REST' },
    });
    expect(rest.status).toBe(200);
    await onFirst.waitFor(() => onFirst.broadcasts.length === 1, 5000, 'REST broadcast via Redis');
    expect(onFirst.broadcasts[0].changes[0].record['name']).toBe('via REST');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(strangerClient.broadcasts).toHaveLength(0);
    for (const client of [onFirst, onSecond, strangerClient]) client.disconnect();
  });
});
