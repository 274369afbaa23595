import { SYNCED_ENTITIES, type SyncedEntityDefinition } from '@finwise/domain';
import { mutableFields, sampleData, sampleValue } from '@finwise/domain/testing';
import {
  formatHlc,
  isErrorAck,
  sameRecord,
  type PullPage,
  type PushAck,
  type PushResponse,
} from '@finwise/sync-protocol';
import { testDatabaseKinds } from '../../testing/test-database';
import { startTestServer, type TestServer, type TestSession } from '../../testing/test-server';
import { TestSyncClient } from '../../testing/test-sync-client';

function ack(response: PushResponse): PushAck {
  if (isErrorAck(response))
    throw new Error(`push refused: ${response.error.code} ${response.error.message}`);
  return response;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

/**
 * The generic scenarios create many rows with free ids, change any field and delete. Entities
 * whose own rules forbid that — one settings row per household, one budget month per month
 * with a held amount never below zero, insert-only moves and reconciliations — are proven by
 * their own specs (ledger-rules.*.integration.spec.ts) and left out here.
 */
const RULE_BOUND = new Set(['settings', 'budget_months']);
const GENERIC_ENTITIES = SYNCED_ENTITIES.filter(
  (entity) => !entity.insertOnly && !RULE_BOUND.has(entity.modelName),
);

describe.each(testDatabaseKinds())('sync protocol on %s', (kind) => {
  let server: TestServer;
  let session: TestSession;
  let a: TestSyncClient;
  let b: TestSyncClient;

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => {
    await server?.stop();
  });

  beforeEach(async () => {
    session = await server.signup();
    a = await TestSyncClient.connected(server.url, session.accessToken);
    b = await TestSyncClient.connected(server.url, session.accessToken);
    await a.catchUp();
    await b.catchUp();
  });
  afterEach(() => {
    a.disconnect();
    b.disconnect();
  });

  describe.each(GENERIC_ENTITIES.map((entity) => [entity.modelName, entity] as const))(
    '%s',
    (modelName, entity: SyncedEntityDefinition) => {
      const [firstField, secondField] = mutableFields(entity);

      it('an online create, update and delete reach the other client of the tenant and not the sender', async () => {
        const data = sampleData(entity, 1);
        const created = ack(await a.push([a.mutation(modelName, 'create', data)]));
        expect(created.results[0]).toMatchObject({
          status: 'applied',
          record: { id: data.id, deletedAt: null },
        });
        await b.waitFor(() => b.row(modelName, data.id) !== undefined, 5000, 'the create on B');
        expect(b.row(modelName, data.id)).toMatchObject({ ...data, tenantId: session.tenant.id });

        const change = { id: data.id, [firstField.name]: sampleValue(firstField, 2) };
        if (sampleValue(firstField, 2) === data[firstField.name])
          change[firstField.name] = sampleValue(firstField, 3);
        ack(await a.push([a.mutation(modelName, 'update', change)]));
        await b.waitFor(
          () => b.row(modelName, data.id)?.[firstField.name] === change[firstField.name],
          5000,
          'the update on B',
        );

        const deletion = ack(await a.push([a.mutation(modelName, 'delete', { id: data.id })]));
        if (entity.deletable) {
          expect(deletion.results[0].status).toBe('applied');
          await b.waitFor(
            () => b.row(modelName, data.id)?.deletedAt != null,
            5000,
            'the delete on B',
          );
        } else {
          expect(deletion.results[0]).toMatchObject({
            status: 'rejected',
            error: { code: 'validation' },
          });
        }
        await settle();
        // The sender learns its own results from acks, never from a broadcast.
        expect(a.broadcasts).toHaveLength(0);
        expect(b.broadcasts.length).toBe(entity.deletable ? 3 : 2);
        expect(sameRecord(a.row(modelName, data.id), b.row(modelName, data.id))).toBe(true);
      });

      it('offline edits queued on a client arrive when it reconnects', async () => {
        a.disconnect();
        const rows = [sampleData(entity, 10), sampleData(entity, 11), sampleData(entity, 12)];
        a.outbox.push(...rows.map((row) => a.mutation(modelName, 'create', row)));
        a.outbox.push(
          a.mutation(modelName, 'update', {
            id: rows[0].id,
            [firstField.name]: sampleValue(firstField, 99),
          }),
        );
        if (entity.deletable) a.outbox.push(a.mutation(modelName, 'delete', { id: rows[1].id }));
        await a.connect();
        const result = ack(await a.flush());
        expect(result.results.every((r) => r.status === 'applied')).toBe(true);
        await b.waitFor(
          () => rows.every((row) => b.row(modelName, row.id)),
          5000,
          'offline rows on B',
        );
        expect(b.row(modelName, rows[0].id)?.[firstField.name]).toEqual(
          sampleValue(firstField, 99),
        );
        if (entity.deletable) expect(b.row(modelName, rows[1].id)?.deletedAt).not.toBeNull();
        const fresh = await TestSyncClient.connected(server.url, session.accessToken);
        await fresh.catchUp();
        for (const row of rows)
          expect(sameRecord(fresh.row(modelName, row.id), b.row(modelName, row.id))).toBe(true);
        fresh.disconnect();
      });

      it('conflicting offline edits resolve per field: different fields both kept, the same field by the higher HLC', async () => {
        const base = sampleData(entity, 20);
        ack(await a.push([a.mutation(modelName, 'create', base)]));
        await b.waitFor(() => b.row(modelName, base.id) !== undefined, 5000, 'the base row on B');
        a.disconnect();
        b.disconnect();

        const later = Date.now() + 1000;
        const earlier = Date.now() + 500;
        const hlc = (ms: number, node: string) =>
          formatHlc({ ms, counter: 0, nodeId: node.repeat(16) });
        // Same field on both: B's HLC is higher and must win even though A pushes last.
        const sameA = sampleValue(firstField, 31);
        let sameB = sampleValue(firstField, 32);
        if (sameB === sameA) sameB = sampleValue(firstField, 33);
        const aEdits = { id: base.id, [firstField.name]: sameA } as Record<string, unknown> & {
          id: string;
        };
        const bEdits = { id: base.id, [firstField.name]: sameB } as Record<string, unknown> & {
          id: string;
        };
        if (secondField) aEdits[secondField.name] = sampleValue(secondField, 41);
        const thirdField = mutableFields(entity)[2];
        if (thirdField) bEdits[thirdField.name] = sampleValue(thirdField, 51);

        await b.connect();
        ack(await b.push([b.mutation(modelName, 'update', bEdits, hlc(later, 'b'))]));
        await a.connect();
        const aResult = ack(
          await a.push([a.mutation(modelName, 'update', aEdits, hlc(earlier, 'a'))]),
        );
        expect(aResult.results[0].status).toBe(secondField ? 'applied' : 'stale');

        await a.catchUp();
        await b.catchUp();
        const expected: Record<string, unknown> = { [firstField.name]: sameB };
        if (secondField) expected[secondField.name] = sampleValue(secondField, 41);
        if (thirdField) expected[thirdField.name] = sampleValue(thirdField, 51);
        const fromServer = await server.request('GET', `/${modelName}/${base.id}`, {
          token: session.accessToken,
        });
        expect(fromServer.body).toMatchObject(expected);
        expect(a.row(modelName, base.id)).toMatchObject(expected);
        expect(sameRecord(a.row(modelName, base.id), b.row(modelName, base.id))).toBe(true);
        expect(sameRecord(a.row(modelName, base.id), fromServer.body)).toBe(true);
      });

      it('a new client loads every row through paged pulls, with the total on the first page', async () => {
        const rows = Array.from({ length: 23 }, (_, i) => sampleData(entity, 100 + i));
        ack(await a.push(rows.map((row) => a.mutation(modelName, 'create', row))));
        const fresh = await TestSyncClient.connected(server.url, session.accessToken);
        const pages = await fresh.catchUp(10);
        expect(pages.map((p) => p.changes.length)).toEqual([10, 10, 3]);
        expect(pages[0].total).toBe(23);
        expect(pages.at(-1)!.hasMore).toBe(false);
        for (const row of rows) expect(fresh.row(modelName, row.id)).toMatchObject(row);
        fresh.disconnect();
      });

      it('a client reconnecting with its cursor receives only what it missed', async () => {
        const seen = sampleData(entity, 200);
        ack(await a.push([a.mutation(modelName, 'create', seen)]));
        await b.waitFor(() => b.row(modelName, seen.id) !== undefined, 5000, 'the first row on B');
        const cursor = b.cursor;
        b.disconnect();
        const missed = sampleData(entity, 201);
        ack(await a.push([a.mutation(modelName, 'create', missed)]));
        const change = { id: seen.id, [firstField.name]: sampleValue(firstField, 202) };
        if (change[firstField.name] === seen[firstField.name])
          change[firstField.name] = sampleValue(firstField, 203);
        ack(await a.push([a.mutation(modelName, 'update', change)]));
        await b.connect();
        const page = (await b.pull(cursor)) as PullPage;
        expect(page.changes.map((c) => c.record.id).sort()).toEqual([seen.id, missed.id].sort());
        expect(page.changes.find((c) => c.record.id === seen.id)?.record[firstField.name]).toEqual(
          change[firstField.name],
        );
        expect(page.hasMore).toBe(false);
      });
    },
  );

  it('gives a new client everything through paged pulls, with the total on the first page', async () => {
    const entity = SYNCED_ENTITIES.find((e) => e.modelName === 'transactions')!;
    const rows = Array.from({ length: 1203 }, (_, i) => sampleData(entity, i));
    // Full transaction rows are ~600 bytes: 300 stay under the 256 KB batch limit.
    for (let i = 0; i < rows.length; i += 300) {
      ack(
        await a.push(
          rows.slice(i, i + 300).map((row) => a.mutation('transactions', 'create', row)),
        ),
      );
    }
    ack(await a.push([a.mutation('transactions', 'delete', { id: rows[0].id })]));
    const fresh = await TestSyncClient.connected(server.url, session.accessToken);
    const pages = await fresh.catchUp(250);
    expect(pages[0].total).toBe(1203);
    expect(pages.slice(1).every((p) => p.total === undefined)).toBe(true);
    expect(pages.map((p) => p.changes.length)).toEqual([250, 250, 250, 250, 203]);
    expect(pages.at(-1)!.hasMore).toBe(false);
    const ids = pages.flatMap((p) => p.changes.map((c) => c.record.id));
    expect(new Set(ids).size).toBe(1203);
    expect(fresh.row('transactions', rows[0].id)?.deletedAt).not.toBeNull();
    expect(fresh.row('transactions', rows[1202].id)).toMatchObject(rows[1202]);
    const empty = (await fresh.pull(fresh.cursor)) as PullPage;
    expect(empty).toEqual({
      changes: [],
      cursor: fresh.cursor,
      hasMore: false,
      serverTime: expect.any(String),
    });
    fresh.disconnect();
  });

  it('a client reconnecting with its cursor receives only what it missed', async () => {
    const accounts = SYNCED_ENTITIES.find((e) => e.modelName === 'accounts')!;
    const before = sampleData(accounts, 1);
    ack(await a.push([a.mutation('accounts', 'create', before)]));
    await b.waitFor(() => b.row('accounts', before.id) !== undefined, 5000, 'first row on B');
    const cursor = b.cursor;
    b.disconnect();
    const missed = [sampleData(accounts, 2), sampleData(accounts, 3)];
    ack(await a.push(missed.map((row) => a.mutation('accounts', 'create', row))));
    ack(await a.push([a.mutation('accounts', 'update', { id: before.id, name: 'renamed' })]));
    await b.connect();
    const page = (await b.pull(cursor)) as PullPage;
    expect(page.changes.map((c) => c.record.id).sort()).toEqual(
      [before.id, ...missed.map((m) => m.id)].sort(),
    );
    expect(page.total).toBeUndefined();
    expect(page.changes.find((c) => c.record.id === before.id)?.record['name']).toBe('renamed');
  });

  it("every ack and pull page carries the server's time, for the clients' clock offset", async () => {
    const groups = SYNCED_ENTITIES.find((e) => e.modelName === 'account_groups')!;
    const near = (serverTime: string, before: number) => {
      const ms = Date.parse(serverTime);
      expect(new Date(ms).toISOString()).toBe(serverTime);
      expect(ms).toBeGreaterThanOrEqual(before);
      expect(ms).toBeLessThanOrEqual(Date.now());
    };
    let before = Date.now();
    near(
      ack(await a.push([a.mutation('account_groups', 'create', sampleData(groups, 1))])).serverTime,
      before,
    );
    before = Date.now();
    near(ack(await a.push([])).serverTime, before);
    before = Date.now();
    const ahead = formatHlc({
      ms: Date.now() + 10 * 60_000,
      counter: 0,
      nodeId: 'abcdefabcdefabcd',
    });
    const skewed = ack(
      await a.push([
        { ...a.mutation('account_groups', 'create', sampleData(groups, 2)), hlc: ahead },
      ]),
    );
    expect(skewed.results[0]).toMatchObject({ status: 'rejected', error: { code: 'clock_skew' } });
    near(skewed.serverTime, before);
    before = Date.now();
    near(((await a.pull(null)) as PullPage).serverTime, before);
  });

  it('re-sending the same batch (lost ack) changes nothing and broadcasts nothing new', async () => {
    const categories = SYNCED_ENTITIES.find((e) => e.modelName === 'categories')!;
    const rows = [sampleData(categories, 1), sampleData(categories, 2)];
    const batch = [
      ...rows.map((row) => a.mutation('categories', 'create', row)),
      a.mutation('categories', 'update', { id: rows[0].id, hidden: true }),
      a.mutation('categories', 'delete', { id: rows[1].id }),
    ];
    const first = ack(await a.push(batch));
    await b.waitFor(() => b.broadcasts.length === 1, 5000, 'the first broadcast');
    const second = ack(await a.push(batch));
    expect(second.results.map((r) => r.status)).toEqual(['stale', 'stale', 'stale', 'stale']);
    expect(second.fromCursor).toBe(second.cursor);
    expect(second.cursor).toBe(first.cursor);
    await settle();
    expect(b.broadcasts).toHaveLength(1);
    expect(second.results[1].record).toMatchObject({ deletedAt: batch[3].hlc });
  });

  it('orders a batch that touches one row several times and stamps each row once', async () => {
    const groups = SYNCED_ENTITIES.find((e) => e.modelName === 'account_groups')!;
    const row = sampleData(groups, 1);
    const result = ack(
      await a.push([
        a.mutation('account_groups', 'create', row),
        a.mutation('account_groups', 'update', { id: row.id, name: 'second' }),
        a.mutation('account_groups', 'update', { id: row.id, sortOrder: 7 }),
      ]),
    );
    expect(result.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    await b.waitFor(() => b.broadcasts.length === 1, 5000, 'broadcast');
    expect(b.broadcasts[0].changes).toHaveLength(1);
    expect(b.broadcasts[0].changes[0].record).toMatchObject({ name: 'second', sortOrder: 7 });
  });
});
