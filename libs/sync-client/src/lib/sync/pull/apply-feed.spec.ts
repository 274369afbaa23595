import { accountGroups } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { encodeCursor, formatHlc, type AnyRecord, type Change } from '@finwise/sync-protocol';
import { newDevice } from '../../../../test/support/fake-indexeddb';
import { readMeta, writeMeta } from '../../database/meta';
import { openLocalDatabase, type OpenedDatabase } from '../../local/open-database';
import { resetLocalCopy } from '../../local/pending-replay';
import { LocalWriter } from '../../local/local-writes';
import { applyBroadcast, applyPullPage } from './apply-feed';

const TENANT = '7d0b1c9e-5b7f-4f53-9d1e-0f8a3c2b1a00';
const NODE = 'bbbbbbbbbbbbbbbb';

/** A server row as another device wrote it at `ms`. */
function serverRow(data: { id: string } & Record<string, unknown>, ms: number): AnyRecord {
  const hlc = formatHlc({ ms, counter: 0, nodeId: NODE });
  const row: AnyRecord = {
    id: data.id,
    tenantId: TENANT,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: hlc,
    deletedAt: null,
    fieldClocks: {},
  };
  for (const field of accountGroups.fieldNames) {
    row[field] = data[field] ?? null;
    row.fieldClocks[field] = hlc;
  }
  return row;
}

const change = (record: AnyRecord): Change => ({ modelName: 'account_groups', record });

describe('applying the change feed', () => {
  let local: OpenedDatabase;
  let writer: LocalWriter;

  beforeEach(async () => {
    local = await openLocalDatabase('tenant-feed', newDevice());
    writer = new LocalWriter(local.db, local.clock);
  });
  afterEach(() => local.db.close());

  const row = (id: string) => local.db.rows('account_groups').get(id);

  it('a pull page is merged per field: a pending local field survives an older server value, newer ones win', async () => {
    const data = sampleData(accountGroups, 1);
    const base = serverRow(data, Date.now() - 60_000);
    await applyPullPage(
      local.db,
      local.clock,
      {
        changes: [change(base)],
        cursor: encodeCursor(1),
        hasMore: false,
        serverTime: new Date().toISOString(),
      },
      null,
      null,
    );
    await writer.update(accountGroups, data.id, { name: 'local pending' });

    // Another device's edits: one older than our pending edit, one newer (its clock runs ahead).
    const older = {
      ...base,
      name: 'their old name',
      sortOrder: 7,
      updatedAt: formatHlc({ ms: Date.now() - 30_000, counter: 0, nodeId: NODE }),
    };
    older.fieldClocks = { ...base.fieldClocks, name: older.updatedAt, sortOrder: older.updatedAt };
    await applyPullPage(
      local.db,
      local.clock,
      {
        changes: [change(older)],
        cursor: encodeCursor(2),
        hasMore: false,
        serverTime: new Date().toISOString(),
      },
      encodeCursor(1),
      null,
    );
    expect(await row(data.id)).toMatchObject({ name: 'local pending', sortOrder: 7 });

    const newer = {
      ...base,
      name: 'their newer name',
      updatedAt: formatHlc({ ms: Date.now() + 60_000, counter: 0, nodeId: NODE }),
    };
    newer.fieldClocks = { ...base.fieldClocks, name: newer.updatedAt };
    await applyPullPage(
      local.db,
      local.clock,
      {
        changes: [change(newer)],
        cursor: encodeCursor(3),
        hasMore: false,
        serverTime: new Date().toISOString(),
      },
      encodeCursor(2),
      null,
    );
    expect(await row(data.id)).toMatchObject({ name: 'their newer name', sortOrder: 7 });
    expect(await readMeta(local.db, 'cursor')).toBe(encodeCursor(3));
    // The clock observed the received HLC: the next local edit wins over it.
    const { record } = await writer.update(accountGroups, data.id, { name: 'after' });
    expect(record!.updatedAt > newer.updatedAt).toBe(true);
  });

  it('a page requested from a cursor that is no longer stored changes nothing', async () => {
    await writeMeta(local.db, 'cursor', encodeCursor(5));
    const data = sampleData(accountGroups, 2);
    const applied = await applyPullPage(
      local.db,
      local.clock,
      {
        changes: [change(serverRow(data, Date.now()))],
        cursor: encodeCursor(9),
        hasMore: false,
        serverTime: new Date().toISOString(),
      },
      encodeCursor(4),
      null,
    );
    expect(applied).toBe(false);
    expect(await row(data.id)).toBeUndefined();
    expect(await readMeta(local.db, 'cursor')).toBe(encodeCursor(5));
  });

  it('a broadcast applies only at the stored cursor; an old one is ignored and a gap asks for a pull', async () => {
    await writeMeta(local.db, 'cursor', encodeCursor(5));
    const a = serverRow(sampleData(accountGroups, 3), Date.now());
    const b = serverRow(sampleData(accountGroups, 4), Date.now());
    expect(
      await applyBroadcast(local.db, local.clock, {
        changes: [change(a)],
        fromCursor: encodeCursor(7),
        cursor: encodeCursor(8),
      }),
    ).toBe('gap');
    expect(await row(a.id)).toBeUndefined();
    expect(
      await applyBroadcast(local.db, local.clock, {
        changes: [change(b)],
        fromCursor: encodeCursor(3),
        cursor: encodeCursor(4),
      }),
    ).toBe('already_seen');
    expect(
      await applyBroadcast(local.db, local.clock, {
        changes: [change(a)],
        fromCursor: encodeCursor(5),
        cursor: encodeCursor(6),
      }),
    ).toBe('applied');
    expect(await row(a.id)).toEqual(a);
    expect(await readMeta(local.db, 'cursor')).toBe(encodeCursor(6));
  });

  it('a reset (resync) keeps the outbox and shows pending edits again once the reload finished', async () => {
    const loaded = sampleData(accountGroups, 5);
    const mine = sampleData(accountGroups, 6);
    // The server's row is the same before and after the reset (written before the offline edit).
    const writtenAt = Date.now() - 1000;
    await applyPullPage(
      local.db,
      local.clock,
      {
        changes: [change(serverRow(loaded, writtenAt))],
        cursor: encodeCursor(1),
        hasMore: false,
        serverTime: new Date().toISOString(),
      },
      null,
      null,
    );
    await writer.update(accountGroups, loaded.id, { name: 'edited offline' });
    await writer.create(accountGroups, mine);

    await local.db.transaction('rw', local.db.syncTables(), () => resetLocalCopy(local.db));
    expect(await readMeta(local.db, 'cursor')).toBeNull();
    expect(await local.db.outbox.count()).toBe(2);
    // The offline create stays visible; the edit of a row not reloaded yet waits for it.
    expect(await row(mine.id)).toMatchObject(mine);
    expect(await row(loaded.id)).toBeUndefined();

    const reloaded = serverRow(loaded, writtenAt);
    await applyPullPage(
      local.db,
      local.clock,
      {
        changes: [change(reloaded)],
        cursor: encodeCursor(1),
        hasMore: false,
        serverTime: new Date().toISOString(),
      },
      null,
      { loaded: 1, total: 1, done: true },
    );
    expect(await row(loaded.id)).toMatchObject({
      name: 'edited offline',
      sortOrder: loaded['sortOrder'],
    });
    expect(await readMeta(local.db, 'initialLoad')).toEqual({ loaded: 1, total: 1, done: true });
  });
});
