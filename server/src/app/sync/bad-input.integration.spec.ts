import { randomUUID } from 'node:crypto';
import { sampleData, transactions } from '@finwise/domain';
import { formatHlc, type PullPage, type PushAck, type PushResponse } from '@finwise/sync-protocol';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer, type TestSession } from '../../testing/test-server';
import { TestSyncClient } from '../../testing/test-sync-client';

const ACCOUNT_ID = '7d4f3a0e-3c55-4f5b-9c2e-1b8a6f0d2c11';

describe.each(testDatabaseKinds())('bad input on %s', (kind) => {
  let server: TestServer;
  let session: TestSession;
  let client: TestSyncClient;
  let existing: ReturnType<typeof sampleData>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    session = await server.signup();
    client = await TestSyncClient.connected(server.url, session.accessToken);
    existing = sampleData(transactions, 1, { accountId: ACCOUNT_ID });
    await client.push([client.mutation('transactions', 'create', existing)]);
  });
  afterAll(async () => {
    client?.disconnect();
    await server?.stop();
  });

  /** The whole feed as seen by a fresh initial load: proves nothing changed. */
  async function snapshot() {
    const page = (await client.pull(null, 1000)) as PullPage;
    return { cursor: page.cursor, total: page.total, changes: page.changes };
  }

  async function expectRejected(mutation: Record<string, unknown>, code: string, messagePart?: string) {
    const before = await snapshot();
    const response = (await client.emit<PushResponse>('sync:push', { mutations: [mutation] })) as PushAck;
    expect(response.results).toHaveLength(1);
    expect(response.results[0]).toMatchObject({ status: 'rejected', error: { code } });
    if (messagePart) expect(response.results[0].error?.message).toContain(messagePart);
    expect(response.fromCursor).toBe(response.cursor);
    expect(await snapshot()).toEqual(before);
    return response.results[0];
  }

  const base = () => ({ mutationId: randomUUID(), modelName: 'transactions', operation: 'update', hlc: client.clock.tick(), data: { id: existing.id, payee: 'ok' } });

  it.each([
    ['unknown modelName', { modelName: 'payees' }, 'unknown_model'],
    ['modelName __proto__', { modelName: '__proto__' }, 'unknown_model'],
    ['unknown operation', { operation: 'upsert' }, 'validation'],
    ['missing mutationId', { mutationId: undefined }, 'validation'],
    ['an extra envelope key', { extra: 1 }, 'validation'],
    ['a malformed HLC', { hlc: '2026-11-25 16:40' }, 'validation'],
    ['an HLC an hour ahead', { hlc: formatHlc({ ms: Date.now() + 3600_000, counter: 0, nodeId: 'abcdefabcdefabcd' }) }, 'clock_skew'],
    ['an HLC from 1970', { hlc: formatHlc({ ms: 0, counter: 0, nodeId: 'abcdefabcdefabcd' }) }, 'validation'],
  ])('rejects %s', async (_label, override, code) => {
    await expectRejected({ ...base(), ...override }, code);
  });

  it.each([
    ['an unknown field', { colour: 'red' }, 'data.colour'],
    ['a system field', { tenantId: randomUUID() }, 'data.tenantId'],
    ['fieldClocks', { fieldClocks: {} }, 'data.fieldClocks'],
    ['a float amount', { amountMinor: 12.5 }, 'amountMinor'],
    ['a NaN amount (null on the wire)', { amountMinor: Number.NaN }, 'amountMinor'],
    ['a huge amount', { amountMinor: 1e16 }, 'amountMinor'],
    ['1e308', { amountMinor: 1e308 }, 'amountMinor'],
    ['an amount as text', { amountMinor: '100' }, 'amountMinor'],
    ['an impossible date', { date: '2026-02-30' }, 'date'],
    ['a malformed reference', { categoryId: 'not-a-uuid' }, 'categoryId'],
    ['a boolean as number', { cleared: 1 }, 'cleared'],
    ['U+0000 in text', { payee: 'a\u0000b' }, 'payee'],
    ['a __proto__ key', JSON.parse('{"__proto__": {"admin": true}}'), '__proto__'],
  ])('rejects data with %s and returns the current row', async (_label, fields, path) => {
    const result = await expectRejected({ ...base(), data: { id: existing.id, ...fields } }, 'validation', path);
    expect(result.record).toMatchObject({ id: existing.id, payee: existing['payee'] });
  });

  it('rejects an invalid id and an update of an unknown id with partial data', async () => {
    await expectRejected({ ...base(), data: { id: 'abc', payee: 'x' } }, 'validation');
    await expectRejected({ ...base(), data: { id: randomUUID(), payee: 'x' } }, 'not_found');
  });

  it('refuses whole batches that are not a list, hold more than 500 mutations or more than 256 KB', async () => {
    const before = await snapshot();
    expect(await client.emit('sync:push', { mutations: 'nope' })).toMatchObject({ error: { code: 'validation' } });
    expect(await client.emit('sync:push', null)).toMatchObject({ error: { code: 'validation' } });
    const many = Array.from({ length: 501 }, (_, i) => client.mutation('transactions', 'create', sampleData(transactions, i)));
    expect(await client.emit('sync:push', { mutations: many })).toMatchObject({ error: { code: 'batch_too_large' } });
    const heavy = Array.from({ length: 300 }, (_, i) => client.mutation('transactions', 'create', sampleData(transactions, i, { notes: 'x'.repeat(500) })));
    expect(await client.emit('sync:push', { mutations: heavy })).toMatchObject({ error: { code: 'batch_too_large' } });
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
    const payload = { mutations: [victim.mutation('transactions', 'create', sampleData(transactions, 5, { notes: 'x'.repeat(1_100_000) }))] };
    await expect(victim.emit('sync:push', payload, 3000)).rejects.toThrow();
    await disconnected;
    expect(await snapshot()).toEqual(before);
  });

  it('answers malformed pull requests with a validation error', async () => {
    for (const body of [{ cursor: 'garbage' }, { cursor: 42 }, { cursor: 'c-1' }, { cursor: null, limit: 'all' }]) {
      expect(await client.emit('sync:pull', body)).toMatchObject({ error: { code: 'validation' } });
    }
    // A cursor ahead of the feed means the server's data was reset: the client must reload.
    expect(await client.emit('sync:pull', { cursor: 'czzzz' })).toMatchObject({ error: { code: 'resync_required' } });
  });

  it('clamps pull limits', async () => {
    const page = (await client.pull(null, 0)) as PullPage;
    expect(page.changes).toHaveLength(1);
  });

  it('answers bad REST input with a clear 4xx error and changes nothing', async () => {
    const before = await snapshot();
    const token = session.accessToken;
    const cases: [string, string, unknown, number][] = [
      ['POST', '/transactions', { ...sampleData(transactions, 9), amountMinor: 1.5 }, 400],
      ['POST', '/transactions', { ...sampleData(transactions, 9), tenantId: randomUUID() }, 400],
      ['POST', '/transactions', '{"broken json', 400],
      ['POST', '/transactions', [1, 2], 400],
      ['PATCH', `/transactions/${existing.id}`, { date: '2026-13-01' }, 400],
      ['PATCH', `/transactions/${existing.id}`, { id: randomUUID(), payee: 'x' }, 400],
      ['PATCH', `/transactions/${randomUUID()}`, { payee: 'x' }, 404],
      ['DELETE', `/transactions/${randomUUID()}`, undefined, 404],
      ['GET', `/transactions/not-a-uuid`, undefined, 404],
      ['GET', `/transactions?limit=5000`, undefined, 400],
      ['GET', `/transactions?after=nonsense`, undefined, 400],
      ['GET', `/payees`, undefined, 404],
      ['GET', `/sync/pull?cursor=garbage`, undefined, 400],
      ['POST', `/sync/push`, { mutations: 'x' }, 400],
    ];
    for (const [method, path, body, status] of cases) {
      const response = await server.request(method, path, { token, body });
      expect({ method, path, status: response.status }).toEqual({ method, path, status });
      if (status >= 400) {
        expect(response.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
      }
    }
    const tooLarge = await server.request('POST', '/sync/push', { token, body: JSON.stringify({ mutations: [], pad: 'x'.repeat(1_200_000) }) });
    expect(tooLarge).toMatchObject({ status: 413, body: { statusCode: 413, message: 'request body is too large' } });
    expect(await snapshot()).toEqual(before);
  });
});
