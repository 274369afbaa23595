import type { DBCore, DBCoreCursor, DBCoreTable } from 'dexie';
import type { AnyRecord } from '@finwise/sync-protocol';
import { newDevice } from '../../../test/support/fake-indexeddb';
import { waitFor } from '../../../test/support/wait';
import { LocalDatabase } from '../database/local-database';
import { putRows } from '../database/put-rows';
import type { RowChange } from '../public-types';
import { followTable } from './live-table';

const TABLE = 'account_groups';
const TENANT = '5f0c1d2e-0000-4000-8000-000000000001';
const isLive = (row: AnyRecord) => row.deletedAt == null;
const idOf = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
const group = (n: number, name = `Group ${n}`): AnyRecord => ({
  id: idOf(n),
  tenantId: TENANT,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  fieldClocks: {},
  name,
});

/** Counts every row the table hands out, however it is read (get, bulkGet, query, cursor). */
function countReads(db: LocalDatabase): { reads: number } {
  const counter = { reads: 0 };
  const counted = (table: DBCoreTable): DBCoreTable => ({
    ...table,
    get: async (request) => {
      const row: unknown = await table.get(request);
      if (row !== undefined) counter.reads += 1;
      return row;
    },
    getMany: async (request) => {
      const rows: unknown[] = await table.getMany(request);
      counter.reads += rows.filter((row) => row !== undefined).length;
      return rows;
    },
    query: async (request) => {
      const result = await table.query(request);
      counter.reads += result.result.length;
      return result;
    },
    openCursor: async (request) => {
      const cursor = await table.openCursor(request);
      if (!cursor) return cursor;
      const start: DBCoreCursor['start'] = (onNext) =>
        cursor.start(() => {
          counter.reads += 1;
          onNext();
        });
      return Object.create(cursor, { start: { value: start } }) as DBCoreCursor;
    },
  });
  db.use({
    stack: 'dbcore',
    name: 'count-reads',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => (name === TABLE ? counted(down.table(name)) : down.table(name)),
    }),
  });
  return counter;
}

describe('followTable', () => {
  const stops: (() => void)[] = [];
  const dbs: LocalDatabase[] = [];
  afterEach(() => {
    stops.splice(0).forEach((stop) => stop());
    dbs.splice(0).forEach((db) => db.close());
  });

  async function openWith(rows: AnyRecord[], device = newDevice()) {
    const db = new LocalDatabase(TENANT, device);
    dbs.push(db);
    const counter = countReads(db);
    await db.open();
    await db.rows(TABLE).bulkPut(rows);
    const seen: AnyRecord[][] = [];
    const changes: (RowChange<AnyRecord>[] | undefined)[] = [];
    stops.push(
      followTable(db, TABLE, isLive, (next, changed) => {
        seen.push(next);
        changes.push(changed);
      }),
    );
    await waitFor(() => seen.length === 1, 5000, 'the first call');
    return { db, counter, seen, changes, device };
  }

  it('reads only the changed row when one row of a large table changes', async () => {
    const { db, counter, seen } = await openWith(
      Array.from({ length: 2000 }, (_, i) => group(i + 1)),
    );
    expect(seen[0]).toHaveLength(2000);
    counter.reads = 0;

    await db.rows(TABLE).put(group(1500, 'Renamed'));
    await waitFor(() => seen.length === 2, 5000, 'the change');

    expect(counter.reads).toBe(1);
    expect(seen[1]).toHaveLength(2000);
    expect(seen[1][1499]).toMatchObject({ id: idOf(1500), name: 'Renamed' });
  });

  it('reads only the written rows after a large write made through putRows', async () => {
    const { db, counter, seen } = await openWith(
      Array.from({ length: 2000 }, (_, i) => group(2 * i + 2)),
    );
    counter.reads = 0;

    const page = Array.from({ length: 1000 }, (_, i) => group(2 * i + 1, 'New'));
    await db.transaction('rw', db.rows(TABLE), () => putRows(db.rows(TABLE), page));
    await waitFor(() => seen.at(-1)?.length === 3000, 5000, 'the page');

    expect(counter.reads).toBe(1000);
  });

  it('adds new rows in key order and drops rows that become tombstones', async () => {
    const { db, seen } = await openWith([group(1), group(3), group(5)]);

    await db.rows(TABLE).bulkPut([group(4), group(2), { ...group(3), deletedAt: '2026-01-01' }]);
    await waitFor(() => seen.length === 2, 5000, 'the change');

    expect(seen[1].map((row) => row.id)).toEqual([idOf(1), idOf(2), idOf(4), idOf(5)]);
  });

  it('matches a fresh scan after mixed changes, and never changes a list it handed out', async () => {
    const { db, seen, changes } = await openWith(
      Array.from({ length: 50 }, (_, i) => group(2 * i + 2)),
    );
    const first = seen[0].map((row) => row.id);
    // New rows before, between and after the known ones; renames; tombstones; all in rounds.
    const rounds: AnyRecord[][] = [
      [group(1), group(51), group(200, 'Renamed')],
      [{ ...group(2), deletedAt: '2026-01-01' }, group(99), group(101)],
      [{ ...group(1), deletedAt: '2026-01-01' }, group(100, 'Again'), group(150)],
    ];
    for (const [index, round] of rounds.entries()) {
      await db.rows(TABLE).bulkPut(round);
      await waitFor(() => seen.length === index + 2, 5000, `round ${index + 1}`);
    }

    const scan = (await db.rows(TABLE).toArray()).filter(isLive);
    expect(seen.at(-1)).toEqual(scan);
    expect(seen[0].map((row) => row.id)).toEqual(first);
    // Each call's changes turn the previous call's list into its own.
    expect(changes[0]).toBeUndefined();
    for (let call = 1; call < seen.length; call += 1) {
      const rebuilt = new Map(seen[call - 1].map((row) => [row.id, row]));
      for (const { before, after } of changes[call] ?? []) {
        if (after) rebuilt.set(after.id, after);
        else if (before) rebuilt.delete(before.id);
        if (before) expect(seen[call - 1]).toContain(before);
      }
      expect([...rebuilt.values()].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(seen[call]);
    }
  });

  it('stays silent about a tombstone of a row it never showed', async () => {
    const { db, seen } = await openWith([group(1)]);

    await db.rows(TABLE).put({ ...group(9), deletedAt: '2026-01-01' });
    await db.rows(TABLE).put(group(1, 'After'));
    await waitFor(() => seen.length >= 2, 5000, 'the change');

    expect(seen).toHaveLength(2);
    expect(seen[1]).toEqual([group(1, 'After')]);
  });

  it('reads the whole table again after a change that names no keys', async () => {
    const { db, seen } = await openWith([group(1), group(2)]);

    await db.rows(TABLE).clear();
    await waitFor(() => seen.length === 2, 5000, 'the clear');

    expect(seen[1]).toEqual([]);
  });

  it('sees writes made through another connection to the same database (another tab)', async () => {
    const { seen, device } = await openWith([group(1)]);
    const otherTab = new LocalDatabase(TENANT, device);
    dbs.push(otherTab);

    await otherTab.rows(TABLE).put(group(2));
    await waitFor(() => seen.length === 2, 5000, "the other tab's write");

    expect(seen[1].map((row) => row.id)).toEqual([idOf(1), idOf(2)]);
  });

  it('calls back no more once stopped', async () => {
    const { db, seen } = await openWith([group(1)]);
    stops.splice(0).forEach((stop) => stop());

    await db.rows(TABLE).put(group(2));
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(seen).toHaveLength(1);
  });
});
