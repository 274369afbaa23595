import { accountGroups, transactions } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import {
  applyMutation,
  encodeCursor,
  formatHlc,
  parseHlc,
  type AnyRecord,
  type MutationResult,
  type PushAck,
} from '@finwise/sync-protocol';
import { newDevice } from '../../../../test/support/fake-indexeddb';
import type { OutboxEntry } from '../../outbox/outbox-entry';
import { readMeta, writeMeta } from '../../database/meta';
import { openLocalDatabase, type OpenedDatabase } from '../../local/open-database';
import { LocalWriter } from '../../local/local-writes';
import { applyAck } from './apply-ack';

const TENANT = '7d0b1c9e-5b7f-4f53-9d1e-0f8a3c2b1a00';
const OTHER_NODE = 'aaaaaaaaaaaaaaaa';

/** What the server stores after applying `entries` to `current` (same merge function, server columns set). */
function serverApply(
  current: AnyRecord | undefined,
  entry: OutboxEntry,
  fieldNames: readonly string[],
): AnyRecord | undefined {
  const { operation, data, hlc } = entry.mutation;
  const outcome = applyMutation(current, { operation, data, hlc }, fieldNames, {
    updateMayCreate: entry.complete,
  });
  if (outcome.status === 'not_found') return current;
  return {
    ...outcome.record,
    tenantId: TENANT,
    createdAt: current?.createdAt ?? '2026-11-25T10:00:00.000Z',
  };
}

describe('applyAck', () => {
  let local: OpenedDatabase;
  let writer: LocalWriter;

  beforeEach(async () => {
    local = await openLocalDatabase('tenant-ack', newDevice());
    writer = new LocalWriter(local.db, local.clock);
    await writeMeta(local.db, 'cursor', encodeCursor(10));
  });
  afterEach(() => local.db.close());

  const outbox = () => local.db.outbox.orderBy('seq').toArray();
  const ack = (results: MutationResult[], from = 10, to = 10 + results.length): PushAck => ({
    results,
    fromCursor: encodeCursor(from),
    cursor: encodeCursor(to),
    serverTime: new Date().toISOString(),
  });

  it('removes only the acknowledged entries, merges the returned rows and advances the cursor', async () => {
    const a = sampleData(accountGroups, 1);
    const b = sampleData(accountGroups, 2);
    await writer.create(accountGroups, a);
    await writer.create(accountGroups, b);
    const entries = await outbox();
    const serverA = serverApply(undefined, entries[0], accountGroups.fieldNames)!;

    // The batch held both entries, but the server answered only for the first one.
    const outcome = await applyAck(
      local.db,
      local.clock,
      entries,
      ack([{ mutationId: entries[0].mutation.mutationId, status: 'applied', record: serverA }]),
    );

    expect(outcome).toMatchObject({ cursorAdvanced: true, pendingCount: 1, rejections: [] });
    expect((await outbox()).map((e) => e.seq)).toEqual([entries[1].seq]);
    // The server's record replaces the local one field for field, tenantId included (the
    // local row carried the options' value, here deliberately a different spelling).
    expect(await local.db.rows('account_groups').get(b.id)).toMatchObject({
      tenantId: 'tenant-ack',
    });
    expect(await local.db.rows('account_groups').get(a.id)).toEqual(serverA);
    expect(await readMeta(local.db, 'cursor')).toBe(encodeCursor(11));
  });

  it('keeps the cursor when someone else committed in between (a pull is due)', async () => {
    await writer.create(accountGroups, sampleData(accountGroups, 3));
    const entries = await outbox();
    const record = serverApply(undefined, entries[0], accountGroups.fieldNames)!;
    const outcome = await applyAck(
      local.db,
      local.clock,
      entries,
      ack([{ mutationId: entries[0].mutation.mutationId, status: 'applied', record }], 12, 13),
    );
    expect(outcome.cursorAdvanced).toBe(false);
    expect(await readMeta(local.db, 'cursor')).toBe(encodeCursor(10));
  });

  it('a stale result replaces the optimistic value with the newer server value and advances the clock', async () => {
    const data = sampleData(accountGroups, 4);
    await writer.create(accountGroups, data);
    await local.db.outbox.clear();
    await writer.update(accountGroups, data.id, { name: 'mine' });
    const [entry] = await outbox();
    const far = formatHlc({ ms: Date.now() + 60_000, counter: 0, nodeId: OTHER_NODE });
    const server = {
      ...(await local.db.rows('account_groups').get(data.id))!,
      name: 'theirs',
      updatedAt: far,
      tenantId: TENANT,
      createdAt: '2026-11-25T10:00:00.000Z',
    };
    server.fieldClocks = { ...server.fieldClocks, name: far };

    await applyAck(
      local.db,
      local.clock,
      [entry],
      ack([{ mutationId: entry.mutation.mutationId, status: 'stale', record: server }], 10, 10),
    );

    expect(await local.db.rows('account_groups').get(data.id)).toEqual(server);
    // The next local change must order after the server's newer write.
    const next = await writer.update(accountGroups, data.id, { sortOrder: 99 });
    expect(next.record!.updatedAt > far).toBe(true);
  });

  it('notes the fields of an accepted change that lost to a newer one, and only those', async () => {
    const data = sampleData(accountGroups, 6);
    await writer.create(accountGroups, data);
    await local.db.outbox.clear();
    await writer.update(accountGroups, data.id, { name: 'mine', sortOrder: 7 });
    const [entry] = await outbox();
    const newer = formatHlc({ ms: Date.now() + 60_000, counter: 0, nodeId: OTHER_NODE });
    // The server had a newer name from another device: the sort order took, the name did not.
    const server = {
      ...serverApply(
        await local.db.rows('account_groups').get(data.id),
        entry,
        accountGroups.fieldNames,
      )!,
      name: 'theirs',
    };
    server.fieldClocks = { ...server.fieldClocks, name: newer };

    const outcome = await applyAck(
      local.db,
      local.clock,
      [entry],
      ack([{ mutationId: entry.mutation.mutationId, status: 'applied', record: server }]),
      undefined,
      () => new Date('2026-11-25T12:00:00.000Z'),
    );

    const expected = {
      mutationId: entry.mutation.mutationId,
      modelName: 'account_groups',
      id: data.id,
      fields: ['name'],
      at: '2026-11-25T12:00:00.000Z',
    };
    expect(outcome.allOverwritten).toEqual([expected]);
    expect(await readMeta(local.db, 'overwritten')).toEqual([expected]);
    expect(await local.db.rows('account_groups').get(data.id)).toMatchObject({ name: 'theirs' });
  });

  it('notes nothing for a change that took, a re-sent one, a deleted row or a seed meant to lose', async () => {
    const kept = sampleData(accountGroups, 7);
    const seed = sampleData(accountGroups, 9);
    await writer.create(accountGroups, kept);
    await writer.update(accountGroups, kept.id, { name: 'kept twice' });
    await writer.createIfAbsent(accountGroups, seed);
    const entries = await outbox();
    const [create, update] = entries;
    const afterUpdate = serverApply(
      serverApply(undefined, create, accountGroups.fieldNames),
      update,
      accountGroups.fieldNames,
    )!;
    const newer = formatHlc({ ms: Date.now() + 60_000, counter: 0, nodeId: OTHER_NODE });
    const seedEntry = entries.find((entry) => entry.mutation.data.id === seed.id)!;
    const otherSeed = {
      ...serverApply(undefined, seedEntry, accountGroups.fieldNames)!,
      name: 'named elsewhere',
    };
    otherSeed.fieldClocks = Object.fromEntries(
      accountGroups.fieldNames.map((field) => [field, newer]),
    );
    const results: MutationResult[] = [
      // Both of this batch's writes of the name: the first one's clock is the second's.
      { mutationId: create.mutation.mutationId, status: 'applied', record: afterUpdate },
      { mutationId: update.mutation.mutationId, status: 'applied', record: afterUpdate },
      { mutationId: seedEntry.mutation.mutationId, status: 'stale', record: otherSeed },
    ];
    const outcome = await applyAck(local.db, local.clock, entries, ack(results));
    expect(outcome.allOverwritten).toEqual([]);

    // An update that reached a row deleted elsewhere lost by rule: nothing to show.
    await writer.update(accountGroups, kept.id, { name: 'after delete' });
    const [late] = await outbox();
    const tombstone = {
      ...afterUpdate,
      name: null,
      deletedAt: newer,
      updatedAt: newer,
      fieldClocks: {},
    };
    const lateOutcome = await applyAck(
      local.db,
      local.clock,
      [late],
      ack([{ mutationId: late.mutation.mutationId, status: 'stale', record: tombstone }], 13, 13),
    );
    expect(lateOutcome.allOverwritten).toEqual([]);
  });

  it('rolls a rejected change back to the returned record and re-applies the other pending changes of that row', async () => {
    const data = sampleData(transactions, 5, { importedPayee: 'Original', notes: 'n' });
    await writer.create(transactions, data);
    const [create] = await outbox();
    const serverRow = serverApply(undefined, create, transactions.fieldNames)!;
    await applyAck(
      local.db,
      local.clock,
      [create],
      ack(
        [{ mutationId: create.mutation.mutationId, status: 'applied', record: serverRow }],
        10,
        11,
      ),
    );

    await writer.update(transactions, data.id, { importedPayee: 'Refused' });
    await writer.update(transactions, data.id, { notes: 'kept', cleared: !data['cleared'] });
    const [refused, later] = await outbox();
    expect((await local.db.rows('transactions').get(data.id))!['importedPayee']).toBe('Refused');

    // Only the first update was in the batch; the server refused it and sent its row back.
    const outcome = await applyAck(
      local.db,
      local.clock,
      [refused],
      ack(
        [
          {
            mutationId: refused.mutation.mutationId,
            status: 'rejected',
            error: { code: 'forbidden', message: 'no' },
            record: serverRow,
          },
        ],
        11,
        11,
      ),
    );

    const row = await local.db.rows('transactions').get(data.id);
    const expected = serverApply(serverRow, later, transactions.fieldNames);
    expect(row).toEqual({ ...expected, tenantId: TENANT, createdAt: serverRow.createdAt });
    expect(row).toMatchObject({
      importedPayee: 'Original',
      notes: 'kept',
      cleared: !data['cleared'],
    });
    expect(outcome.rejections).toEqual([
      {
        mutationId: refused.mutation.mutationId,
        modelName: 'transactions',
        id: data.id,
        operation: 'update',
        code: 'forbidden',
        message: 'no',
        at: expect.any(String),
      },
    ]);
    expect(await readMeta(local.db, 'rejections')).toEqual(outcome.rejections);
    expect((await outbox()).map((e) => e.seq)).toEqual([later.seq]);
  });

  it('removes a rejected row the server does not have, unless a later pending change recreates it', async () => {
    const gone = sampleData(accountGroups, 6);
    const recreated = sampleData(accountGroups, 7);
    await writer.create(accountGroups, gone);
    await writer.create(accountGroups, recreated);
    const [createGone, createRecreated] = await outbox();
    // A later update that carries every field is a full row, so it may create the row (as on the server).
    await writer.update(accountGroups, recreated.id, { name: 'again', sortOrder: 3 });
    expect((await outbox())[2].complete).toBe(true);

    const rejected = (mutationId: string): MutationResult => ({
      mutationId,
      status: 'rejected',
      error: { code: 'validation', message: 'bad' },
    });
    const outcome = await applyAck(
      local.db,
      local.clock,
      [createGone, createRecreated],
      ack(
        [rejected(createGone.mutation.mutationId), rejected(createRecreated.mutation.mutationId)],
        10,
        10,
      ),
    );

    expect(await local.db.rows('account_groups').get(gone.id)).toBeUndefined();
    expect(await local.db.rows('account_groups').get(recreated.id)).toMatchObject({
      id: recreated.id,
      name: 'again',
      sortOrder: 3,
      // Rebuilt from nothing but the pending change: still a full local row.
      tenantId: 'tenant-ack',
      createdAt: null,
    });
    expect(outcome.rejections.map((r) => r.id)).toEqual([gone.id, recreated.id]);
    expect(outcome.pendingCount).toBe(1);
  });

  it('a rejected delete brings the row back as the server has it', async () => {
    const data = sampleData(accountGroups, 8);
    await writer.create(accountGroups, data);
    const [create] = await outbox();
    const serverRow = serverApply(undefined, create, accountGroups.fieldNames)!;
    await applyAck(
      local.db,
      local.clock,
      [create],
      ack(
        [{ mutationId: create.mutation.mutationId, status: 'applied', record: serverRow }],
        10,
        11,
      ),
    );
    await writer.delete(accountGroups, data.id);
    const [deletion] = await outbox();
    expect((await local.db.rows('account_groups').get(data.id))!.deletedAt).not.toBeNull();

    await applyAck(
      local.db,
      local.clock,
      [deletion],
      ack(
        [
          {
            mutationId: deletion.mutation.mutationId,
            status: 'rejected',
            error: { code: 'forbidden', message: 'no' },
            record: serverRow,
          },
        ],
        11,
        11,
      ),
    );
    expect(await local.db.rows('account_groups').get(data.id)).toEqual(serverRow);
  });
  it('re-stamps a change refused as clock_skew and keeps it queued, neither rolled back nor reported', async () => {
    const data = sampleData(accountGroups, 10, { name: 'Stamped by a fast clock' });
    await writer.create(accountGroups, data);
    const [entry] = await outbox();
    // The server is ten minutes behind this device.
    const serverNow = Date.now() - 10 * 60_000;
    const outcome = await applyAck(local.db, local.clock, [entry], {
      ...ack([
        {
          mutationId: entry.mutation.mutationId,
          status: 'rejected',
          error: { code: 'clock_skew', message: 'hlc is more than 5 minutes ahead' },
        },
      ]),
      cursor: encodeCursor(10),
      serverTime: new Date(serverNow).toISOString(),
    });

    expect(outcome).toMatchObject({ rejections: [], pendingCount: 1 });
    const [restamped] = await outbox();
    expect(restamped).toMatchObject({ seq: entry.seq, restamps: 1 });
    expect(restamped.mutation).toEqual({ ...entry.mutation, hlc: expect.any(String) });
    const ahead = (parseHlc(restamped.mutation.hlc)?.ms ?? 0) - serverNow;
    expect(ahead).toBeGreaterThanOrEqual(0);
    expect(ahead).toBeLessThan(60_000);
    // The row shows the change under its new clock, as the server will store it.
    const row = await local.db.rows('account_groups').get(data.id);
    expect(row).toMatchObject({
      name: 'Stamped by a fast clock',
      updatedAt: restamped.mutation.hlc,
    });
    expect(row!.fieldClocks['name']).toBe(restamped.mutation.hlc);
  });

  it('reports clock_skew as a rejection once re-stamping did not help', async () => {
    const data = sampleData(accountGroups, 11);
    await writer.create(accountGroups, data);
    const [entry] = await outbox();
    await local.db.outbox.update(entry.seq as number, { restamps: 3 });
    const outcome = await applyAck(
      local.db,
      local.clock,
      [{ ...entry, restamps: 3 }],
      ack(
        [
          {
            mutationId: entry.mutation.mutationId,
            status: 'rejected',
            error: { code: 'clock_skew', message: 'hlc is more than 5 minutes ahead' },
          },
        ],
        10,
        10,
      ),
    );
    expect(outcome.rejections).toMatchObject([{ code: 'clock_skew', id: data.id }]);
    expect(await outbox()).toEqual([]);
    expect(await local.db.rows('account_groups').get(data.id)).toBeUndefined();
  });
});
