import { accountGroups, accounts, budgetId, budgets, transactions } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { compareHlc, parseHlc } from '@finwise/sync-protocol';
import { newDevice } from '../../../test/support/fake-indexeddb';
import { readMeta } from '../database/meta';
import { openLocalDatabase, type OpenedDatabase } from './open-database';
import { isSyncClientError } from '../errors';
import { LocalWriter } from './local-writes';

describe('LocalWriter', () => {
  let local: OpenedDatabase;
  let writer: LocalWriter;

  beforeEach(async () => {
    local = await openLocalDatabase('tenant-a', newDevice());
    writer = new LocalWriter(local.db, local.clock);
  });
  afterEach(() => local.db.close());

  const outbox = () => local.db.outbox.orderBy('seq').toArray();

  it('a create stores the full wire row and queues one create mutation in the same transaction', async () => {
    const data = sampleData(accounts, 1, { note: undefined });
    delete data['note'];
    const { record, pendingCount } = await writer.create(accounts, data);

    expect(pendingCount).toBe(1);
    const stored = await local.db.rows('accounts').get(data.id);
    expect(stored).toEqual(record);
    // Absent optional fields are null, and every field carries the create's clock.
    // The tenant is known at once; createdAt is the server's to set.
    expect(stored).toMatchObject({
      ...data,
      note: null,
      tenantId: 'tenant-a',
      createdAt: null,
      deletedAt: null,
    });
    expect(Object.keys(stored!.fieldClocks).sort()).toEqual([...accounts.fieldNames].sort());
    expect(new Set(Object.values(stored!.fieldClocks))).toEqual(new Set([stored!.updatedAt]));

    const [entry] = await outbox();
    expect(entry.mutation).toEqual({
      mutationId: expect.any(String),
      modelName: 'accounts',
      operation: 'create',
      data,
      hlc: stored!.updatedAt,
    });
    expect(entry.rowKey).toBe(`accounts/${data.id}`);
  });

  it('generates the id when absent (a budget gets its deterministic id)', async () => {
    const { record } = await writer.create(accountGroups, { name: 'Cash', sortOrder: 1 });
    expect(record!.id).toMatch(/^[0-9a-f-]{36}$/);
    const categoryId = '9b2f64a4-3c1f-4c56-8f11-5b8a2f6c9d01';
    const budget = await writer.create(budgets, {
      categoryId,
      month: '2026-11',
      budgetedMinor: 5000,
    });
    expect(budget.record!.id).toBe(budgetId(categoryId, '2026-11'));
  });

  it('stamps strictly increasing HLCs from the persisted clock', async () => {
    const hlcs: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { record } = await writer.create(accountGroups, { name: `g${i}`, sortOrder: i });
      hlcs.push(record!.updatedAt);
    }
    expect(hlcs.every((hlc) => parseHlc(hlc) !== null)).toBe(true);
    for (let i = 1; i < hlcs.length; i += 1) expect(compareHlc(hlcs[i], hlcs[i - 1])).toBe(1);
    const state = await readMeta(local.db, 'clock');
    expect(state).toBeDefined();
    // A second writer on the same database continues from the stored clock, not from zero.
    const other = new LocalWriter(local.db, local.clock);
    const { record } = await other.create(accountGroups, { name: 'later', sortOrder: 9 });
    expect(compareHlc(record!.updatedAt, hlcs[4])).toBe(1);
  });

  it('an update writes only the patched fields and queues only them', async () => {
    const data = sampleData(transactions, 3);
    const created = await writer.create(transactions, data);
    const { record } = await writer.update(transactions, data.id, {
      notes: 'Bakery',
      importedPayee: undefined,
    });

    expect(record).toMatchObject({ ...data, notes: 'Bakery' });
    expect(record!.fieldClocks['notes']).toBe(record!.updatedAt);
    expect(record!.fieldClocks['amountMinor']).toBe(created.record!.updatedAt);
    const entries = await outbox();
    expect(entries).toHaveLength(2);
    expect(entries[1].mutation).toMatchObject({
      operation: 'update',
      data: { id: data.id, notes: 'Bakery' },
    });
    expect(Object.keys(entries[1].mutation.data)).toEqual(['id', 'notes']);
  });

  it('a create of an id that exists locally updates just the given fields', async () => {
    const data = sampleData(accounts, 4);
    await writer.create(accounts, data);
    const { record } = await writer.create(accounts, { id: data.id, name: 'Renamed' });
    expect(record).toMatchObject({ ...data, name: 'Renamed' });
    const entries = await outbox();
    expect(entries[1].mutation).toMatchObject({
      operation: 'update',
      data: { id: data.id, name: 'Renamed' },
    });
  });

  it('createIfAbsent writes an unknown id with the earliest HLC and leaves a known one alone', async () => {
    const data = sampleData(accounts, 5);
    const { record } = await writer.createIfAbsent(accounts, data);
    expect(record).toMatchObject(data);
    // The earliest stamp the server accepts: any field another device wrote beats it in the merge.
    expect(record!.updatedAt).toBe(`2000-01-01T00:00:00.000Z-0000-${local.clock.nodeId}`);
    expect((await outbox())[0].mutation).toMatchObject({
      operation: 'create',
      hlc: record!.updatedAt,
    });

    await writer.update(accounts, data.id, { name: 'Renamed' });
    const again = await writer.createIfAbsent(accounts, data);
    expect(again.record).toBeNull();
    expect(await local.db.rows('accounts').get(data.id)).toMatchObject({ name: 'Renamed' });
    expect(await outbox()).toHaveLength(2);

    // A deleted seed stays deleted.
    await writer.delete(accounts, data.id);
    expect((await writer.createIfAbsent(accounts, data)).record).toBeNull();
    expect((await local.db.rows('accounts').get(data.id))!.deletedAt).not.toBeNull();
  });

  it('a delete leaves a tombstone; later writes to it reject with code deleted and queue nothing', async () => {
    const data = sampleData(accountGroups, 5);
    await writer.create(accountGroups, data);
    const deleted = await writer.delete(accountGroups, data.id);
    expect(deleted.record).toMatchObject({
      id: data.id,
      name: null,
      sortOrder: null,
      fieldClocks: {},
    });
    expect(deleted.record!.deletedAt).toBe(deleted.record!.updatedAt);

    await expect(writer.update(accountGroups, data.id, { name: 'x' })).rejects.toMatchObject({
      code: 'deleted',
    });
    await expect(writer.create(accountGroups, data)).rejects.toMatchObject({ code: 'deleted' });
    // Deleting again changes nothing.
    expect((await writer.delete(accountGroups, data.id)).record).toBeNull();
    expect((await outbox()).map((e) => e.mutation.operation)).toEqual(['create', 'delete']);
  });

  it('an update of an unknown id rejects with not_found; a delete of one still queues the tombstone', async () => {
    const id = '2c0d7f0e-8f5d-4e8e-9a57-0a9f6f4a1c11';
    await expect(writer.update(accountGroups, id, { name: 'x' })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await outbox()).toHaveLength(0);
    const { record, pendingCount } = await writer.delete(accountGroups, id);
    expect(pendingCount).toBe(1);
    expect(record!.deletedAt).not.toBeNull();
    expect(record).toMatchObject({ tenantId: 'tenant-a', createdAt: null });
    expect((await outbox())[0].mutation).toMatchObject({ operation: 'delete', data: { id } });
  });

  it.each([
    [
      'an unknown field',
      () => writer.create(accountGroups, { name: 'a', sortOrder: 1, colour: 'red' }),
    ],
    [
      'a system field',
      () => writer.create(accountGroups, { name: 'a', sortOrder: 1, tenantId: 'x' }),
    ],
    ['a missing required field', () => writer.create(accountGroups, { name: 'a' })],
    [
      'a float amount',
      () => writer.create(transactions, sampleData(transactions, 1, { amountMinor: 1.5 })),
    ],
    ['U+0000 in a string', () => writer.create(accountGroups, { name: 'a\u0000b', sortOrder: 1 })],
    [
      'a malformed id',
      () => writer.create(accountGroups, { id: 'not-a-uuid', name: 'a', sortOrder: 1 }),
    ],
    [
      'a budget delete (budgets are cleared, never deleted)',
      () => writer.delete(budgets, budgetId('9b2f64a4-3c1f-4c56-8f11-5b8a2f6c9d01', '2026-01')),
    ],
    [
      'a budget whose id is not its category and month',
      () =>
        writer.create(budgets, {
          id: '2c0d7f0e-8f5d-4e8e-9a57-0a9f6f4a1c11',
          categoryId: '9b2f64a4-3c1f-4c56-8f11-5b8a2f6c9d01',
          month: '2026-01',
          budgetedMinor: 1,
        }),
    ],
  ])(
    'local validation refuses %s with code validation before storing or queueing anything',
    async (_what, write) => {
      const error = await write().then(
        () => null,
        (e: unknown) => e,
      );
      expect(isSyncClientError(error, 'validation')).toBe(true);
      expect(await outbox()).toHaveLength(0);
      expect(await local.db.rows('account_groups').count()).toBe(0);
      expect(await local.db.rows('budgets').count()).toBe(0);
    },
  );

  it('an empty patch is a validation error that leaves the row and the outbox alone', async () => {
    const { record } = await writer.create(accountGroups, { name: 'a', sortOrder: 1 });
    await expect(writer.update(accountGroups, record!.id, {})).rejects.toMatchObject({
      code: 'validation',
    });
    await expect(
      writer.update(accountGroups, record!.id, { name: undefined }),
    ).rejects.toMatchObject({ code: 'validation' });
    expect(await outbox()).toHaveLength(1);
    expect(await local.db.rows('account_groups').get(record!.id)).toEqual(record);
  });

  it('normalises ids to lowercase like the server', async () => {
    const data = sampleData(accountGroups, 7);
    const upper = data.id.toUpperCase();
    const { record } = await writer.create(accountGroups, { ...data, id: upper });
    expect(record!.id).toBe(data.id.toLowerCase());
    const { record: updated } = await writer.update(accountGroups, upper, { name: 'Upper' });
    expect(updated!.name).toBe('Upper');
  });

  it('writeAll stores and queues several writes together, or none when one is refused', async () => {
    const group = sampleData(accountGroups, 7);
    const account = sampleData(accounts, 8);
    await writer.create(accountGroups, group);
    const { record, pendingCount } = await writer.writeAll([
      { entity: accounts, operation: 'create', data: account },
      { entity: accountGroups, operation: 'update', data: { id: group.id, name: 'Renamed' } },
      { entity: accountGroups, operation: 'delete', data: { id: group.id } },
    ]);
    expect(record).not.toBeNull();
    expect(pendingCount).toBe(4);
    expect((await outbox()).map((e) => e.mutation.operation)).toEqual([
      'create',
      'create',
      'update',
      'delete',
    ]);
    expect((await local.db.rows('account_groups').get(group.id))?.deletedAt).not.toBeNull();

    const other = sampleData(accounts, 9);
    await expect(
      writer.writeAll([
        { entity: accounts, operation: 'create', data: other },
        { entity: accounts, operation: 'update', data: { id: account.id, currency: 'nope' } },
      ]),
    ).rejects.toMatchObject({ code: 'validation' });
    expect(await local.db.rows('accounts').get(other.id)).toBeUndefined();
    expect(await outbox()).toHaveLength(4);
  });

  it('writeAll decides each write on the row the writes before it left, with increasing stamps', async () => {
    const deleted = sampleData(transactions, 20);
    await writer.create(transactions, deleted);
    await writer.delete(transactions, deleted.id);
    const first = sampleData(transactions, 21);
    const second = sampleData(transactions, 22);

    const { record, pendingCount } = await writer.writeAll([
      { entity: transactions, operation: 'create', data: first },
      { entity: transactions, operation: 'update', data: { id: first.id, notes: 'Bakery' } },
      { entity: transactions, operation: 'create', data: second },
      // A tombstone deleted again changes nothing and queues nothing, as on its own.
      { entity: transactions, operation: 'delete', data: { id: deleted.id } },
    ]);

    expect(pendingCount).toBe(5);
    const entries = (await outbox()).slice(2);
    expect(entries.map((e) => [e.mutation.operation, e.mutation.data.id])).toEqual([
      ['create', first.id],
      ['update', first.id],
      ['create', second.id],
    ]);
    const hlcs = entries.map((e) => e.mutation.hlc);
    for (let i = 1; i < hlcs.length; i += 1) expect(compareHlc(hlcs[i], hlcs[i - 1])).toBe(1);
    const stored = await local.db.rows('transactions').get(first.id);
    expect(stored).toMatchObject({ ...first, notes: 'Bakery', updatedAt: hlcs[1] });
    expect(stored!.fieldClocks['amountMinor']).toBe(hlcs[0]);
    expect(stored!.fieldClocks['notes']).toBe(hlcs[1]);
    expect(record).toEqual(await local.db.rows('transactions').get(second.id));
    // The clock was stored with the batch: the next write stamps after its last change.
    const later = await writer.update(transactions, second.id, { notes: 'later' });
    expect(compareHlc(later.record!.updatedAt, hlcs[2])).toBe(1);
  });

  it('writeAll refused on a stored row (not_found) keeps nothing of the batch, clock included', async () => {
    await writer.create(accountGroups, { name: 'g', sortOrder: 1 });
    const clock = await readMeta(local.db, 'clock');
    const data = sampleData(accounts, 23);
    await expect(
      writer.writeAll([
        { entity: accounts, operation: 'create', data },
        {
          entity: accounts,
          operation: 'update',
          data: { id: sampleData(accounts, 24).id, name: 'x' },
        },
      ]),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await local.db.rows('accounts').get(data.id)).toBeUndefined();
    expect(await outbox()).toHaveLength(1);
    expect(await readMeta(local.db, 'clock')).toEqual(clock);
  });
});
