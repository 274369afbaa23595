import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { accounts, budgetId, budgets, transactions } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { formatHlc, SYNC_NAMESPACE, SyncLimits, type PushAck } from '@finwise/sync-protocol';
import { io } from 'socket.io-client';
import { testDatabaseKinds } from '../testing/test-database';
import {
  startTestServer,
  TEST_JWT_SECRET,
  type TestServer,
  type TestSession,
} from '../testing/test-server';
import { TestSyncClient } from '../testing/test-sync-client';
import {
  openSnapshotter,
  snapshotDelta,
  type DatabaseSnapshot,
  type Snapshotter,
} from '../testing/database-snapshot';
import { RawSocket } from '../testing/raw-socket';

/**
 * A catalogue of hostile and malformed inputs over HTTP and the socket. Every entry states the
 * exact answer (HTTP status and body, or ack code and message) and what the database looks
 * like afterwards, read past row-level security: unchanged for everything refused, exactly the
 * expected rows and counters for the few inputs that are valid (and stored verbatim).
 */
type Category =
  | 'foreign tenant'
  | 'foreign row'
  | 'prototype keys'
  | 'huge frame'
  | 'deep JSON'
  | 'numbers'
  | 'unicode'
  | 'SQL-ish'
  | 'wrong types'
  | 'HLC'
  | 'replay'
  | 'update after delete'
  | 'flood'
  | 'tokens'
  | 'missing auth'
  | 'wrong origin';

interface Context {
  server: TestServer;
  me: TestSession;
  them: TestSession;
  client: TestSyncClient;
  mine: ReturnType<typeof sampleData>;
  deleted: ReturnType<typeof sampleData>;
  theirs: ReturnType<typeof sampleData>;
}

interface Case {
  name: string;
  category: Category;
  /** Runs before the "before" snapshot, e.g. the original of a replay; its result goes to `send`. */
  prepare?(ctx: Context): Promise<unknown>;
  /** Sends the input and returns what came back, reduced to what is asserted exactly. */
  send(ctx: Context, prepared: unknown): Promise<unknown>;
  expected: unknown | ((ctx: Context, prepared: unknown) => unknown);
  /** Expected change of the database (see snapshotDelta); none when absent. */
  delta?: (ctx: Context) => Record<string, number>;
  /** For valid inputs: the stored row must hold these values. */
  stored?: Record<string, unknown>;
}

const hlcAt = (ms: number) => formatHlc({ ms, counter: 0, nodeId: 'abcdefabcdefabcd' });
const update = (
  ctx: Context,
  data: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) => ({
  mutationId: randomUUID(),
  modelName: 'transactions',
  operation: 'update',
  hlc: ctx.client.clock.tick(),
  data: { id: ctx.mine.id, ...data },
  ...extra,
});

/** One mutation over the socket; the result's status and error, and that a refusal moved no cursor. */
async function pushOne(ctx: Context, mutation: Record<string, unknown>) {
  const ack = (await ctx.client.emit('sync:push', { mutations: [mutation] })) as PushAck;
  const [result] = ack.results;
  if (result.status !== 'applied' && ack.fromCursor !== ack.cursor)
    throw new Error('a refused mutation moved the cursor');
  return result.error
    ? { status: result.status, code: result.error.code, message: result.error.message }
    : { status: result.status };
}

const INTEGER = 'must be an integer amount in minor units';
const rejected = (code: string, message: string) => ({ status: 'rejected', code, message });
const VALIDATION = (path: string, message: string) => rejected('validation', `${path} ${message}`);

/** JSON text nested `depth` arrays deep, built as text: JSON.stringify itself would overflow. */
const deepText = (depth: number) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;

const ownWrite = (table: string, rows: number) => (ctx: Context) => ({
  [`tenants[${ctx.me.tenant.id}].seq`]: 1,
  'mutation_log.rows': 1,
  'change_history.rows': 1,
  ...(rows ? { [`${table}.rows`]: rows } : {}),
});

const SOCKET_MUTATIONS: Case[] = [
  {
    name: 'a foreign tenantId in data',
    category: 'foreign tenant',
    send: (c) => pushOne(c, update(c, { tenantId: c.them.tenant.id })),
    expected: VALIDATION('data.tenantId', 'is set by the server and cannot be written'),
  },
  {
    name: 'a foreign tenantId on the envelope',
    category: 'foreign tenant',
    send: (c) => pushOne(c, update(c, { notes: 'x' }, { tenantId: c.them.tenant.id })),
    expected: rejected('validation', 'unknown mutation keys: tenantId'),
  },
  {
    name: 'a partial update of another household’s row id',
    category: 'foreign row',
    send: (c) => pushOne(c, update(c, { id: c.theirs.id, notes: 'hijack' })),
    expected: (c: Context) =>
      rejected(
        'not_found',
        `transactions ${c.theirs.id} does not exist; send a full record to create it`,
      ),
  },
  {
    name: 'a delete of another household’s row id (a tombstone in mine only)',
    category: 'foreign row',
    send: (c) => pushOne(c, { ...update(c, {}), operation: 'delete', data: { id: c.theirs.id } }),
    expected: { status: 'applied' },
    delta: ownWrite('transactions', 1),
  },
  {
    name: 'a __proto__ key in data',
    category: 'prototype keys',
    send: (c) => pushOne(c, update(c, JSON.parse('{"__proto__":{"isAdmin":true}}'))),
    expected: VALIDATION('data.__proto__', 'is not a field of this entity'),
  },
  {
    name: 'a constructor key in data',
    category: 'prototype keys',
    send: (c) => pushOne(c, update(c, { constructor: 'x' })),
    expected: VALIDATION('data.constructor', 'is not a field of this entity'),
  },
  {
    name: 'a __proto__ key on the envelope',
    category: 'prototype keys',
    send: (c) =>
      pushOne(c, { ...update(c, { notes: 'x' }), ...JSON.parse('{"__proto__":{"polluted":1}}') }),
    expected: rejected('validation', 'unknown mutation keys: __proto__'),
  },
  {
    name: 'modelName __proto__',
    category: 'prototype keys',
    send: (c) => pushOne(c, update(c, { notes: 'x' }, { modelName: '__proto__' })),
    expected: rejected('unknown_model', 'unknown modelName: __proto__'),
  },
  {
    name: 'modelName constructor',
    category: 'prototype keys',
    send: (c) => pushOne(c, update(c, { notes: 'x' }, { modelName: 'constructor' })),
    expected: rejected('unknown_model', 'unknown modelName: constructor'),
  },
  {
    name: 'a nested array as a value',
    category: 'deep JSON',
    send: (c) => pushOne(c, update(c, { notes: [[['x']]] })),
    expected: VALIDATION('data.notes', 'Invalid input: expected string, received array'),
  },
  {
    name: 'an object as amount',
    category: 'wrong types',
    send: (c) => pushOne(c, update(c, { amountMinor: { valueOf: 5 } })),
    expected: VALIDATION('data.amountMinor', INTEGER),
  },
  {
    name: 'NaN (null on the wire)',
    category: 'numbers',
    send: (c) => pushOne(c, update(c, { amountMinor: Number.NaN })),
    expected: VALIDATION('data.amountMinor', INTEGER),
  },
  {
    name: 'Infinity (null on the wire)',
    category: 'numbers',
    send: (c) => pushOne(c, update(c, { amountMinor: Number.POSITIVE_INFINITY })),
    expected: VALIDATION('data.amountMinor', INTEGER),
  },
  {
    name: '1e308',
    category: 'numbers',
    send: (c) => pushOne(c, update(c, { amountMinor: 1e308 })),
    expected: VALIDATION('data.amountMinor', `${INTEGER}; data.amountMinor ${INTEGER}`),
  },
  {
    name: '2^53',
    category: 'numbers',
    send: (c) => pushOne(c, update(c, { amountMinor: 2 ** 53 })),
    expected: VALIDATION('data.amountMinor', `${INTEGER}; data.amountMinor ${INTEGER}`),
  },
  {
    name: 'a fractional cent',
    category: 'numbers',
    send: (c) => pushOne(c, update(c, { amountMinor: 0.1 + 0.2 })),
    expected: VALIDATION('data.amountMinor', INTEGER),
  },
  {
    name: 'negative zero (stored as 0)',
    category: 'numbers',
    send: (c) => pushOne(c, update(c, { amountMinor: -0 })),
    expected: { status: 'applied' },
    delta: ownWrite('transactions', 0),
    stored: { amountMinor: 0 },
  },
  {
    name: 'a lone surrogate',
    category: 'unicode',
    send: (c) => pushOne(c, update(c, { notes: 'bad \uDC00 text' })),
    expected: VALIDATION('data.notes', 'must be well-formed Unicode'),
  },
  {
    name: 'U+0000',
    category: 'unicode',
    send: (c) => pushOne(c, update(c, { notes: 'nul\u0000byte' })),
    expected: VALIDATION('data.notes', 'must not contain U+0000'),
  },
  {
    name: 'a 201-character bank id',
    category: 'unicode',
    send: (c) => pushOne(c, update(c, { importedId: 'p'.repeat(201) })),
    expected: VALIDATION('data.importedId', 'Too big: expected string to have <=200 characters'),
  },
  {
    name: 'a 501-character note of astral characters',
    category: 'unicode',
    send: (c) => pushOne(c, update(c, { notes: '🧾'.repeat(501) })),
    expected: VALIDATION('data.notes', 'Too big: expected string to have <=500 characters'),
  },
  {
    name: 'bidi overrides, emoji and combining marks (valid text, kept verbatim)',
    category: 'unicode',
    send: (c) => pushOne(c, update(c, { notes: '\u202Egnp.exe 🧾 Cafe\u0301' })),
    expected: { status: 'applied' },
    delta: ownWrite('transactions', 0),
    stored: { notes: '\u202Egnp.exe 🧾 Cafe\u0301' },
  },
  {
    name: 'an SQL-looking note (kept verbatim)',
    category: 'SQL-ish',
    send: (c) => pushOne(c, update(c, { notes: "'); DROP TABLE transactions; --" })),
    expected: { status: 'applied' },
    delta: ownWrite('transactions', 0),
    stored: { notes: "'); DROP TABLE transactions; --" },
  },
  {
    name: 'an SQL-looking reference',
    category: 'SQL-ish',
    send: (c) => pushOne(c, update(c, { accountId: "1' OR '1'='1" })),
    expected: VALIDATION('data.accountId', 'must be a UUID'),
  },
  {
    name: 'an SQL-looking modelName',
    category: 'SQL-ish',
    send: (c) =>
      pushOne(c, update(c, { notes: 'x' }, { modelName: 'transactions; DROP TABLE tenants' })),
    expected: rejected('unknown_model', 'unknown modelName: transactions; DROP TABLE tenants'),
  },
  {
    name: 'a boolean as string',
    category: 'wrong types',
    send: (c) => pushOne(c, update(c, { cleared: 'true' })),
    expected: VALIDATION('data.cleared', 'Invalid input: expected boolean, received string'),
  },
  {
    name: 'a date as number',
    category: 'wrong types',
    send: (c) => pushOne(c, update(c, { date: 20261125 })),
    expected: VALIDATION('data.date', 'Invalid input: expected string, received number'),
  },
  {
    name: 'an id as number',
    category: 'wrong types',
    send: (c) => pushOne(c, update(c, { id: 42 })),
    expected: VALIDATION('data.id', 'Invalid input: expected string, received number'),
  },
  {
    name: 'an operation as array',
    category: 'wrong types',
    send: (c) => pushOne(c, update(c, { notes: 'x' }, { operation: ['update'] })),
    expected: rejected('validation', 'operation must be create, update or delete'),
  },
  {
    name: 'an uppercase UUID reference (normalised)',
    category: 'wrong types',
    send: (c) => pushOne(c, update(c, { categoryId: 'C3E1B2A4-5D6F-4A8B-9C0D-1E2F3A4B5C6D' })),
    expected: { status: 'applied' },
    delta: ownWrite('transactions', 0),
    stored: { categoryId: 'c3e1b2a4-5d6f-4a8b-9c0d-1e2f3a4b5c6d' },
  },
  {
    name: 'an HLC a year ahead',
    category: 'HLC',
    send: (c) =>
      pushOne(c, update(c, { notes: 'x' }, { hlc: hlcAt(Date.now() + 365 * 86_400_000) })),
    expected: rejected('clock_skew', 'hlc is more than 5 minutes ahead of the server clock'),
  },
  {
    name: 'an HLC from the year 9999',
    category: 'HLC',
    send: (c) =>
      pushOne(
        c,
        update(c, { notes: 'x' }, { hlc: '9999-12-31T23:59:59.999Z-ffff-abcdefabcdefabcd' }),
      ),
    expected: rejected('clock_skew', 'hlc is more than 5 minutes ahead of the server clock'),
  },
  {
    name: 'an HLC from 1999',
    category: 'HLC',
    send: (c) => pushOne(c, update(c, { notes: 'x' }, { hlc: hlcAt(Date.UTC(1999, 0, 1)) })),
    expected: rejected('validation', 'hlc is before 2000-01-01'),
  },
  {
    name: 'an HLC at the epoch',
    category: 'HLC',
    send: (c) => pushOne(c, update(c, { notes: 'x' }, { hlc: hlcAt(0) })),
    expected: rejected('validation', 'hlc is before 2000-01-01'),
  },
  {
    name: 'an HLC with uppercase hex',
    category: 'HLC',
    send: (c) =>
      pushOne(
        c,
        update(c, { notes: 'x' }, { hlc: '2026-01-01T00:00:00.000Z-000A-ABCDEFABCDEFABCD' }),
      ),
    expected: rejected(
      'validation',
      'hlc must look like 2026-11-25T16:40:00.000Z-0000-9f1c2a7b3d4e5f60',
    ),
  },
  {
    name: 'an HLC as number',
    category: 'HLC',
    send: (c) => pushOne(c, update(c, { notes: 'x' }, { hlc: Date.now() })),
    expected: rejected(
      'validation',
      'hlc must look like 2026-11-25T16:40:00.000Z-0000-9f1c2a7b3d4e5f60',
    ),
  },
  {
    name: 'an update after delete',
    category: 'update after delete',
    send: (c) => pushOne(c, { ...update(c, {}), data: { id: c.deleted.id, notes: 'zombie' } }),
    expected: { status: 'stale' },
    // Recorded in the row's history as a lost edit.
    delta: () => ({ 'mutation_log.rows': 1, 'change_history.rows': 1 }),
  },
  {
    name: 'a create of a deleted id',
    category: 'update after delete',
    send: (c) =>
      pushOne(c, {
        ...update(c, {}),
        operation: 'create',
        data: { ...c.deleted, notes: 'zombie' },
      }),
    expected: { status: 'stale' },
    delta: () => ({ 'mutation_log.rows': 1, 'change_history.rows': 1 }),
  },
  {
    name: 'a budget whose id is not derived from category and month',
    category: 'wrong types',
    send: (c) =>
      pushOne(c, {
        ...update(c, {}),
        modelName: 'budgets',
        operation: 'create',
        data: { ...sampleData(budgets, 1), id: randomUUID() },
      }),
    expected: VALIDATION(
      'data.id',
      'must be the UUIDv5 of "<categoryId>:<month>" in namespace 153e838f-9839-4b71-b628-026323afbf2d; categoryId and month never change',
    ),
  },
  {
    name: 'a budget delete',
    category: 'wrong types',
    send: (c) =>
      pushOne(c, {
        ...update(c, {}),
        modelName: 'budgets',
        operation: 'delete',
        data: { id: budgetId(randomUUID(), '2026-01') },
      }),
    expected: rejected('validation', 'operation budgets cannot be deleted'),
  },
];

/** A whole batch over the socket; the batch-level answer. */
const emitBatch = (ctx: Context, body: unknown) => ctx.client.emit('sync:push', body);
const batchError = (code: string, message: string) => ({ error: { code, message } });
const DEEP = 'a batch may nest JSON at most 32 levels deep';

/** Sends `payloadJson` verbatim on a fresh connection; the ack, or 'closed' when the server hung up. */
async function rawEmit(ctx: Context, event: string, payloadJson: string) {
  const socket = await RawSocket.connect(ctx.server.url, ctx.me.accessToken);
  try {
    return await socket.emitRaw(event, payloadJson, 5_000);
  } catch (error) {
    if ((error as Error).message !== 'connection closed') throw error;
    return 'closed';
  } finally {
    socket.close();
  }
}

const SOCKET_BATCHES: Case[] = [
  {
    name: '501 mutations',
    category: 'flood',
    send: (c) =>
      emitBatch(c, {
        mutations: Array.from({ length: 501 }, (_, i) =>
          c.client.mutation('accounts', 'create', sampleData(accounts, i)),
        ),
      }),
    expected: batchError('batch_too_large', 'a batch holds at most 500 mutations (got 501)'),
  },
  {
    name: 'more than 256 KB of mutations',
    category: 'huge frame',
    prepare: async (c) => ({
      mutations: Array.from({ length: 300 }, (_, i) =>
        c.client.mutation(
          'transactions',
          'create',
          sampleData(transactions, i, { notes: 'x'.repeat(500) }),
        ),
      ),
    }),
    send: (c, body) => emitBatch(c, body),
    expected: (_c: Context, body: unknown) =>
      batchError(
        'batch_too_large',
        `a batch holds at most ${SyncLimits.maxBatchBytes} bytes of JSON (got ${Buffer.byteLength(JSON.stringify(body))})`,
      ),
  },
  {
    name: 'mutations that are not a list',
    category: 'wrong types',
    send: (c) => emitBatch(c, { mutations: { 0: 'x' } }),
    expected: batchError('validation', 'push expects { mutations: [...] }'),
  },
  {
    name: 'a push that is a string',
    category: 'wrong types',
    send: (c) => emitBatch(c, 'mutations'),
    expected: batchError('validation', 'push expects { mutations: [...] }'),
  },
  {
    name: 'a push that is null',
    category: 'wrong types',
    send: (c) => emitBatch(c, null),
    expected: batchError('validation', 'push expects { mutations: [...] }'),
  },
  {
    name: 'a push of JSON nested 33 levels',
    category: 'deep JSON',
    send: (c) => rawEmit(c, 'sync:push', `{"mutations":[${deepText(31)}]}`),
    expected: batchError('validation', DEEP),
  },
  {
    name: 'a push nested exactly 32 levels (checked per mutation instead)',
    category: 'deep JSON',
    send: async (c) =>
      ((await rawEmit(c, 'sync:push', `{"mutations":[${deepText(30)}]}`)) as PushAck).results,
    expected: [
      {
        mutationId: '',
        status: 'rejected',
        error: { code: 'validation', message: 'mutation must be an object' },
      },
    ],
  },
  {
    name: 'a 300 KB push nested 150,000 levels',
    category: 'deep JSON',
    send: (c) => rawEmit(c, 'sync:push', `{"mutations":[${deepText(150_000)}]}`),
    expected: batchError('validation', DEEP),
  },
  {
    name: 'a deep mutation inside an otherwise valid batch',
    category: 'deep JSON',
    send: (c) =>
      rawEmit(
        c,
        'sync:push',
        `{"mutations":[${JSON.stringify(update(c, { notes: 'x' }))},{"mutationId":"${randomUUID()}","data":${deepText(40)}}]}`,
      ),
    expected: batchError('validation', DEEP),
  },
  {
    name: 'a frame that is not JSON',
    category: 'wrong types',
    send: (c) => rawEmit(c, 'sync:push', '{"mutations": NaN}'),
    expected: 'closed',
  },
  {
    name: 'a 10 MB frame',
    category: 'huge frame',
    send: (c) =>
      rawEmit(
        c,
        'sync:push',
        JSON.stringify({
          mutations: [
            c.client.mutation(
              'transactions',
              'create',
              sampleData(transactions, 9, { notes: 'x'.repeat(10 * 1024 * 1024) }),
            ),
          ],
        }),
      ),
    expected: 'closed',
  },
  {
    name: 'a pull with an operator object as cursor',
    category: 'wrong types',
    send: (c) => c.client.emit('sync:pull', { cursor: { $gt: '' } }),
    expected: batchError('validation', 'cursor must be null or a cursor the server returned'),
  },
  {
    name: 'a pull with an SQL-looking cursor',
    category: 'SQL-ish',
    send: (c) => c.client.emit('sync:pull', { cursor: "' OR 1=1 --" }),
    expected: batchError('validation', 'malformed cursor'),
  },
  {
    name: 'a pull with a limit as text',
    category: 'wrong types',
    send: (c) => c.client.emit('sync:pull', { cursor: null, limit: 'all' }),
    expected: batchError('validation', 'limit must be a number'),
  },
];

const REPLAYS: Case[] = [
  {
    name: 'a replayed mutation id with a different body',
    category: 'replay',
    prepare: (c) => pushAndKeep(c),
    send: (c, original) =>
      pushOne(c, {
        ...(original as object),
        data: { id: c.mine.id, notes: 'tampered', amountMinor: 1 },
      }),
    expected: (_c: Context, original: unknown) => replayRefusal(original as { mutationId: string }),
  },
  {
    name: 'a replayed mutation id with a later HLC',
    category: 'replay',
    prepare: (c) => pushAndKeep(c),
    send: (c, original) => pushOne(c, { ...(original as object), hlc: c.client.clock.tick() }),
    expected: (_c: Context, original: unknown) => replayRefusal(original as { mutationId: string }),
  },
  {
    name: 'an exact replay (harmless: stale, nothing written)',
    category: 'replay',
    prepare: (c) => pushAndKeep(c),
    send: (c, original) => pushOne(c, original as Record<string, unknown>),
    expected: { status: 'stale' },
  },
];

/** Applies an update and returns it, for the replays. */
async function pushAndKeep(ctx: Context) {
  const original = update(ctx, { notes: `original ${randomUUID()}` });
  const result = await pushOne(ctx, original);
  if (result.status !== 'applied')
    throw new Error(`the original was not applied: ${JSON.stringify(result)}`);
  return original;
}
const replayRefusal = (mutation: { mutationId: string }) =>
  rejected(
    'validation',
    `mutationId ${mutation.mutationId} was already used for a different mutation`,
  );

interface HttpOptions {
  token?: string | null;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

/** One HTTP request as `me` (unless told otherwise); status and parsed body. */
async function http(ctx: Context, method: string, path: string, options: HttpOptions = {}) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...options.headers,
  };
  const token = options.token === undefined ? ctx.me.accessToken : options.token;
  if (token) headers['authorization'] = `Bearer ${token}`;
  const body =
    options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await fetch(`${ctx.server.url}/api${path}`, { method, headers, body });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  // Validation details repeat the message issue by issue; the message is what is asserted.
  if (Array.isArray(parsed?.details)) delete parsed.details;
  return { status: response.status, body: parsed };
}

const httpError = (statusCode: number, error: string, message: string, details?: unknown) => ({
  status: statusCode,
  body:
    details === undefined
      ? { statusCode, error, message }
      : { statusCode, error, message, details },
});
const MISSING_FIELDS_AND_DEEP_PAYEE = [
  'data.accountId Invalid input: expected string, received undefined',
  'data.date Invalid input: expected string, received undefined',
  `data.amountMinor ${INTEGER}`,
  'data.notes Invalid input: expected string, received array',
  'data.cleared Invalid input: expected boolean, received undefined',
  'data.reconciled Invalid input: expected boolean, received undefined',
].join('; ');
const BAD = (message: string, details?: unknown) => httpError(400, 'Bad Request', message, details);
const pushBody = (ctx: Context) => ({
  mutations: [ctx.client.mutation('accounts', 'create', sampleData(accounts, 7))],
});

const HTTP_CASES: Case[] = [
  {
    name: 'POST /sync/push nested 150,000 levels (300 KB)',
    category: 'deep JSON',
    send: (c) => http(c, 'POST', '/sync/push', { raw: `{"mutations":[${deepText(150_000)}]}` }),
    expected: BAD(DEEP, { code: 'validation' }),
  },
  {
    name: 'POST /transactions with a value nested 150,000 levels',
    category: 'deep JSON',
    send: (c) =>
      http(c, 'POST', '/transactions', {
        raw: `{"id":"${randomUUID()}","notes":${deepText(150_000)}}`,
      }),
    expected: BAD(MISSING_FIELDS_AND_DEEP_PAYEE),
  },
  {
    name: 'PATCH /transactions/:id with a value nested 40 levels',
    category: 'deep JSON',
    send: (c) =>
      http(c, 'PATCH', `/transactions/${c.mine.id}`, { raw: `{"notes":${deepText(40)}}` }),
    expected: BAD('data.notes Invalid input: expected string, received array'),
  },
  {
    name: 'POST /sync/push of 10 MB',
    category: 'huge frame',
    send: (c) =>
      http(c, 'POST', '/sync/push', {
        raw: JSON.stringify({ mutations: [], pad: 'x'.repeat(10 * 1024 * 1024) }),
      }),
    expected: httpError(413, 'Payload Too Large', 'request body is too large'),
  },
  {
    name: 'POST /transactions of 2 MB',
    category: 'huge frame',
    send: (c) =>
      http(c, 'POST', '/transactions', {
        raw: JSON.stringify({ ...sampleData(transactions, 5), notes: 'x'.repeat(2 * 1024 * 1024) }),
      }),
    expected: httpError(413, 'Payload Too Large', 'request body is too large'),
  },
  {
    name: 'POST /transactions with a NaN literal',
    category: 'numbers',
    send: (c) => http(c, 'POST', '/transactions', { raw: '{"amountMinor": NaN}' }),
    expected: BAD('request body is not valid JSON'),
  },
  {
    name: 'POST /transactions with 1e999 (Infinity once parsed)',
    category: 'numbers',
    send: (c) =>
      http(c, 'POST', '/transactions', {
        raw: JSON.stringify(sampleData(transactions, 5)).replace(
          /"amountMinor":-?\d+/,
          '"amountMinor":1e999',
        ),
      }),
    expected: BAD(`data.amountMinor ${INTEGER}`),
  },
  {
    name: 'POST /transactions with -1e16',
    category: 'numbers',
    send: (c) =>
      http(c, 'POST', '/transactions', {
        body: { ...sampleData(transactions, 5), amountMinor: -1e16 },
      }),
    expected: BAD(`data.amountMinor ${INTEGER}; data.amountMinor ${INTEGER}`),
  },
  {
    name: 'POST /transactions with a lone surrogate escape',
    category: 'unicode',
    send: (c) =>
      http(c, 'POST', '/transactions', {
        raw: JSON.stringify(sampleData(transactions, 5)).replace(
          /"notes":"[^"]*"/,
          '"notes":"\\udc00"',
        ),
      }),
    expected: BAD('data.notes must be well-formed Unicode'),
  },
  {
    name: 'POST /transactions with a foreign tenantId',
    category: 'foreign tenant',
    send: (c) =>
      http(c, 'POST', '/transactions', {
        body: { ...sampleData(transactions, 5), tenantId: c.them.tenant.id },
      }),
    expected: BAD('data.tenantId is set by the server and cannot be written'),
  },
  {
    name: 'POST /transactions with a __proto__ key',
    category: 'prototype keys',
    send: (c) =>
      http(c, 'POST', '/transactions', {
        raw: JSON.stringify(sampleData(transactions, 5)).replace(
          /^\{/,
          '{"__proto__":{"isAdmin":true},',
        ),
      }),
    expected: BAD('data.__proto__ is not a field of this entity'),
  },
  {
    name: 'POST /tenants/:id/invites for another household',
    category: 'foreign tenant',
    send: (c) => http(c, 'POST', `/tenants/${c.them.tenant.id}/invites`),
    expected: httpError(403, 'Forbidden', 'You can only invite members to your current household'),
  },
  {
    name: 'PATCH another household’s row',
    category: 'foreign row',
    send: (c) => http(c, 'PATCH', `/transactions/${c.theirs.id}`, { body: { notes: 'hijack' } }),
    expected: (c: Context) => httpError(404, 'Not Found', `Transaction ${c.theirs.id} not found`),
  },
  {
    name: 'DELETE another household’s row',
    category: 'foreign row',
    send: (c) => http(c, 'DELETE', `/transactions/${c.theirs.id}`),
    expected: (c: Context) => httpError(404, 'Not Found', `Transaction ${c.theirs.id} not found`),
  },
  {
    name: 'GET another household’s row',
    category: 'foreign row',
    send: (c) => http(c, 'GET', `/transactions/${c.theirs.id}`),
    expected: (c: Context) => httpError(404, 'Not Found', `Transaction ${c.theirs.id} not found`),
  },
  {
    name: 'GET the history of another household’s row',
    category: 'foreign row',
    // A row of theirs of its own: an earlier entry leaves a tombstone of `theirs.id` in mine.
    prepare: async (c) => {
      const row = sampleData(transactions, 11);
      const made = await http(c, 'POST', '/transactions', { token: c.them.accessToken, body: row });
      if (made.status !== 201) throw new Error(`their row was not created: ${made.status}`);
      return row.id;
    },
    send: (c, id) => http(c, 'GET', `/transactions/${id}/history`),
    expected: (_c: Context, id: unknown) =>
      httpError(404, 'Not Found', `Transaction ${id} not found`),
  },
  {
    name: 'GET a history with an SQL-looking id',
    category: 'SQL-ish',
    send: (c) => http(c, 'GET', `/transactions/${encodeURIComponent("' OR 1=1 --")}/history`),
    expected: httpError(404, 'Not Found', "Transaction ' OR 1=1 -- not found"),
  },
  {
    name: 'GET a history with an SQL-looking limit',
    category: 'SQL-ish',
    send: (c) =>
      http(c, 'GET', `/transactions/${c.mine.id}/history?limit=${encodeURIComponent('1; --')}`),
    expected: BAD('limit must be an integer between 1 and 500'),
  },
  {
    name: 'GET a history with limit 501, 0 and 1e2',
    category: 'numbers',
    send: async (c) =>
      Promise.all(
        ['501', '0', '1e2', '2.5'].map((limit) =>
          http(c, 'GET', `/transactions/${c.mine.id}/history?limit=${limit}`),
        ),
      ),
    expected: Array(4).fill(BAD('limit must be an integer between 1 and 500')),
  },
  {
    name: 'GET a history with the limit given twice',
    category: 'wrong types',
    send: (c) => http(c, 'GET', `/transactions/${c.mine.id}/history?limit=1&limit=2`),
    expected: BAD('limit must be an integer between 1 and 500'),
  },
  {
    name: 'PATCH after DELETE',
    category: 'update after delete',
    send: (c) => http(c, 'PATCH', `/transactions/${c.deleted.id}`, { body: { notes: 'zombie' } }),
    expected: (c: Context) => httpError(404, 'Not Found', `Transaction ${c.deleted.id} not found`),
  },
  {
    name: 'GET /transactions with an SQL-looking after',
    category: 'SQL-ish',
    send: (c) => http(c, 'GET', `/transactions?after=${encodeURIComponent("' OR 1=1 --")}`),
    expected: BAD('after must be the `next` value of the previous page'),
  },
  {
    name: 'GET /sync/pull with an SQL-looking cursor',
    category: 'SQL-ish',
    send: (c) => http(c, 'GET', `/sync/pull?cursor=${encodeURIComponent("c1' OR '1'='1")}`),
    expected: BAD('malformed cursor', { code: 'validation' }),
  },
  {
    name: 'POST /transactions as text/plain',
    category: 'wrong types',
    send: (c) =>
      http(c, 'POST', '/transactions', {
        raw: 'notes=x',
        headers: { 'content-type': 'text/plain' },
      }),
    expected: BAD('body must be a JSON object'),
  },
  {
    name: 'POST /transactions with an array body',
    category: 'wrong types',
    send: (c) => http(c, 'POST', '/transactions', { body: [sampleData(transactions, 5)] }),
    expected: BAD('body must be a JSON object'),
  },
  {
    name: 'POST /sync/push with mutations as a string',
    category: 'wrong types',
    send: (c) => http(c, 'POST', '/sync/push', { body: { mutations: 'all' } }),
    expected: BAD('push expects { mutations: [...] }', { code: 'validation' }),
  },
];

/** Claims for `me`, to be signed in various wrong ways. */
const claims = (ctx: Context) => ({ sub: ctx.me.user.id, tid: ctx.me.tenant.id, typ: 'access' });
const TOKENS: [name: string, token: (ctx: Context) => unknown][] = [
  [
    'an expired token',
    (c) =>
      new JwtService().sign(
        { ...claims(c), exp: Math.floor(Date.now() / 1000) - 1 },
        { secret: TEST_JWT_SECRET },
      ),
  ],
  [
    'a token signed with another secret',
    (c) => new JwtService().sign(claims(c), { secret: 'x'.repeat(40), expiresIn: 60 }),
  ],
  [
    'an alg:none token',
    (c) =>
      `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims(c), exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url')}.`,
  ],
  [
    'an HS512 token (algorithm not accepted)',
    (c) =>
      new JwtService().sign(claims(c), {
        secret: TEST_JWT_SECRET,
        algorithm: 'HS512',
        expiresIn: 60,
      }),
  ],
  [
    'a token of the wrong type',
    (c) =>
      new JwtService().sign(
        { ...claims(c), typ: 'refresh' },
        { secret: TEST_JWT_SECRET, expiresIn: 60 },
      ),
  ],
  ['a refresh token used as access token', (c) => c.me.refreshToken],
  ['garbage', () => 'garbage'],
];

describe.each(testDatabaseKinds())('hostile input catalogue on %s', (kind) => {
  const ctx = {} as Context;
  let theirClient: TestSyncClient;
  let snapshots: Snapshotter;

  beforeAll(async () => {
    const server = await startTestServer(kind);
    const me = await server.signup();
    const them = await server.signup();
    const client = await TestSyncClient.connected(server.url, me.accessToken);
    theirClient = await TestSyncClient.connected(server.url, them.accessToken);
    const mine = sampleData(transactions, 1);
    const deleted = sampleData(transactions, 2);
    const theirs = sampleData(transactions, 3);
    await client.push([
      client.mutation('transactions', 'create', mine),
      client.mutation('transactions', 'create', deleted),
    ]);
    await client.push([client.mutation('transactions', 'delete', { id: deleted.id })]);
    await theirClient.push([theirClient.mutation('transactions', 'create', theirs)]);
    Object.assign(ctx, { server, me, them, client, mine, deleted, theirs });
    snapshots = await openSnapshotter(server);
  });
  afterAll(async () => {
    ctx.client?.disconnect();
    theirClient?.disconnect();
    await snapshots?.close();
    await ctx.server?.stop();
  });

  /** Runs one entry: the exact answer, then the exact state of the whole database. */
  async function check(entry: Case) {
    const prepared = await entry.prepare?.(ctx);
    const before = await snapshots.take();
    const observed = await entry.send(ctx, prepared);
    const expected =
      typeof entry.expected === 'function'
        ? (entry.expected as (c: Context, p: unknown) => unknown)(ctx, prepared)
        : entry.expected;
    expect(observed).toEqual(expected);
    const after = await snapshots.take();
    if (!entry.delta) {
      expect(after).toEqual(before);
      return;
    }
    expect(snapshotDelta(before, after)).toEqual(entry.delta(ctx));
    expectUntouched(before, after, ctx.them.tenant.id);
    if (entry.stored) {
      const row = await ctx.server.request('GET', `/transactions/${ctx.mine.id}`, {
        token: ctx.me.accessToken,
      });
      expect(row.body).toMatchObject(entry.stored);
    }
  }

  /** Another household's counter is the witness that none of its rows changed. */
  function expectUntouched(before: DatabaseSnapshot, after: DatabaseSnapshot, tenantId: string) {
    expect(after.tenants[tenantId]).toEqual(before.tenants[tenantId]);
    expect(after.accounts).toEqual(before.accounts);
  }

  it.each(SOCKET_MUTATIONS.map((c) => [`${c.category}: ${c.name}`, c] as const))(
    'socket mutation, %s',
    async (_name, entry) => {
      await check(entry);
    },
  );

  it.each(SOCKET_BATCHES.map((c) => [`${c.category}: ${c.name}`, c] as const))(
    'socket batch, %s',
    async (_name, entry) => {
      await check(entry);
    },
  );

  it.each(REPLAYS.map((c) => [`${c.category}: ${c.name}`, c] as const))(
    'socket, %s',
    async (_name, entry) => {
      await check(entry);
    },
  );

  it.each(HTTP_CASES.map((c) => [`${c.category}: ${c.name}`, c] as const))(
    'HTTP, %s',
    async (_name, entry) => {
      await check(entry);
    },
  );

  describe('authentication and origin', () => {
    const handshake = (auth: Record<string, unknown>, headers: Record<string, string> = {}) =>
      new Promise<string>((resolve) => {
        const socket = io(ctx.server.url + SYNC_NAMESPACE, {
          auth,
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          extraHeaders: headers,
        });
        socket.once('connect', () => {
          socket.disconnect();
          resolve('connected');
        });
        socket.once('connect_error', (error) => {
          socket.disconnect();
          resolve(error.message);
        });
      });

    it.each(TOKENS)(
      'tokens: %s is refused on the handshake and on an HTTP write',
      async (_name, makeToken) => {
        const token = makeToken(ctx);
        await check({
          name: 'token',
          category: 'tokens',
          send: async (c) => ({
            handshake: await handshake({ token }),
            push: await http(c, 'POST', '/sync/push', { token: String(token), body: pushBody(c) }),
            rest: await http(c, 'POST', '/accounts', {
              token: String(token),
              body: sampleData(accounts, 8),
            }),
          }),
          expected: {
            handshake: 'unauthorized',
            push: httpError(401, 'Unauthorized', 'Invalid or expired token'),
            rest: httpError(401, 'Unauthorized', 'Invalid or expired token'),
          },
        });
      },
    );

    it.each([
      ['no token at all', {}],
      ['a number as token', { token: 42 }],
      ['an empty token', { token: '' }],
    ])('missing auth: %s is refused on the handshake', async (_name, auth) => {
      await check({
        name: 'handshake',
        category: 'missing auth',
        send: () => handshake(auth),
        expected: 'unauthorized',
      });
    });

    it('missing auth: an HTTP write without Authorization, or with another scheme, is refused', async () => {
      await check({
        name: 'no bearer',
        category: 'missing auth',
        send: async (c) => ({
          none: await http(c, 'POST', '/sync/push', { token: null, body: pushBody(c) }),
          basic: await http(c, 'POST', '/transactions', {
            token: null,
            headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
            body: sampleData(transactions, 5),
          }),
        }),
        expected: {
          none: httpError(401, 'Unauthorized', 'Missing bearer token'),
          basic: httpError(401, 'Unauthorized', 'Missing bearer token'),
        },
      });
    });

    it('foreign tenant: a valid token for a household that does not exist is forbidden everywhere', async () => {
      const ghost = new JwtService().sign(
        { sub: ctx.me.user.id, tid: randomUUID(), typ: 'access' },
        { secret: TEST_JWT_SECRET, expiresIn: 60 },
      );
      const notMember = 'You are not a member of this household';
      await check({
        name: 'ghost',
        category: 'foreign tenant',
        send: async (c) => ({
          handshake: await handshake({ token: ghost }),
          httpPush: await http(c, 'POST', '/sync/push', { token: ghost, body: pushBody(c) }),
          rest: await http(c, 'POST', '/accounts', {
            token: ghost,
            body: sampleData(accounts, 2),
          }),
        }),
        expected: {
          handshake: 'forbidden',
          httpPush: httpError(403, 'Forbidden', notMember, { code: 'forbidden' }),
          rest: httpError(403, 'Forbidden', notMember, { code: 'forbidden' }),
        },
      });
    });

    it('wrong origin: writes and handshakes from a foreign browser origin are refused', async () => {
      const evil = { origin: 'https://evil.example' };
      await check({
        name: 'origin',
        category: 'wrong origin',
        send: async (c) => ({
          handshake: await handshake({ token: c.me.accessToken }, evil),
          push: await http(c, 'POST', '/sync/push', { headers: evil, body: pushBody(c) }),
          patch: await http(c, 'PATCH', `/transactions/${c.mine.id}`, {
            headers: evil,
            body: { notes: 'csrf' },
          }),
          remove: await http(c, 'DELETE', `/transactions/${c.mine.id}`, { headers: evil }),
          login: await http(c, 'POST', '/auth/login', {
            token: null,
            headers: evil,
            body: { email: c.me.user.email, password: 'correct horse battery' },
          }),
        }),
        expected: {
          handshake: 'websocket error',
          push: httpError(403, 'Forbidden', 'origin not allowed'),
          patch: httpError(403, 'Forbidden', 'origin not allowed'),
          remove: httpError(403, 'Forbidden', 'origin not allowed'),
          login: httpError(403, 'Forbidden', 'origin not allowed'),
        },
      });
      // The same request from the app's own origin goes through.
      expect(
        (await http(ctx, 'GET', '/transactions', { headers: { origin: ctx.server.url } })).status,
      ).toBe(200);
    });
  });
});

describe(`floods on ${testDatabaseKinds()[0]}`, () => {
  const LIMITS = { httpPerMinute: 30, authPerMinute: 5, socketPerSecond: 10, tenantPerSecond: 15 };
  const ctx = {} as Context;
  let snapshots: Snapshotter;
  let address = 0;
  const from = () => ({ 'x-forwarded-for': `10.77.0.${++address}` });

  beforeAll(async () => {
    const server = await startTestServer(testDatabaseKinds()[0], { rateLimits: LIMITS });
    const signup = async () => {
      const response = await server.request('POST', '/auth/signup', {
        body: { email: `flood-${randomUUID()}@example.com`, password: 'correct horse battery' },
        headers: from(),
      });
      return response.body as TestSession;
    };
    const me = await signup();
    Object.assign(ctx, {
      server,
      me,
      them: await signup(),
      client: await TestSyncClient.connected(server.url, me.accessToken),
    });
    snapshots = await openSnapshotter(server);
  });
  afterAll(async () => {
    ctx.client?.disconnect();
    await snapshots?.close();
    await ctx.server?.stop();
  });

  /** What the accepted writes of a flood must have done, and nothing else. */
  const acceptedOnly = (accepted: number) =>
    accepted === 0
      ? {}
      : {
          [`tenants[${ctx.me.tenant.id}].seq`]: accepted,
          'accounts.rows': accepted,
          'mutation_log.rows': accepted,
          'change_history.rows': accepted,
        };

  it('flood: a socket flood of pushes is answered with rate_limited and writes only what was acknowledged', async () => {
    const before = await snapshots.take();
    const acks = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        ctx.client.push([ctx.client.mutation('accounts', 'create', sampleData(accounts, i))]),
      ),
    );
    const refused = acks.filter((a) => !('results' in a));
    expect(refused.length).toBeGreaterThanOrEqual(25);
    for (const ack of refused) {
      expect(ack).toEqual({
        error: {
          code: 'rate_limited',
          message: 'too many requests; retry later',
          details: { retryAfterMs: expect.any(Number) },
        },
      });
    }
    const accepted = acks.filter((a) => 'results' in a && a.results[0].status === 'applied').length;
    expect(accepted).toBe(40 - refused.length);
    expect(snapshotDelta(before, await snapshots.take())).toEqual(acceptedOnly(accepted));
  });

  it('flood: an HTTP flood of pushes gets 429 with the standard body and writes only what was acknowledged', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const before = await snapshots.take();
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        http(ctx, 'POST', '/sync/push', {
          headers: from(),
          body: {
            mutations: [ctx.client.mutation('accounts', 'create', sampleData(accounts, 100 + i))],
          },
        }),
      ),
    );
    const refused = responses.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(10);
    for (const response of refused) {
      expect(response).toEqual(
        httpError(429, 'Too Many Requests', 'too many writes for this household; retry later', {
          code: 'rate_limited',
          retryAfterMs: expect.any(Number),
        }),
      );
    }
    const accepted = responses.filter((r) => r.status === 200).length;
    expect(accepted).toBe(40 - refused.length);
    expect(snapshotDelta(before, await snapshots.take())).toEqual(acceptedOnly(accepted));
  });

  it('flood: requests from one address beyond its per-minute budget get 429 and change nothing', async () => {
    const before = await snapshots.take();
    const address = from();
    const responses = await Promise.all(
      Array.from({ length: 35 }, () =>
        http(ctx, 'POST', '/sync/push', {
          token: 'not-a-token',
          headers: address,
          body: { mutations: [] },
        }),
      ),
    );
    expect(responses.filter((r) => r.status === 401)).toHaveLength(30);
    for (const response of responses.filter((r) => r.status !== 401)) {
      expect(response).toEqual(
        httpError(429, 'Too Many Requests', 'too many requests; slow down and retry later'),
      );
    }
    expect(await snapshots.take()).toEqual(before);
  });

  it('flood: password guesses against one account from many addresses get 429 and change nothing', async () => {
    const before = await snapshots.take();
    const statuses: unknown[] = [];
    // From all addresses together an account takes ten times the per-address budget of failures.
    for (let i = 0; i < 52; i++) {
      statuses.push(
        await http(ctx, 'POST', '/auth/login', {
          token: null,
          headers: from(),
          body: { email: ctx.them.user.email, password: `guess ${i}` },
        }),
      );
    }
    expect(statuses.slice(0, 50)).toEqual(
      Array(50).fill(httpError(401, 'Unauthorized', 'Invalid email or password')),
    );
    expect(statuses.slice(50)).toEqual(
      Array(2).fill(
        httpError(
          429,
          'Too Many Requests',
          'too many failed sign-ins for this account; retry later',
          { code: 'rate_limited', retryAfterMs: expect.any(Number) },
        ),
      ),
    );
    expect(await snapshots.take()).toEqual(before);
  });
});
