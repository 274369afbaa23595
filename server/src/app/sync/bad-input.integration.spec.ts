import { randomUUID } from 'node:crypto';
import { transactions } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import {
  formatHlc,
  SyncLimits,
  type PullPage,
  type PushAck,
  type PushResponse,
} from '@finwise/sync-protocol';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer, type TestSession } from '../../testing/test-server';
import { TestSyncClient } from '../../testing/test-sync-client';
import { openSnapshotter, type Snapshotter } from '../../testing/database-snapshot';

const ACCOUNT_ID = '7d4f3a0e-3c55-4f5b-9c2e-1b8a6f0d2c11';

describe.each(testDatabaseKinds())('bad input on %s', (kind) => {
  let server: TestServer;
  let session: TestSession;
  let client: TestSyncClient;
  let existing: ReturnType<typeof sampleData>;
  let snapshots: Snapshotter;

  beforeAll(async () => {
    server = await startTestServer(kind);
    session = await server.signup();
    client = await TestSyncClient.connected(server.url, session.accessToken);
    existing = sampleData(transactions, 1, { accountId: ACCOUNT_ID });
    await client.push([client.mutation('transactions', 'create', existing)]);
    snapshots = await openSnapshotter(server);
  });
  afterAll(async () => {
    client?.disconnect();
    await snapshots?.close();
    await server?.stop();
  });

  /** The whole database, every household, read past row-level security: proves nothing changed. */
  const snapshot = () => snapshots.take();

  async function expectRejected(mutation: Record<string, unknown>, code: string, message: string) {
    const before = await snapshot();
    const response = (await client.emit<PushResponse>('sync:push', {
      mutations: [mutation],
    })) as PushAck;
    expect(response.results).toHaveLength(1);
    expect(response.results[0]).toMatchObject({ status: 'rejected', error: { code, message } });
    expect(response.fromCursor).toBe(response.cursor);
    expect(await snapshot()).toEqual(before);
    return response.results[0];
  }

  const base = () => ({
    mutationId: randomUUID(),
    modelName: 'transactions',
    operation: 'update',
    hlc: client.clock.tick(),
    data: { id: existing.id, notes: 'ok' },
  });

  const HLC_SHAPE = 'hlc must look like 2026-11-25T16:40:00.000Z-0000-9f1c2a7b3d4e5f60';
  it.each([
    [
      'unknown modelName',
      { modelName: 'no_such_model' },
      'unknown_model',
      'unknown modelName: no_such_model',
    ],
    [
      'modelName __proto__',
      { modelName: '__proto__' },
      'unknown_model',
      'unknown modelName: __proto__',
    ],
    [
      'unknown operation',
      { operation: 'upsert' },
      'validation',
      'operation must be create, update or delete',
    ],
    ['missing mutationId', { mutationId: undefined }, 'validation', 'mutationId must be a UUID'],
    ['an extra envelope key', { extra: 1 }, 'validation', 'unknown mutation keys: extra'],
    ['a malformed HLC', { hlc: '2026-11-25 16:40' }, 'validation', HLC_SHAPE],
    [
      'an HLC an hour ahead',
      { hlc: formatHlc({ ms: Date.now() + 3600_000, counter: 0, nodeId: 'abcdefabcdefabcd' }) },
      'clock_skew',
      'hlc is more than 5 minutes ahead of the server clock',
    ],
    [
      'an HLC from 1970',
      { hlc: formatHlc({ ms: 0, counter: 0, nodeId: 'abcdefabcdefabcd' }) },
      'validation',
      'hlc is before 2000-01-01',
    ],
  ])('rejects %s', async (_label, override, code, message) => {
    await expectRejected({ ...base(), ...override }, code, message);
  });

  const INTEGER = 'must be an integer amount in minor units';
  it.each([
    ['an unknown field', { colour: 'red' }, 'data.colour is not a field of this entity'],
    [
      'a system field',
      { tenantId: randomUUID() },
      'data.tenantId is set by the server and cannot be written',
    ],
    [
      'fieldClocks',
      { fieldClocks: {} },
      'data.fieldClocks is set by the server and cannot be written',
    ],
    ['a float amount', { amountMinor: 12.5 }, `data.amountMinor ${INTEGER}`],
    ['a NaN amount (null on the wire)', { amountMinor: Number.NaN }, `data.amountMinor ${INTEGER}`],
    [
      'a huge amount',
      { amountMinor: 1e16 },
      `data.amountMinor ${INTEGER}; data.amountMinor ${INTEGER}`,
    ],
    ['1e308', { amountMinor: 1e308 }, `data.amountMinor ${INTEGER}; data.amountMinor ${INTEGER}`],
    ['an amount as text', { amountMinor: '100' }, `data.amountMinor ${INTEGER}`],
    ['an impossible date', { date: '2026-02-30' }, 'data.date must be a real calendar date'],
    ['a malformed reference', { categoryId: 'not-a-uuid' }, 'data.categoryId must be a UUID'],
    [
      'a boolean as number',
      { cleared: 1 },
      'data.cleared Invalid input: expected boolean, received number',
    ],
    ['U+0000 in text', { notes: 'a\u0000b' }, 'data.notes must not contain U+0000'],
    [
      'a __proto__ key',
      JSON.parse('{"__proto__": {"admin": true}}'),
      'data.__proto__ is not a field of this entity',
    ],
  ])('rejects data with %s and returns the current row', async (_label, fields, message) => {
    const result = await expectRejected(
      { ...base(), data: { id: existing.id, ...fields } },
      'validation',
      message,
    );
    expect(result.record).toMatchObject({ id: existing.id, notes: existing['notes'] });
  });

  it('rejects an invalid id and an update of an unknown id with partial data', async () => {
    await expectRejected(
      { ...base(), data: { id: 'abc', notes: 'x' } },
      'validation',
      'data.id must be a UUID',
    );
    const unknown = randomUUID();
    await expectRejected(
      { ...base(), data: { id: unknown, notes: 'x' } },
      'not_found',
      `transactions ${unknown} does not exist; send a full record to create it`,
    );
  });

  it('refuses whole batches that are not a list, hold more than 500 mutations or more than 256 KB', async () => {
    const before = await snapshot();
    const notAList = {
      error: { code: 'validation', message: 'push expects { mutations: [...] }' },
    };
    expect(await client.emit('sync:push', { mutations: 'nope' })).toEqual(notAList);
    expect(await client.emit('sync:push', null)).toEqual(notAList);
    const many = Array.from({ length: 501 }, (_, i) =>
      client.mutation('transactions', 'create', sampleData(transactions, i)),
    );
    expect(await client.emit('sync:push', { mutations: many })).toEqual({
      error: { code: 'batch_too_large', message: 'a batch holds at most 500 mutations (got 501)' },
    });
    const heavy = Array.from({ length: 300 }, (_, i) =>
      client.mutation(
        'transactions',
        'create',
        sampleData(transactions, i, { notes: 'x'.repeat(500) }),
      ),
    );
    const bytes = Buffer.byteLength(JSON.stringify({ mutations: heavy }));
    expect(await client.emit('sync:push', { mutations: heavy })).toEqual({
      error: {
        code: 'batch_too_large',
        message: `a batch holds at most ${SyncLimits.maxBatchBytes} bytes of JSON (got ${bytes})`,
      },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('closes the connection on a frame over 1 MB and applies nothing of it', async () => {
    const before = await snapshot();
    const victim = await TestSyncClient.connected(server.url, session.accessToken);
    const disconnected = new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (!victim.online) {
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    const payload = {
      mutations: [
        victim.mutation(
          'transactions',
          'create',
          sampleData(transactions, 5, { notes: 'x'.repeat(1_100_000) }),
        ),
      ],
    };
    await expect(victim.emit('sync:push', payload, 3000)).rejects.toThrow();
    await disconnected;
    expect(await snapshot()).toEqual(before);
  });

  it('answers malformed pull requests with a validation error', async () => {
    const before = await snapshot();
    const cases: [unknown, string][] = [
      [{ cursor: 'garbage' }, 'malformed cursor'],
      [{ cursor: 42 }, 'cursor must be null or a cursor the server returned'],
      [{ cursor: 'c-1' }, 'malformed cursor'],
      [{ cursor: null, limit: 'all' }, 'limit must be a number'],
    ];
    for (const [body, message] of cases) {
      expect(await client.emit('sync:pull', body)).toEqual({
        error: { code: 'validation', message },
      });
    }
    // A cursor ahead of the feed means the server's data was reset: the client must reload.
    expect(await client.emit('sync:pull', { cursor: 'czzzz' })).toEqual({
      error: {
        code: 'resync_required',
        message:
          'this cursor is no longer served (deleted rows were purged or the data was reset): clear local data and pull from null',
      },
    });
    expect(await snapshot()).toEqual(before);
  });

  it('clamps pull limits', async () => {
    const page = (await client.pull(null, 0)) as PullPage;
    expect(page.changes).toHaveLength(1);
  });

  it('answers bad REST input with a clear 4xx error and changes nothing', async () => {
    const before = await snapshot();
    const token = session.accessToken;
    const unknownId = randomUUID();
    const cases: [string, string, unknown, number, string][] = [
      [
        'POST',
        '/transactions',
        { ...sampleData(transactions, 9), amountMinor: 1.5 },
        400,
        'data.amountMinor must be an integer amount in minor units',
      ],
      [
        'POST',
        '/transactions',
        { ...sampleData(transactions, 9), tenantId: randomUUID() },
        400,
        'data.tenantId is set by the server and cannot be written',
      ],
      ['POST', '/transactions', '{"broken json', 400, 'request body is not valid JSON'],
      ['POST', '/transactions', [1, 2], 400, 'body must be a JSON object'],
      [
        'PATCH',
        `/transactions/${existing.id}`,
        { date: '2026-13-01' },
        400,
        'data.date must be a real calendar date',
      ],
      [
        'PATCH',
        `/transactions/${existing.id}`,
        { id: randomUUID(), notes: 'x' },
        400,
        'id in the body must match the id in the path',
      ],
      [
        'PATCH',
        `/transactions/${unknownId}`,
        { notes: 'x' },
        404,
        `Transaction ${unknownId} not found`,
      ],
      [
        'DELETE',
        `/transactions/${unknownId}`,
        undefined,
        404,
        `Transaction ${unknownId} not found`,
      ],
      ['GET', `/transactions/not-a-uuid`, undefined, 404, 'Transaction not-a-uuid not found'],
      [
        'GET',
        `/transactions?limit=5000`,
        undefined,
        400,
        'limit must be an integer between 1 and 1000',
      ],
      [
        'GET',
        `/transactions?after=nonsense`,
        undefined,
        400,
        'after must be the `next` value of the previous page',
      ],
      ['GET', `/no_such_model`, undefined, 404, 'Cannot GET /api/no_such_model'],
      ['GET', `/sync/pull?cursor=garbage`, undefined, 400, 'malformed cursor'],
      ['POST', `/sync/push`, { mutations: 'x' }, 400, 'push expects { mutations: [...] }'],
    ];
    const answers = [];
    for (const [method, path, body] of cases) {
      const response = await server.request(method, path, { token, body });
      answers.push({
        method,
        path,
        status: response.status,
        statusCode: response.body?.statusCode,
        message: response.body?.message,
      });
    }
    expect(answers).toEqual(
      cases.map(([method, path, , status, message]) => ({
        method,
        path,
        status,
        statusCode: status,
        message,
      })),
    );
    const tooLarge = await server.request('POST', '/sync/push', {
      token,
      body: JSON.stringify({ mutations: [], pad: 'x'.repeat(1_200_000) }),
    });
    expect(tooLarge).toEqual({
      status: 413,
      body: { statusCode: 413, error: 'Payload Too Large', message: 'request body is too large' },
    });
    expect(await snapshot()).toEqual(before);
  });
});
