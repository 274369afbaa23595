import { createHash } from 'node:crypto';
import { accounts } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import {
  decodeCursor,
  isErrorAck,
  type Mutation,
  type PushAck,
  type PushResponse,
} from '@finwise/sync-protocol';
import { DatabaseService } from '../../database/database.service';
import { base64urlDigestAsUuid } from '../../database/migrations/1796120000000-lean-mutation-log';
import type { AcceptedMutation } from '../push/mutation-check';
import { mutationDigest } from '../push/mutation-digest';
import { testDatabaseKinds } from '../../../testing/test-database';
import { startTestServer, type TestServer, type TestSession } from '../../../testing/test-server';
import { TestSyncClient } from '../../../testing/test-sync-client';

function ack(response: PushResponse): PushAck {
  if (isErrorAck(response))
    throw new Error(`push refused: ${response.error.code} ${response.error.message}`);
  return response;
}

const refusal = (mutation: Mutation) => ({
  mutationId: mutation.mutationId,
  status: 'rejected',
  error: {
    code: 'validation',
    message: `mutationId ${mutation.mutationId} was already used for a different mutation`,
  },
});

describe.each(testDatabaseKinds())('mutation log on %s', (kind) => {
  let server: TestServer;
  let database: DatabaseService;
  let session: TestSession;
  let client: TestSyncClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    database = server.app.get(DatabaseService);
  });
  afterAll(async () => {
    await server?.stop();
  });
  beforeEach(async () => {
    session = await server.signup();
    client = await TestSyncClient.connected(server.url, session.accessToken);
  });
  afterEach(() => client.disconnect());

  const logged = (tenantId = session.tenant.id) =>
    database.inTenantTransaction(tenantId, async (manager) => {
      const rows: { mutation_id: string; digest: string }[] = await manager.query(
        'SELECT mutation_id, digest::text FROM mutation_log WHERE tenant_id = $1 ORDER BY mutation_id',
        [tenantId],
      );
      return new Map(rows.map((row) => [row.mutation_id, row.digest]));
    });
  const account = (seed: number) =>
    client.mutation('accounts', 'create', sampleData(accounts, seed));

  it('a batch mixing new mutations, an exact replay and a reused id applies only the new ones', async () => {
    const first = account(1);
    const reusedOriginal = account(2);
    ack(await client.push([first, reusedOriginal]));
    const before = await logged();

    const fresh = [account(3), account(4)];
    const reused = { ...reusedOriginal, data: { ...reusedOriginal.data, name: 'tampered' } };
    const answer = ack(await client.push([fresh[0], first, reused, fresh[1]]));

    expect(answer.results.map((r) => r.status)).toEqual([
      'applied',
      'stale',
      'rejected',
      'applied',
    ]);
    expect(answer.results[2]).toMatchObject({
      ...refusal(reused),
      record: { id: reusedOriginal.data.id, name: reusedOriginal.data['name'] },
    });
    expect(answer.results[1]).toMatchObject({
      record: { id: first.data.id, name: first.data['name'] },
    });
    // Two rows changed, so the feed advanced by exactly two.
    expect(Number(decodeCursor(answer.cursor)) - Number(decodeCursor(answer.fromCursor))).toBe(2);
    const after = await logged();
    expect(after.size).toBe(before.size + 2);
    // The reused id keeps the digest of what it did first.
    expect(after.get(reusedOriginal.mutationId)).toBe(before.get(reusedOriginal.mutationId));
    const pulled = await client.pull(null);
    if (isErrorAck(pulled)) throw new Error('pull refused');
    expect(pulled.changes.find((c) => c.record.id === reusedOriginal.data.id)?.record['name']).toBe(
      reusedOriginal.data['name'],
    );
  });

  // Batches whose rows are all distinct are written in parts of 128 while the rest is merged.
  const feedPositions = () =>
    database.inTenantTransaction(session.tenant.id, async (manager) => {
      const rows: { server_seq: string }[] = await manager.query(
        'SELECT server_seq FROM accounts WHERE tenant_id = $1 ORDER BY server_seq',
        [session.tenant.id],
      );
      return rows.map((row) => Number(row.server_seq));
    });

  it('a batch spanning several write parts keeps results, log, feed and broadcast exact', async () => {
    const earlier = account(1000);
    ack(await client.push([earlier]));
    const listener = await TestSyncClient.connected(server.url, session.accessToken);
    try {
      const batch = Array.from({ length: 300 }, (_, i) => account(1001 + i));
      batch[10] = { ...batch[10], data: { ...batch[10].data, name: 42 } };
      batch[150] = earlier; // an exact replay
      const answer = ack(await client.push(batch));

      const statuses = answer.results.map((r) => r.status);
      expect(statuses.filter((s) => s === 'applied')).toHaveLength(298);
      expect(statuses[10]).toBe('rejected');
      expect(answer.results[150]).toMatchObject({
        mutationId: earlier.mutationId,
        status: 'stale',
        record: { id: earlier.data.id },
      });
      expect(answer.results.map((r) => r.mutationId)).toEqual(batch.map((m) => m.mutationId));
      expect(Number(decodeCursor(answer.cursor)) - Number(decodeCursor(answer.fromCursor))).toBe(
        298,
      );
      // Gap-free positions in mutation order.
      expect(await feedPositions()).toEqual(Array.from({ length: 299 }, (_, i) => i + 1));
      expect((await logged()).size).toBe(299);

      for (let i = 0; i < 100 && listener.broadcasts.length === 0; i++)
        await new Promise((r) => setTimeout(r, 50));
      const [broadcast] = listener.broadcasts;
      expect(broadcast.fromCursor).toBe(answer.fromCursor);
      expect(broadcast.cursor).toBe(answer.cursor);
      expect(broadcast.changes.map((c) => c.record.id)).toEqual(
        batch.filter((_, i) => i !== 10 && i !== 150).map((m) => m.data.id),
      );
    } finally {
      listener.disconnect();
    }
  });

  it('every part of a large batch merges against the stored rows, the last parts too', async () => {
    const created = Array.from({ length: 400 }, (_, i) => account(5001 + i));
    ack(await client.push(created));
    // An update per stored row; every 50th carries an older clock than the row's and must be stale.
    const older = '2000-01-01T00:00:00.000Z-0000-0000000000000001';
    const updates = created.map((m, i) =>
      client.mutation(
        'accounts',
        'update',
        { id: m.data.id, name: `renamed ${i}` },
        i % 50 === 49 ? older : undefined,
      ),
    );
    const answer = ack(await client.push(updates));

    answer.results.forEach((result, i) => {
      const stored = created[i].data;
      if (i % 50 === 49) {
        expect(result).toMatchObject({
          status: 'stale',
          record: { id: stored.id, name: stored['name'], currency: stored['currency'] },
        });
      } else {
        // The other fields come from the stored row, which the probe of its part found.
        expect(result).toMatchObject({
          status: 'applied',
          record: {
            id: stored.id,
            name: `renamed ${i}`,
            currency: stored['currency'],
            type: stored['type'],
          },
        });
        expect((result.record?.['fieldClocks'] as Record<string, string>)['currency']).toBe(
          created[i].hlc,
        );
      }
    });
    expect(Number(decodeCursor(answer.cursor)) - Number(decodeCursor(answer.fromCursor))).toBe(392);
    // The stale rows keep their positions; the updated ones follow, gap-free.
    const staleAt = created.flatMap((_, i) => (i % 50 === 49 ? [i + 1] : []));
    expect(await feedPositions()).toEqual([
      ...staleAt,
      ...Array.from({ length: 392 }, (_, i) => 401 + i),
    ]);
  });

  it('a reused id deep inside a batch of several parts is refused and the rest applied', async () => {
    const original = account(2000);
    ack(await client.push([original]));
    const before = await logged();
    const batch = Array.from({ length: 300 }, (_, i) => account(2001 + i));
    batch[200] = { ...batch[200], mutationId: original.mutationId };
    const answer = ack(await client.push(batch));
    expect(answer.results[200]).toMatchObject(refusal(batch[200]));
    expect(answer.results.filter((r) => r.status === 'applied')).toHaveLength(299);
    expect(Number(decodeCursor(answer.cursor)) - Number(decodeCursor(answer.fromCursor))).toBe(299);
    expect(await feedPositions()).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    const after = await logged();
    expect(after.size).toBe(300);
    expect(after.get(original.mutationId)).toBe(before.get(original.mutationId));
  });

  it('a large batch that changes one row twice moves that row to the end of the feed', async () => {
    const batch = Array.from({ length: 300 }, (_, i) => account(3001 + i));
    const twice = batch[5].data;
    batch.push(client.mutation('accounts', 'update', { id: twice.id, name: 'renamed' }));
    const answer = ack(await client.push(batch));
    expect(answer.results.every((r) => r.status === 'applied')).toBe(true);
    expect(Number(decodeCursor(answer.cursor)) - Number(decodeCursor(answer.fromCursor))).toBe(300);
    expect(await feedPositions()).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    const last = await database.inTenantTransaction(session.tenant.id, (manager) =>
      manager.query(
        'SELECT id, name FROM accounts WHERE tenant_id = $1 ORDER BY server_seq DESC LIMIT 1',
        [session.tenant.id],
      ),
    );
    expect(last[0]).toEqual({ id: twice.id, name: 'renamed' });
  });

  it('an id used twice in one batch for different content is refused the second time', async () => {
    const original = account(5);
    const twin = { ...account(6), mutationId: original.mutationId };
    const answer = ack(await client.push([original, twin]));
    expect(answer.results[0].status).toBe('applied');
    expect(answer.results[1]).toMatchObject(refusal(twin));
    expect((await logged()).size).toBe(1);
  });

  it('an id differing only in letter case is the same id', async () => {
    const original = account(7);
    ack(await client.push([original]));
    const upper = original.mutationId.toUpperCase();
    const replay = ack(await client.push([{ ...original, mutationId: upper }]));
    expect(replay.results[0]).toMatchObject({ mutationId: upper, status: 'stale' });
    const reuse = ack(await client.push([{ ...account(8), mutationId: upper }]));
    expect(reuse.results[0]).toMatchObject({
      mutationId: upper,
      status: 'rejected',
      error: { code: 'validation' },
    });
    expect((await logged()).size).toBe(1);
  });

  it('an update of an unknown id (not_found) is not logged, so the full row may follow under the same id', async () => {
    const data = sampleData(accounts, 9);
    const partial = client.mutation('accounts', 'update', { id: data.id, name: 'only a name' });
    const answer = ack(await client.push([partial]));
    expect(answer.results[0]).toMatchObject({ status: 'rejected', error: { code: 'not_found' } });
    expect((await logged()).size).toBe(0);
  });

  it('deleting a household deletes its log, and only its log', async () => {
    ack(await client.push([account(10), account(11)]));
    const other = await server.signup();
    const otherClient = await TestSyncClient.connected(server.url, other.accessToken);
    try {
      ack(
        await otherClient.push([
          otherClient.mutation('accounts', 'create', sampleData(accounts, 12)),
        ]),
      );
    } finally {
      otherClient.disconnect();
    }
    expect((await logged()).size).toBe(2);

    await database.inTenantTransaction(session.tenant.id, (manager) =>
      manager.query('DELETE FROM tenants WHERE id = $1', [session.tenant.id]),
    );

    expect((await logged()).size).toBe(0);
    expect((await logged(other.tenant.id)).size).toBe(1);
  });

  it('the migration turns a logged digest of the old format into the new one', async () => {
    const content = JSON.stringify([
      'accounts',
      'create',
      '2026-11-25T16:40:00.000Z-0000-9f1c2a7b3d4e5f60',
      { id: 'x' },
    ]);
    const oldFormat = createHash('sha256').update(content).digest('base64url');
    const mutation = {
      table: { modelName: 'accounts' },
      operation: 'create',
      hlc: '2026-11-25T16:40:00.000Z-0000-9f1c2a7b3d4e5f60',
      data: { id: 'x' },
    };
    const newFormat = mutationDigest(mutation as unknown as AcceptedMutation);
    const [row] = await database.dataSource.query(
      `SELECT ${base64urlDigestAsUuid('$1::text')}::text AS digest`,
      [oldFormat],
    );
    expect(row.digest).toBe(newFormat);
  });
});
