import { encodeCursor, SyncLimits } from '@finwise/sync-protocol';
import type { QueryRunner } from 'typeorm';
import { DatabaseService } from '../../database/database.service';
import { testDatabaseKinds } from '../../../testing/test-database';
import { startTestServer, type TestServer } from '../../../testing/test-server';
import { TestSyncClient } from '../../../testing/test-sync-client';

/** Takes the household's feed lock in `runner`'s open transaction, as a writer would. */
async function lockHousehold(runner: QueryRunner, tenantId: string): Promise<void> {
  // Row-level security shows the household's row only to a transaction that declares it.
  await runner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
  const locked = await runner.query('SELECT seq FROM tenants WHERE id = $1 FOR UPDATE', [tenantId]);
  expect(locked).toHaveLength(1);
}

/**
 * A batch that can change nothing must not wait for, or hold up, the household's writers:
 * such batches are answered while another transaction holds the household's lock.
 */
describe.each(testDatabaseKinds())('batches that change nothing, on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Runs `push` while the household's feed row is locked; says what finished first. */
  async function whileLocked(tenantId: string, push: () => Promise<unknown>) {
    const runner = server.app.get(DatabaseService).dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await lockHousehold(runner, tenantId);
    const order: string[] = [];
    const answered = push().then((value) => (order.push('answered'), value));
    // A batch that waits for the lock gets it after a while, so the test ends either way.
    await Promise.race([answered, new Promise((resolve) => setTimeout(resolve, 3_000))]);
    order.push('lock released');
    await runner.rollbackTransaction();
    await runner.release();
    return { answer: await answered, order };
  }

  const junk: [string, unknown, string][] = [
    [
      'too many mutations',
      { mutations: Array.from({ length: SyncLimits.maxBatchMutations + 1 }, () => ({})) },
      'batch_too_large',
    ],
    [
      'too many bytes',
      { mutations: [{ pad: 'x'.repeat(SyncLimits.maxBatchBytes) }] },
      'batch_too_large',
    ],
    ['nested too deep', { mutations: [JSON.parse('['.repeat(40) + ']'.repeat(40))] }, 'validation'],
    ['not a list', { mutations: 'nope' }, 'validation'],
  ];

  it.each(junk)(
    'refuses a batch with %s before touching the database',
    async (_label, body, code) => {
      const session = await server.signup();
      const client = await TestSyncClient.connected(server.url, session.accessToken);
      const { answer, order } = await whileLocked(session.tenant.id, () =>
        client.emit('sync:push', body),
      );
      expect(answer).toMatchObject({ error: { code } });
      expect(order).toEqual(['answered', 'lock released']);
      client.disconnect();
    },
  );
});

// The embedded database runs one transaction at a time, so there even a plain read waits.
describe.each(testDatabaseKinds().filter((kind) => kind === 'postgres'))(
  'an empty batch, on %s',
  (kind) => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(kind);
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('is answered with the feed position without waiting for the household lock', async () => {
      const session = await server.signup();
      const client = await TestSyncClient.connected(server.url, session.accessToken);
      const runner = server.app.get(DatabaseService).dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      await lockHousehold(runner, session.tenant.id);
      try {
        const answer = await client.emit('sync:push', { mutations: [] }, 10_000);
        expect(answer).toEqual({
          results: [],
          fromCursor: encodeCursor(0),
          cursor: encodeCursor(0),
          serverTime: expect.any(String),
        });
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
        client.disconnect();
      }
    });
  },
);
