import { createHash } from 'node:crypto';
import { accounts, sampleData } from '@finwise/domain';
import { decodeCursor, isErrorAck, type Mutation, type PushAck, type PushResponse } from '@finwise/sync-protocol';
import { DatabaseService } from '../database/database.service';
import { base64urlDigestAsUuid } from '../database/migrations/1796120000000-lean-mutation-log';
import type { AcceptedMutation } from './mutation-envelope';
import { mutationDigest } from './mutation-log';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer, type TestSession } from '../../testing/test-server';
import { TestSyncClient } from '../../testing/test-sync-client';

function ack(response: PushResponse): PushAck {
  if (isErrorAck(response)) throw new Error(`push refused: ${response.error.code} ${response.error.message}`);
  return response;
}

const refusal = (mutation: Mutation) => ({
  mutationId: mutation.mutationId,
  status: 'rejected',
  error: { code: 'validation', message: `mutationId ${mutation.mutationId} was already used for a different mutation` },
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
  const account = (seed: number) => client.mutation('accounts', 'create', sampleData(accounts, seed));

  it('a batch mixing new mutations, an exact replay and a reused id applies only the new ones', async () => {
    const first = account(1);
    const reusedOriginal = account(2);
    ack(await client.push([first, reusedOriginal]));
    const before = await logged();

    const fresh = [account(3), account(4)];
    const reused = { ...reusedOriginal, data: { ...reusedOriginal.data, name: 'tampered' } };
    const answer = ack(await client.push([fresh[0], first, reused, fresh[1]]));

    expect(answer.results.map((r) => r.status)).toEqual(['applied', 'stale', 'rejected', 'applied']);
    expect(answer.results[2]).toMatchObject({ ...refusal(reused), record: { id: reusedOriginal.data.id, name: reusedOriginal.data['name'] } });
    expect(answer.results[1]).toMatchObject({ record: { id: first.data.id, name: first.data['name'] } });
    // Two rows changed, so the feed advanced by exactly two.
    expect(Number(decodeCursor(answer.cursor)) - Number(decodeCursor(answer.fromCursor))).toBe(2);
    const after = await logged();
    expect(after.size).toBe(before.size + 2);
    // The reused id keeps the digest of what it did first.
    expect(after.get(reusedOriginal.mutationId)).toBe(before.get(reusedOriginal.mutationId));
    const pulled = await client.pull(null);
    if (isErrorAck(pulled)) throw new Error('pull refused');
    expect(pulled.changes.find((c) => c.record.id === reusedOriginal.data.id)?.record['name']).toBe(reusedOriginal.data['name']);
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
    expect(reuse.results[0]).toMatchObject({ mutationId: upper, status: 'rejected', error: { code: 'validation' } });
    expect((await logged()).size).toBe(1);
  });

  it('an update of an unknown id (not_found) is not logged, so the full row may follow under the same id', async () => {
    const data = sampleData(accounts, 9);
    const partial = client.mutation('accounts', 'update', { id: data.id, name: 'only a name' });
    const answer = ack(await client.push([partial]));
    expect(answer.results[0]).toMatchObject({ status: 'rejected', error: { code: 'not_found' } });
    expect((await logged()).size).toBe(0);
  });

  it("deleting a household deletes its log, and only its log", async () => {
    ack(await client.push([account(10), account(11)]));
    const other = await server.signup();
    const otherClient = await TestSyncClient.connected(server.url, other.accessToken);
    try {
      ack(await otherClient.push([otherClient.mutation('accounts', 'create', sampleData(accounts, 12))]));
    } finally {
      otherClient.disconnect();
    }
    expect((await logged()).size).toBe(2);

    await database.inTenantTransaction(session.tenant.id, (manager) => manager.query('DELETE FROM tenants WHERE id = $1', [session.tenant.id]));

    expect((await logged()).size).toBe(0);
    expect((await logged(other.tenant.id)).size).toBe(1);
  });

  it('the migration turns a logged digest of the old format into the new one', async () => {
    const content = JSON.stringify(['accounts', 'create', '2026-11-25T16:40:00.000Z-0000-9f1c2a7b3d4e5f60', { id: 'x' }]);
    const oldFormat = createHash('sha256').update(content).digest('base64url');
    const mutation = { table: { modelName: 'accounts' }, operation: 'create', hlc: '2026-11-25T16:40:00.000Z-0000-9f1c2a7b3d4e5f60', data: { id: 'x' } };
    const newFormat = mutationDigest(mutation as unknown as AcceptedMutation);
    const [row] = await database.dataSource.query(`SELECT ${base64urlDigestAsUuid('$1::text')}::text AS digest`, [oldFormat]);
    expect(row.digest).toBe(newFormat);
  });
});
