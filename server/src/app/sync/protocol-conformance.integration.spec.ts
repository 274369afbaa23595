import { randomUUID } from 'node:crypto';
import { accounts, budgetId } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { formatHlc, SyncLimits, type PushResponse } from '@finwise/sync-protocol';
import { namedApiSchemas } from '../api-docs/api-schemas';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer } from '../../testing/test-server';
import { TestSyncClient } from '../../testing/test-sync-client';

type Json = Record<string, unknown>;

/**
 * The published socket schemas (AsyncAPI/OpenAPI `PushRequest` and `Mutation`) must give the
 * server's verdict. The server checks pushes with hand-optimised code on the hot path, so every
 * input here goes through both the published schema and the real server, and they must agree.
 * Not expressible in a schema, and so left out: the 256 KB byte limit, the clock-skew limit and
 * the budget id rule (each stated in the schema descriptions).
 */
describe.each(testDatabaseKinds())('published push schemas agree with the server on %s', (kind) => {
  const published = namedApiSchemas();
  const pushRequest = published.get('PushRequest')!;
  const mutationSchema = published.get('Mutation')!;
  let server: TestServer;
  let client: TestSyncClient;
  const accountId = randomUUID();
  const categoryId = randomUUID();

  beforeAll(async () => {
    server = await startTestServer(kind);
    const session = await server.signup();
    client = await TestSyncClient.connected(server.url, session.accessToken);
    const ack = await client.push([
      client.mutation('accounts', 'create', sampleData(accounts, 1, { id: accountId })),
    ]);
    expect('results' in ack && ack.results[0].status).toBe('applied');
  });
  afterAll(async () => {
    client?.disconnect();
    await server?.stop();
  });

  const hlc = () => client.clock.tick();
  const update = (override: Json = {}): Json => ({
    mutationId: randomUUID(),
    modelName: 'accounts',
    operation: 'update',
    data: { id: accountId, name: 'Renamed' },
    hlc: hlc(),
    ...override,
  });

  const mutationCases: [string, () => Json, boolean][] = [
    ['a valid update', () => update(), true],
    ['an uppercase mutationId', () => update({ mutationId: randomUUID().toUpperCase() }), true],
    [
      'an uppercase row id',
      () => update({ data: { id: accountId.toUpperCase(), name: 'Upper' } }),
      true,
    ],
    [
      'a complete create',
      () => update({ operation: 'create', data: sampleData(accounts, 7) }),
      true,
    ],
    [
      'a delete of an unknown id (tombstone)',
      () => update({ operation: 'delete', data: { id: randomUUID() } }),
      true,
    ],
    [
      'a budget with its derived id',
      () =>
        update({
          modelName: 'budgets',
          operation: 'create',
          data: {
            id: budgetId(categoryId, '2026-11'),
            categoryId,
            month: '2026-11',
            budgetedMinor: 100,
          },
        }),
      true,
    ],
    ['no mutationId', () => update({ mutationId: undefined }), false],
    ['a mutationId that is not a UUID', () => update({ mutationId: 'm-1' }), false],
    ['an extra envelope key', () => update({ origin: 'phone' }), false],
    ['an unknown modelName', () => update({ modelName: 'no_such_model' }), false],
    ['modelName __proto__', () => update({ modelName: '__proto__' }), false],
    ['a modelName that is not a string', () => update({ modelName: 7 }), false],
    ['an unknown operation', () => update({ operation: 'upsert' }), false],
    ['no operation', () => update({ operation: undefined }), false],
    ['a malformed HLC', () => update({ hlc: '2026-11-25 16:40' }), false],
    ['an HLC with uppercase hex', () => update({ hlc: hlc().toUpperCase() }), false],
    [
      'an HLC from 1970',
      () => update({ hlc: formatHlc({ ms: 0, counter: 0, nodeId: 'abcdefabcdefabcd' }) }),
      false,
    ],
    [
      'an HLC on an impossible date',
      () => update({ hlc: '2026-02-30T00:00:00.000Z-0000-abcdefabcdefabcd' }),
      false,
    ],
    ['an HLC that is a number', () => update({ hlc: Date.now() }), false],
    ['no data', () => update({ data: undefined }), false],
    ['data that is a list', () => update({ data: [accountId] }), false],
    ['a row id that is not a UUID', () => update({ data: { id: 'abc', name: 'x' } }), false],
    ['an update that changes nothing', () => update({ data: { id: accountId } }), false],
    [
      'a partial create',
      () => update({ operation: 'create', data: { id: randomUUID(), name: 'x' } }),
      false,
    ],
    [
      'a delete that carries fields',
      () => update({ operation: 'delete', data: { id: accountId, name: 'x' } }),
      false,
    ],
    [
      'a budget delete',
      () =>
        update({
          modelName: 'budgets',
          operation: 'delete',
          data: { id: budgetId(categoryId, '2026-11') },
        }),
      false,
    ],
    [
      'a system field in data',
      () => update({ data: { id: accountId, tenantId: randomUUID() } }),
      false,
    ],
    ['an unknown field in data', () => update({ data: { id: accountId, colour: 'red' } }), false],
    ['a field of the wrong type', () => update({ data: { id: accountId, closed: 'yes' } }), false],
  ];

  it.each(mutationCases)(
    '%s: schema and server give the same verdict',
    async (label, make, accepted) => {
      const mutation = make();
      const schemaAccepts = mutationSchema.safeParse(mutation).success;
      const ack = await client.emit<PushResponse>('sync:push', { mutations: [mutation] });
      const result = 'results' in ack ? ack.results[0] : undefined;
      const serverAccepts = result !== undefined && result.status !== 'rejected';
      expect({ label, schemaAccepts, serverAccepts, code: result?.error?.code }).toEqual({
        label,
        schemaAccepts: accepted,
        serverAccepts: accepted,
        code: accepted ? undefined : expect.stringMatching(/^(validation|unknown_model)$/),
      });
    },
  );

  it('a delete of a tombstone with a newer HLC moves deletedAt forward and re-enters the feed; an older one is stale', async () => {
    const id = randomUUID();
    const del = (stamp: string) =>
      client.emit<PushResponse>('sync:push', {
        mutations: [update({ operation: 'delete', data: { id }, hlc: stamp })],
      });
    const older = hlc();
    const first = hlc();
    const firstAck = await del(first);
    expect('results' in firstAck && firstAck.results[0]).toMatchObject({
      status: 'applied',
      record: { deletedAt: first },
    });
    const later = hlc();
    const again = await del(later);
    expect('results' in again && again.results[0]).toMatchObject({
      status: 'applied',
      record: { deletedAt: later, updatedAt: later },
    });
    if (!('results' in again)) throw new Error('push refused');
    // The tombstone is in the feed once more, at the position of the second delete.
    const feed = (await client.pull(again.fromCursor)) as { changes: { record: Json }[] };
    expect(feed.changes.map((change) => change.record['deletedAt'])).toEqual([later]);
    const stale = await del(older);
    expect('results' in stale && stale.results[0].status).toBe('stale');
  });

  const batchCases: [string, unknown, boolean][] = [
    ['an empty batch', { mutations: [] }, true],
    ['a batch with an unknown top-level key', { mutations: [], batchId: 'b-1' }, true],
    [
      'a batch whose entries are all invalid (one result each)',
      { mutations: [1, 'x', null] },
      true,
    ],
    ['mutations that is not a list', { mutations: 'nope' }, false],
    ['no mutations', {}, false],
    ['a list instead of an object', [], false],
    ['null', null, false],
    [
      `more than ${SyncLimits.maxBatchMutations} mutations`,
      { mutations: Array.from({ length: SyncLimits.maxBatchMutations + 1 }, () => 1) },
      false,
    ],
  ];

  it.each(batchCases)('%s: refused whole by both or by neither', async (label, body, accepted) => {
    // Only the envelope counts here: issues inside one entry are that entry's rejected result.
    const issues = pushRequest.safeParse(body).error?.issues ?? [];
    const schemaAccepts = !issues.some((issue) => issue.path.length <= 1);
    const ack = await client.emit<PushResponse>('sync:push', body);
    expect({ label, schemaAccepts, serverAccepts: 'results' in ack }).toEqual({
      label,
      schemaAccepts: accepted,
      serverAccepts: accepted,
    });
  });
});
