import { accountGroups, type AccountGroup } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { newDevice } from '../../test/support/fake-indexeddb';
import { waitFor } from '../../test/support/wait';
import { createSyncClient } from './create-sync-client';
import { isSyncClientError } from './errors';
import type { SyncClient, SyncClientOptions, SyncStatus } from './public-types';
import { simulateCrash } from './testing/simulate-crash';

/** These tests never reach a server: every client is disconnected before it starts. */
const UNREACHABLE = 'http://127.0.0.1:9';

describe('SyncClient (offline)', () => {
  const clients: SyncClient[] = [];

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.stop()));
  });

  function offlineClient(overrides: Partial<SyncClientOptions> = {}): SyncClient {
    const client = createSyncClient({
      url: UNREACHABLE,
      tenantId: 'tenant-offline',
      getToken: () => 'unused',
      ...newDevice(),
      ...overrides,
    });
    client.disconnect();
    clients.push(client);
    return client;
  }

  it('works fully offline: writes, reads without tombstones, pending count after every awaited write', async () => {
    const client = offlineClient();
    await client.start();
    const groups = client.table<AccountGroup>('account_groups');
    const a = await groups.create({ name: 'Cash', sortOrder: 1 });
    expect(client.status().pendingCount).toBe(1);
    const b = await groups.create({ name: 'Bank', sortOrder: 2 });
    await groups.update(a.id, { name: 'Wallet' });
    expect(client.status().pendingCount).toBe(3);
    await groups.delete(b.id);
    expect(client.status()).toMatchObject({
      online: false,
      pendingCount: 4,
      lastSyncedAt: null,
      initialLoad: { loaded: 0, total: 0 },
      rejections: [],
    });

    expect(await groups.get(b.id)).toBeUndefined();
    expect(await groups.get(a.id)).toMatchObject({ name: 'Wallet', sortOrder: 1, deletedAt: null });
    expect((await groups.all()).map((g) => g.name)).toEqual(['Wallet']);
    await expect(groups.update(b.id, { name: 'x' })).rejects.toMatchObject({ code: 'deleted' });
    await expect(groups.create({ name: '', sortOrder: 1 })).rejects.toMatchObject({
      code: 'validation',
    });
    expect(client.status().pendingCount).toBe(4);
  });

  it('getMany reads rows by id, tombstones only when asked, and writeAll reports progress', async () => {
    const client = offlineClient();
    await client.start();
    const groups = client.table<AccountGroup>('account_groups');
    const kept = sampleData(accountGroups, 1);
    const gone = sampleData(accountGroups, 2);
    const seeded = sampleData(accountGroups, 3);
    const progress: string[] = [];
    await client.writeAll(
      [
        { modelName: 'account_groups', operation: 'create', data: kept },
        { modelName: 'account_groups', operation: 'create', data: gone },
        { modelName: 'account_groups', operation: 'delete', data: { id: gone.id } },
        // Seeds: the first is written, the second finds the row it made and changes nothing.
        { modelName: 'account_groups', operation: 'create', data: seeded, ifAbsent: true },
        {
          modelName: 'account_groups',
          operation: 'create',
          data: { ...seeded, name: 'Not this' },
          ifAbsent: true,
        },
      ],
      { onProgress: (written, total) => progress.push(`${written}/${total}`) },
    );
    expect(progress).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
    expect(client.status().pendingCount).toBe(4);

    const ids = [kept.id.toUpperCase(), gone.id, seeded.id, '7d4f3a0e-3c55-4f5b-9c2e-1b8a6f0d2c11'];
    const live = await groups.getMany(ids);
    expect(live.map((row) => row.id).sort()).toEqual([kept.id, seeded.id].sort());
    expect(live.find((row) => row.id === seeded.id)?.name).toBe(seeded['name']);
    const all = await groups.getMany(ids, { includeDeleted: true });
    expect(all.find((row) => row.id === gone.id)?.deletedAt).not.toBeNull();
    expect(all).toHaveLength(3);
  });

  it('names its device: the given clientId, or one generated once and kept in the database', async () => {
    const given = offlineClient({ clientId: 'device-given' });
    expect(given.clientId()).toBeNull();
    await given.start();
    expect(given.clientId()).toBe('device-given');

    const device = newDevice();
    const first = offlineClient(device);
    await first.start();
    const generated = first.clientId();
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    await first.stop();
    expect(first.clientId()).toBeNull();
    const again = offlineClient(device);
    await again.start();
    expect(again.clientId()).toBe(generated);
  });

  it('observe calls back with the current rows and after every change, until unsubscribed', async () => {
    const client = offlineClient();
    const seen: string[][] = [];
    // Subscribing before start() is allowed: the first call comes once the database is open.
    const unsubscribe = client
      .table<AccountGroup>('account_groups')
      .observe((rows) => seen.push(rows.map((r) => r.name ?? '')));
    await client.start();
    await waitFor(() => seen.length >= 1, 5000, 'the first observe call');
    expect(seen[0]).toEqual([]);
    const groups = client.table<AccountGroup>('account_groups');
    const row = await groups.create({ name: 'One', sortOrder: 1 });
    await waitFor(() => seen.at(-1)?.includes('One') ?? false, 5000, 'the create');
    await groups.update(row.id, { name: 'Uno' });
    await waitFor(() => seen.at(-1)?.[0] === 'Uno', 5000, 'the update');
    await groups.delete(row.id);
    await waitFor(() => seen.at(-1)?.length === 0, 5000, 'the delete');
    unsubscribe();
    const calls = seen.length;
    await groups.create({ name: 'Unseen', sortOrder: 2 });
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toHaveLength(calls);
  });

  it('onStatus calls back at once and on changes', async () => {
    const client = offlineClient();
    const seen: SyncStatus[] = [];
    const unsubscribe = client.onStatus((s) => seen.push(s));
    expect(seen).toHaveLength(1);
    await client.start();
    await client.table('account_groups').create(sampleData(accountGroups, 1));
    expect(seen.at(-1)?.pendingCount).toBe(1);
    unsubscribe();
  });

  it('flush waits while disconnected (without connecting) and rejects on timeout', async () => {
    const client = offlineClient();
    await client.start();
    await client.table('account_groups').create(sampleData(accountGroups, 2));
    const started = Date.now();
    await expect(client.flush(300)).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(client.status().online).toBe(false);
  });

  it('flush resolves at once when nothing is pending, and rejects when the client stops', async () => {
    const client = offlineClient();
    await client.start();
    await expect(client.flush(1000)).resolves.toBeUndefined();
    await client.table('account_groups').create(sampleData(accountGroups, 3));
    const flushing = expect(client.flush(10_000)).rejects.toMatchObject({ code: 'stopped' });
    await new Promise((r) => setTimeout(r, 50));
    await client.stop();
    await flushing;
  });

  it('keeps the outbox across stop and a new client on the same database', async () => {
    const device = newDevice();
    const first = offlineClient(device);
    await first.start();
    const row = await first.table('account_groups').create(sampleData(accountGroups, 4));
    await first.stop();
    await expect(first.table('account_groups').get(row.id)).rejects.toMatchObject({
      code: 'stopped',
    });
    await expect(first.start()).rejects.toMatchObject({ code: 'stopped' });
    await first.stop(); // idempotent

    const second = offlineClient(device);
    await second.start();
    expect(second.status().pendingCount).toBe(1);
    expect(await second.table('account_groups').get(row.id)).toMatchObject({ id: row.id });
  });

  it('stop({ clearLocalData: true }) deletes the tenant database (sign-out)', async () => {
    const device = newDevice();
    const first = offlineClient(device);
    await first.start();
    await first.table('account_groups').create(sampleData(accountGroups, 5));
    await first.stop({ clearLocalData: true });
    expect(await device.indexedDB.databases()).toEqual([]);

    const second = offlineClient(device);
    await second.start();
    expect(second.status().pendingCount).toBe(0);
    expect(await second.table('account_groups').all()).toEqual([]);
  });

  it('rejects before start and throws for unknown models', async () => {
    const client = offlineClient();
    const error = await client
      .table('account_groups')
      .all()
      .catch((e: unknown) => e);
    expect(isSyncClientError(error, 'not_started')).toBe(true);
    expect(() => client.table('nope')).toThrow(expect.objectContaining({ code: 'unknown_model' }));
  });

  it("two instances on one database (tabs) elect one leader and see each other's writes live", async () => {
    const device = newDevice();
    const tabA = offlineClient({ ...device, tuning: { leaderLeaseMs: 600 } });
    const tabB = offlineClient({ ...device, tuning: { leaderLeaseMs: 600 } });
    await tabA.start();
    await tabB.start();
    expect([tabA.isLeader(), tabB.isLeader()]).toEqual([true, false]);

    const seenByA: number[] = [];
    tabA.table('account_groups').observe((rows) => seenByA.push(rows.length));
    await tabB.table('account_groups').create(sampleData(accountGroups, 6));
    await waitFor(() => seenByA.at(-1) === 1, 5000, "tab A to see tab B's write");
    await waitFor(
      () => tabA.status().pendingCount === 1,
      5000,
      "tab A to count tab B's pending write",
    );

    await tabA.stop();
    await waitFor(() => tabB.isLeader(), 5000, 'tab B to take over');
  });

  it('a crash (test hook, not part of the API) keeps the outbox and frees nothing on purpose', async () => {
    const device = newDevice();
    const crashed = offlineClient({ ...device, tuning: { leaderLeaseMs: 2000 } });
    await crashed.start();
    expect(crashed.isLeader()).toBe(true);
    const row = await crashed.table('account_groups').create(sampleData(accountGroups, 7));
    expect(Object.getOwnPropertyNames(Object.getPrototypeOf(crashed))).not.toContain(
      'simulateCrash',
    );
    expect('simulateCrash' in crashed).toBe(false);
    simulateCrash(crashed);
    await expect(crashed.table('account_groups').get(row.id)).rejects.toMatchObject({
      code: 'stopped',
    });

    // The crashed leader never released its lease: the next instance leads only once it ran out.
    const next = offlineClient({ ...device, tuning: { leaderLeaseMs: 2000 } });
    await next.start();
    expect(next.isLeader()).toBe(false);
    await waitFor(() => next.isLeader(), 5000, 'the next instance to take over');
    expect(next.status().pendingCount).toBe(1);
    expect(await next.table('account_groups').get(row.id)).toMatchObject({ id: row.id });
  });

  it('rejects simulateCrash for objects that are not clients made by createSyncClient', () => {
    expect(() => simulateCrash({} as SyncClient)).toThrow(TypeError);
  });
});
