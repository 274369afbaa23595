import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { accounts, budgetId, budgets, sampleData, transactions } from '@finwise/domain';
import { formatHlc, SYNC_NAMESPACE, type PullPage, type PushAck } from '@finwise/sync-protocol';
import { io } from 'socket.io-client';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, TEST_JWT_SECRET, type TestServer, type TestSession } from '../../testing/test-server';
import { TestSyncClient } from '../../testing/test-sync-client';

/**
 * A catalogue of hostile and malformed inputs. Every entry states the exact outcome and the
 * suite checks after each one that neither household's data changed (unless the entry is a
 * valid write whose stored value is asserted instead).
 */
type Outcome = { status: 'rejected'; code: string; path?: string } | { status: 'stale' } | { status: 'applied'; stored?: Record<string, unknown> };

interface SocketCase {
  name: string;
  mutation: (ctx: Context) => Record<string, unknown>;
  outcome: Outcome;
}

interface Context {
  client: TestSyncClient;
  mine: ReturnType<typeof sampleData>;
  deleted: ReturnType<typeof sampleData>;
  theirs: ReturnType<typeof sampleData>;
}

const hlcAt = (ms: number) => formatHlc({ ms, counter: 0, nodeId: 'abcdefabcdefabcd' });
const update = (ctx: Context, data: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  mutationId: randomUUID(),
  modelName: 'transactions',
  operation: 'update',
  hlc: ctx.client.clock.tick(),
  data: { id: ctx.mine.id, ...data },
  ...extra,
});

const deep = (depth: number): unknown => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

const SOCKET_CASES: SocketCase[] = [
  { name: 'a foreign tenantId in data', mutation: (c) => update(c, { tenantId: randomUUID() }), outcome: { status: 'rejected', code: 'validation', path: 'data.tenantId' } },
  { name: 'the id of another household’s row (partial update)', mutation: (c) => update(c, { id: c.theirs.id, payee: 'hijack' }), outcome: { status: 'rejected', code: 'not_found' } },
  { name: 'a __proto__ key', mutation: (c) => update(c, JSON.parse('{"__proto__":{"isAdmin":true}}')), outcome: { status: 'rejected', code: 'validation', path: 'data.__proto__' } },
  { name: 'a constructor key', mutation: (c) => update(c, { constructor: 'x' }), outcome: { status: 'rejected', code: 'validation', path: 'data.constructor' } },
  { name: 'modelName __proto__', mutation: (c) => update(c, { payee: 'x' }, { modelName: '__proto__' }), outcome: { status: 'rejected', code: 'unknown_model' } },
  { name: 'modelName constructor', mutation: (c) => update(c, { payee: 'x' }, { modelName: 'constructor' }), outcome: { status: 'rejected', code: 'unknown_model' } },
  { name: 'deeply nested JSON as a value', mutation: (c) => update(c, { payee: deep(2000) }), outcome: { status: 'rejected', code: 'validation', path: 'data.payee' } },
  { name: 'an object as amount', mutation: (c) => update(c, { amountMinor: { valueOf: 5 } }), outcome: { status: 'rejected', code: 'validation', path: 'data.amountMinor' } },
  { name: 'Infinity (null on the wire)', mutation: (c) => update(c, { amountMinor: Number.POSITIVE_INFINITY }), outcome: { status: 'rejected', code: 'validation', path: 'data.amountMinor' } },
  { name: '1e308', mutation: (c) => update(c, { amountMinor: 1e308 }), outcome: { status: 'rejected', code: 'validation', path: 'data.amountMinor' } },
  { name: '2^53', mutation: (c) => update(c, { amountMinor: 2 ** 53 }), outcome: { status: 'rejected', code: 'validation', path: 'data.amountMinor' } },
  { name: 'a fractional cent', mutation: (c) => update(c, { amountMinor: 0.1 + 0.2 }), outcome: { status: 'rejected', code: 'validation', path: 'data.amountMinor' } },
  { name: 'negative zero (stored as 0)', mutation: (c) => update(c, { amountMinor: -0 }), outcome: { status: 'applied', stored: { amountMinor: 0 } } },
  { name: 'a lone surrogate', mutation: (c) => update(c, { payee: 'bad \uDC00 text' }), outcome: { status: 'rejected', code: 'validation', path: 'data.payee' } },
  { name: 'U+0000', mutation: (c) => update(c, { notes: 'nul\u0000byte' }), outcome: { status: 'rejected', code: 'validation', path: 'data.notes' } },
  { name: 'bidi overrides, emoji and combining marks (valid text, kept verbatim)', mutation: (c) => update(c, { payee: '\u202Egnp.exe 🧾 Cafe\u0301' }), outcome: { status: 'applied', stored: { payee: '\u202Egnp.exe 🧾 Cafe\u0301' } } },
  { name: 'a 201-character payee', mutation: (c) => update(c, { payee: 'p'.repeat(201) }), outcome: { status: 'rejected', code: 'validation', path: 'data.payee' } },
  { name: 'an SQL-looking string (kept verbatim)', mutation: (c) => update(c, { notes: "'); DROP TABLE transactions; --" }), outcome: { status: 'applied', stored: { notes: "'); DROP TABLE transactions; --" } } },
  { name: 'a boolean as string', mutation: (c) => update(c, { cleared: 'true' }), outcome: { status: 'rejected', code: 'validation', path: 'data.cleared' } },
  { name: 'a date as number', mutation: (c) => update(c, { date: 20261125 }), outcome: { status: 'rejected', code: 'validation', path: 'data.date' } },
  { name: 'a reference that is not a UUID', mutation: (c) => update(c, { accountId: "1' OR '1'='1" }), outcome: { status: 'rejected', code: 'validation', path: 'data.accountId' } },
  { name: 'an uppercase UUID reference (normalised)', mutation: (c) => update(c, { categoryId: 'C3E1B2A4-5D6F-4A8B-9C0D-1E2F3A4B5C6D' }), outcome: { status: 'applied', stored: { categoryId: 'c3e1b2a4-5d6f-4a8b-9c0d-1e2f3a4b5c6d' } } },
  { name: 'an HLC a year ahead', mutation: (c) => update(c, { payee: 'x' }, { hlc: hlcAt(Date.now() + 365 * 86_400_000) }), outcome: { status: 'rejected', code: 'clock_skew' } },
  { name: 'an HLC from 1999', mutation: (c) => update(c, { payee: 'x' }, { hlc: hlcAt(Date.UTC(1999, 0, 1)) }), outcome: { status: 'rejected', code: 'validation' } },
  { name: 'an HLC with uppercase hex', mutation: (c) => update(c, { payee: 'x' }, { hlc: '2026-01-01T00:00:00.000Z-000A-ABCDEFABCDEFABCD' }), outcome: { status: 'rejected', code: 'validation' } },
  { name: 'an HLC as number', mutation: (c) => update(c, { payee: 'x' }, { hlc: Date.now() }), outcome: { status: 'rejected', code: 'validation' } },
  { name: 'operation truncate', mutation: (c) => update(c, { payee: 'x' }, { operation: 'truncate' }), outcome: { status: 'rejected', code: 'validation' } },
  { name: 'an extra envelope key', mutation: (c) => update(c, { payee: 'x' }, { tenantId: randomUUID() }), outcome: { status: 'rejected', code: 'validation' } },
  { name: 'an update after delete', mutation: (c) => ({ ...update(c, { payee: 'zombie' }), data: { id: c.deleted.id, payee: 'zombie' } }), outcome: { status: 'stale' } },
  { name: 'a create of a deleted id', mutation: (c) => ({ ...update(c, {}), operation: 'create', data: { ...c.deleted, payee: 'zombie' } }), outcome: { status: 'stale' } },
  { name: 'a budget whose id is not derived from category and month', mutation: (c) => ({ ...update(c, {}), modelName: 'budgets', operation: 'create', data: { ...sampleData(budgets, 1), id: randomUUID() } }), outcome: { status: 'rejected', code: 'validation', path: 'data.id' } },
  { name: 'a budget delete', mutation: (c) => ({ ...update(c, {}), modelName: 'budgets', operation: 'delete', data: { id: budgetId(randomUUID(), '2026-01') } }), outcome: { status: 'rejected', code: 'validation' } },
];

describe.each(testDatabaseKinds())('hostile input catalogue on %s', (kind) => {
  let server: TestServer;
  let me: TestSession;
  let them: TestSession;
  let ctx: Context;
  let theirClient: TestSyncClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
    me = await server.signup();
    them = await server.signup();
    const client = await TestSyncClient.connected(server.url, me.accessToken);
    theirClient = await TestSyncClient.connected(server.url, them.accessToken);
    const mine = sampleData(transactions, 1);
    const deleted = sampleData(transactions, 2);
    const theirs = sampleData(transactions, 3);
    await client.push([client.mutation('transactions', 'create', mine), client.mutation('transactions', 'create', deleted)]);
    await client.push([client.mutation('transactions', 'delete', { id: deleted.id })]);
    await theirClient.push([theirClient.mutation('transactions', 'create', theirs)]);
    ctx = { client, mine, deleted, theirs };
  });
  afterAll(async () => {
    ctx?.client.disconnect();
    theirClient?.disconnect();
    await server?.stop();
  });

  const feed = async (client: TestSyncClient) => {
    const page = (await client.pull(null, 1000)) as PullPage;
    return { cursor: page.cursor, changes: page.changes };
  };

  it.each(SOCKET_CASES.map((c) => [c.name, c] as const))('socket: %s', async (_name, entry) => {
    const before = { mine: await feed(ctx.client), theirs: await feed(theirClient) };
    const ack = (await ctx.client.emit('sync:push', { mutations: [entry.mutation(ctx)] })) as PushAck;
    expect(ack.results).toHaveLength(1);
    const [result] = ack.results;
    expect(result.status).toBe(entry.outcome.status);
    if (entry.outcome.status === 'rejected') {
      expect(result.error?.code).toBe(entry.outcome.code);
      expect(result.error?.message).toEqual(expect.any(String));
      if (entry.outcome.path) expect(result.error?.message).toContain(entry.outcome.path);
    }
    expect(await feed(theirClient)).toEqual(before.theirs);
    if (entry.outcome.status === 'applied') {
      const row = await server.request('GET', `/transactions/${ctx.mine.id}`, { token: me.accessToken });
      expect(row.body).toMatchObject(entry.outcome.stored ?? {});
    } else {
      expect(await feed(ctx.client)).toEqual(before.mine);
    }
  });

  it('closes a 10 MB frame and applies nothing', async () => {
    const before = await feed(ctx.client);
    const victim = await TestSyncClient.connected(server.url, me.accessToken);
    const huge = { mutations: [victim.mutation('transactions', 'create', sampleData(transactions, 9, { notes: 'x'.repeat(10 * 1024 * 1024) }))] };
    await expect(victim.emit('sync:push', huge, 3000)).rejects.toThrow();
    await victim.waitFor(() => !victim.online, 3000, 'the server to close the connection');
    expect(await feed(ctx.client)).toEqual(before);
  });

  it('refuses batches that are too large or not batches', async () => {
    const before = await feed(ctx.client);
    const many = Array.from({ length: 501 }, (_, i) => ctx.client.mutation('accounts', 'create', sampleData(accounts, i)));
    expect(await ctx.client.emit('sync:push', { mutations: many })).toMatchObject({ error: { code: 'batch_too_large' } });
    expect(await ctx.client.emit('sync:push', { mutations: { 0: 'x' } })).toMatchObject({ error: { code: 'validation' } });
    expect(await ctx.client.emit('sync:push', 'mutations')).toMatchObject({ error: { code: 'validation' } });
    expect(await ctx.client.emit('sync:pull', { cursor: { $gt: '' } })).toMatchObject({ error: { code: 'validation' } });
    expect(await feed(ctx.client)).toEqual(before);
  });

  it('refuses a replayed mutation id with a different body and ignores an exact replay', async () => {
    const original = ctx.client.mutation('transactions', 'update', { id: ctx.mine.id, payee: 'original' });
    expect(((await ctx.client.push([original])) as PushAck).results[0].status).toBe('applied');
    const before = await feed(ctx.client);
    const replay = { ...original, data: { id: ctx.mine.id, payee: 'tampered', amountMinor: 1 } };
    const refused = ((await ctx.client.push([replay])) as PushAck).results[0];
    expect(refused).toMatchObject({ status: 'rejected', error: { code: 'validation' }, record: { payee: 'original' } });
    expect(refused.error?.message).toContain('already used for a different mutation');
    const retimed = { ...original, hlc: ctx.client.clock.tick() };
    expect(((await ctx.client.push([retimed])) as PushAck).results[0].status).toBe('rejected');
    expect(((await ctx.client.push([original])) as PushAck).results[0].status).toBe('stale');
    expect(await feed(ctx.client)).toEqual(before);
  });

  describe('handshake and HTTP', () => {
    const handshake = (auth: Record<string, unknown>, headers: Record<string, string> = {}) =>
      new Promise<string>((resolve) => {
        const socket = io(server.url + SYNC_NAMESPACE, { auth, transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: headers });
        socket.once('connect', () => {
          socket.disconnect();
          resolve('connected');
        });
        socket.once('connect_error', (error) => {
          socket.disconnect();
          resolve(error.message);
        });
      });

    it('refuses expired, forged, alg:none, wrong-type and missing tokens', async () => {
      const jwt = new JwtService();
      const claims = { sub: me.user.id, tid: me.tenant.id, typ: 'access' };
      const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, exp: Date.now() / 1000 + 60 })).toString('base64url')}.`;
      const cases: [string, unknown][] = [
        ['expired', jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 1 }, { secret: TEST_JWT_SECRET })],
        ['forged', jwt.sign(claims, { secret: 'x'.repeat(40), expiresIn: 60 })],
        ['alg none', none],
        ['refresh-type claims', jwt.sign({ ...claims, typ: 'refresh' }, { secret: TEST_JWT_SECRET, expiresIn: 60 })],
        ['a number', 42],
        ['missing', undefined],
      ];
      for (const [label, token] of cases) {
        expect({ label, outcome: await handshake(token === undefined ? {} : { token }) }).toEqual({ label, outcome: 'unauthorized' });
        if (typeof token === 'string') expect((await server.request('GET', '/transactions', { token })).status).toBe(401);
      }
    });

    it('answers a token for a household that does not exist with forbidden', async () => {
      const ghost = new JwtService().sign({ sub: me.user.id, tid: randomUUID(), typ: 'access' }, { secret: TEST_JWT_SECRET, expiresIn: 60 });
      const client = await TestSyncClient.connected(server.url, ghost);
      expect(await client.emit('sync:push', { mutations: [client.mutation('accounts', 'create', sampleData(accounts, 1))] })).toMatchObject({ error: { code: 'forbidden' } });
      expect(await client.emit('sync:pull', { cursor: null })).toMatchObject({ error: { code: 'forbidden' } });
      client.disconnect();
    });

    it('refuses browser requests and handshakes from foreign origins', async () => {
      expect(await handshake({ token: me.accessToken }, { origin: 'https://evil.example' })).toBe('websocket error');
      const response = await server.request('GET', '/transactions', { token: me.accessToken, headers: { origin: 'https://evil.example' } });
      expect(response).toEqual({ status: 403, body: { statusCode: 403, error: 'Forbidden', message: 'origin not allowed' } });
      expect((await server.request('GET', '/transactions', { token: me.accessToken, headers: { origin: server.url } })).status).toBe(200);
    });

    it('refuses oversized, non-JSON, NaN and deeply nested HTTP bodies with 4xx', async () => {
      const token = me.accessToken;
      const before = await feed(ctx.client);
      const post = (body: string, headers: Record<string, string> = {}) =>
        fetch(`${server.url}/api/transactions`, { method: 'POST', body, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers } });
      expect((await post('x'.repeat(2 * 1024 * 1024))).status).toBe(413);
      expect((await post('{"amountMinor": NaN}')).status).toBe(400);
      expect((await post(JSON.stringify({ ...sampleData(transactions, 5) }).replace('"amountMinor":', '"amountMinor":1e999,"x":'))).status).toBe(400);
      expect((await post(`{"payee":${'['.repeat(5000)}${']'.repeat(5000)}}`)).status).toBe(400);
      expect((await post('payee=x', { 'content-type': 'text/plain' })).status).toBe(400);
      expect(await feed(ctx.client)).toEqual(before);
    });
  });
});
