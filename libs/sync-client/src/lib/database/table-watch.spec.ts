import { newDevice } from '../../../test/support/fake-indexeddb';
import { sleep, waitFor } from '../../../test/support/wait';
import { LocalDatabase } from './local-database';
import { onTableChange, watchQuery } from './table-watch';

const TENANT = '5f0c1d2e-0000-4000-8000-000000000002';
const OTHER_TENANT = '5f0c1d2e-0000-4000-8000-000000000003';

describe('table watch', () => {
  const opened: LocalDatabase[] = [];
  const stops: (() => void)[] = [];
  const open = async (tenant = TENANT) => {
    const db = new LocalDatabase(tenant, newDevice());
    await db.open();
    opened.push(db);
    return db;
  };
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    for (const db of opened.splice(0)) db.close();
  });

  it('reports writes to the watched keys only', async () => {
    const db = await open();
    let changes = 0;
    stops.push(onTableChange(db, 'meta', ['cursor', 'pullRequest'], () => (changes += 1)));

    await db.meta.put({ key: 'leaderLease', value: 1 });
    await db.outbox.clear();
    await sleep(20);
    expect(changes).toBe(0);

    await db.meta.put({ key: 'pullRequest', value: 'a' });
    await waitFor(() => changes === 1, 1_000, 'the watched key');
    await db.meta.bulkPut([
      { key: 'cursor', value: 'c' },
      { key: 'syncState', value: {} },
    ]);
    await waitFor(() => changes === 2, 1_000, 'a batch touching a watched key');
    // A range (clear) covers every key.
    await db.meta.clear();
    await waitFor(() => changes === 3, 1_000, 'the cleared table');
  });

  it('ignores another database, and stops when told', async () => {
    const db = await open();
    const other = await open(OTHER_TENANT);
    let changes = 0;
    const stop = onTableChange(db, 'meta', null, () => (changes += 1));
    await other.meta.put({ key: 'cursor', value: 'x' });
    await sleep(20);
    expect(changes).toBe(0);

    await db.meta.put({ key: 'cursor', value: 'x' });
    await waitFor(() => changes === 1, 1_000, 'any key of the table');
    stop();
    await db.meta.put({ key: 'cursor', value: 'y' });
    await sleep(20);
    expect(changes).toBe(1);
  });

  it('runs the query at once and after each change, delivering the latest value last', async () => {
    const db = await open();
    const seen: unknown[] = [];
    stops.push(
      watchQuery(
        db,
        'meta',
        ['cursor'],
        async () => (await db.meta.get('cursor'))?.value,
        (value) => seen.push(value),
      ),
    );
    await waitFor(() => seen.length === 1, 1_000, 'the first run');
    expect(seen).toEqual([undefined]);

    for (let i = 1; i <= 5; i += 1) await db.meta.put({ key: 'cursor', value: i });
    await waitFor(() => seen.at(-1) === 5, 1_000, 'the last value');
    // Changes during a run make one more run, not one per change, and never an older value last.
    expect(seen.length).toBeLessThanOrEqual(6);
    expect(seen.slice(1)).toEqual([...seen.slice(1)].sort());
  });
});
