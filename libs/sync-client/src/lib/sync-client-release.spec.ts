import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Dexie from 'dexie';
import type { AccountGroup } from '@finwise/domain';
import { newDevice } from '../../test/support/fake-indexeddb';
import { createSyncClient } from './create-sync-client';

/** A full collection, also without `--expose-gc` (the flag only has to be set before use). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function collected(registry: { alive: number }, rounds = 20): Promise<number> {
  for (let i = 0; i < rounds && registry.alive > 0; i++) {
    collectGarbage();
    // Finalization callbacks run in a later task.
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return registry.alive;
}

/**
 * A stopped client must leave nothing behind: a process that creates and stops many clients
 * (tenant switches, the fault suite's hundreds of simulated devices) would otherwise grow
 * without bound. Both its own objects and its IndexedDB factory must be collectable, and it
 * must leave no timer running.
 */
describe('SyncClient after stop()', () => {
  it('is garbage, with its database and timers, once the app drops it', async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const counter = { alive: 0 };
    const registry = new FinalizationRegistry<string>(() => (counter.alive -= 1));
    const run = async (i: number) => {
      const device = newDevice();
      const client = createSyncClient({
        url: 'http://127.0.0.1:9',
        tenantId: `tenant-release-${i}`,
        getToken: () => 'unused',
        ...device,
        tuning: { leaderLeaseMs: 300 },
      });
      client.disconnect();
      // Neither is ended by the app: stop() has to.
      client.onStatus(() => undefined);
      await client.start();
      const groups = client.table<AccountGroup>('account_groups');
      const row = await groups.create({ name: 'Cash', sortOrder: 1 });
      await groups.update(row.id, { name: 'Wallet' });
      groups.observe(() => undefined);
      await client.stop({ clearLocalData: i % 2 === 0 });
      registry.register(client, 'client');
      registry.register(device.indexedDB, 'factory');
      counter.alive += 2;
    };
    for (let i = 0; i < 4; i++) await run(i);

    expect(await collected(counter)).toBe(0);
    expect(
      process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length,
    ).toBeLessThanOrEqual(before);
  });

  it("hands Dexie's global factory to a running client, so its live queries keep firing", async () => {
    const make = (name: string) => {
      const device = newDevice();
      const client = createSyncClient({
        url: 'http://127.0.0.1:9',
        tenantId: `tenant-handover-${name}`,
        getToken: () => 'unused',
        ...device,
      });
      client.disconnect();
      return { client, factory: device.indexedDB };
    };
    const first = make('first');
    const second = make('second');
    await first.client.start();
    await second.client.start();
    expect(Dexie.dependencies.indexedDB).toBe(second.factory);

    await second.client.stop();
    expect(Dexie.dependencies.indexedDB).toBe(first.factory);
    const counts: number[] = [];
    first.client.table<AccountGroup>('account_groups').observe((rows) => counts.push(rows.length));
    await first.client.table<AccountGroup>('account_groups').create({ name: 'Cash', sortOrder: 1 });
    const deadline = Date.now() + 5000;
    while (!counts.includes(1) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(counts).toContain(1);

    await first.client.stop();
    // Node has no IndexedDB of its own: nothing of a stopped client stays in the global.
    expect(Dexie.dependencies.indexedDB).toBeUndefined();
  });
});
