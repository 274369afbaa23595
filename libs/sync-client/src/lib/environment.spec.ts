import Dexie from 'dexie';
import { accountGroups } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { newDevice } from '../../test/support/fake-indexeddb';
import { waitFor } from '../../test/support/wait';
import { createSyncClient } from './create-sync-client';
import { indexedDbDependencies } from './environment';
import { isSyncClientError } from './errors';
import type { SyncClient } from './public-types';

describe('IndexedDB environment', () => {
  const clients: SyncClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.stop()));
  });

  it('throws a SyncClientError with code no_indexeddb when there is none', () => {
    // Jest's node environment has no global indexedDB, like plain Node.
    expect((globalThis as { indexedDB?: unknown }).indexedDB).toBeUndefined();
    const attempt = () =>
      createSyncClient({ url: 'http://127.0.0.1:9', tenantId: 't', getToken: () => 'x' });
    expect(attempt).toThrow(
      expect.objectContaining({ name: 'SyncClientError', code: 'no_indexeddb' }),
    );
    let thrown: unknown;
    try {
      attempt();
    } catch (error) {
      thrown = error;
    }
    expect(isSyncClientError(thrown, 'no_indexeddb')).toBe(true);
  });

  it("sets Dexie.dependencies from the options' factory", () => {
    const device = newDevice();
    indexedDbDependencies(device);
    expect(Dexie.dependencies.indexedDB).toBe(device.indexedDB);
    expect(Dexie.dependencies.IDBKeyRange).toBe(device.IDBKeyRange);
  });

  it('clients with different factories in one process each keep their own data and live queries', async () => {
    const make = () => {
      const client = createSyncClient({
        url: 'http://127.0.0.1:9',
        tenantId: 'tenant-env',
        getToken: () => 'x',
        ...newDevice(),
      });
      client.disconnect();
      clients.push(client);
      return client;
    };
    // Both created before either starts: the second factory is the global one from then on.
    const first = make();
    const second = make();
    await first.start();
    await second.start();
    const seen: Record<'first' | 'second', number[]> = { first: [], second: [] };
    first.table('account_groups').observe((rows) => seen.first.push(rows.length));
    second.table('account_groups').observe((rows) => seen.second.push(rows.length));
    await first.table('account_groups').create(sampleData(accountGroups, 1));
    await first.table('account_groups').create(sampleData(accountGroups, 2));
    await second.table('account_groups').create(sampleData(accountGroups, 3));
    await waitFor(() => seen.first.at(-1) === 2, 5000, 'the first client to see its two rows');
    await waitFor(() => seen.second.at(-1) === 1, 5000, 'the second client to see its row');
    expect(await first.table('account_groups').all()).toHaveLength(2);
    expect(await second.table('account_groups').all()).toHaveLength(1);
    expect(first.isLeader() && second.isLeader()).toBe(true);
  });
});
