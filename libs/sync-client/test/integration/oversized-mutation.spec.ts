import { accountGroups } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { applyMutation, pushBatchBytes, SyncLimits, type Mutation } from '@finwise/sync-protocol';
import { startServerProcess, type ServerProcess } from '../support/server';
import { LocalDatabase } from '../../src/lib/database/local-database';
import { PersistedClock } from '../../src/lib/database/persisted-clock';
import { rowKey } from '../../src/lib/outbox/outbox-entry';
import type { Device } from '../support/sync-harness';
import {
  deviceClient,
  localState,
  nodeIdOf,
  sameRows,
  serverState,
  type DeviceClient,
} from '../support/sync-harness';
import { waitFor } from '../support/wait';

/**
 * A mutation too large to fit even a batch of its own (over 256 KB) can never be sent. It must
 * not stall the outbox, and it must not vanish silently either: the client rejects it like any
 * other refused change — the row goes back to the server's version (with the device's other
 * pending changes of it re-applied), the rejection is shown with `batch_too_large`, and the
 * rest of the outbox is sent.
 *
 * Local validation keeps such a mutation from being written through the table API (strings are
 * at most 500 characters), so one is put into the outbox directly, as a client build with other
 * limits or a damaged database could leave it.
 */
describe('a mutation too large for any batch (PostgreSQL)', () => {
  let server: ServerProcess;
  const clients: DeviceClient[] = [];

  beforeAll(async () => {
    server = await startServerProcess({ database: 'postgres' });
  });
  afterAll(async () => {
    for (const { client } of clients) await client.stop();
    await server?.dispose();
  });

  /** Queues an update of `id` whose JSON alone is over the batch limit, applied to the local row. */
  async function queueOversizedUpdate(device: Device, tenantId: string, id: string) {
    const db = new LocalDatabase(tenantId, device);
    const clock = new PersistedClock(await nodeIdOf(device, tenantId));
    try {
      return await db.transaction('rw', db.syncTables(), async () => {
        const table = db.rows('account_groups');
        const row = await table.get(id);
        const mutation: Mutation = {
          mutationId: globalThis.crypto.randomUUID(),
          modelName: 'account_groups',
          operation: 'update',
          data: { id, name: 'x'.repeat(SyncLimits.maxBatchBytes + 1000) },
          hlc: await clock.tick(db, row?.updatedAt),
        };
        const outcome = applyMutation(row, mutation, accountGroups.fieldNames);
        if (outcome.status !== 'applied') throw new Error('the oversized update must apply');
        await table.put(outcome.record);
        await db.outbox.add({ rowKey: rowKey('account_groups', id), mutation, complete: false });
        return mutation;
      });
    } finally {
      db.close();
    }
  }

  it('rolls the row back to the server version, reports batch_too_large and sends the rest', async () => {
    const session = await server.signup();
    const first = deviceClient(server, session.tenant.id, session);
    clients.push(first);
    await first.client.start();
    const group = await first.client
      .table('account_groups')
      .create(sampleData(accountGroups, 1, { name: 'Synced name', sortOrder: 1 }));
    await first.client.flush(10_000);

    // Offline: a normal edit, the oversized one after it, and another change behind both.
    first.client.disconnect();
    await first.client.table('account_groups').update(group.id, { sortOrder: 7 });
    await first.client.stop();
    const oversized = await queueOversizedUpdate(first.device, session.tenant.id, group.id);
    expect(pushBatchBytes([oversized])).toBeGreaterThan(SyncLimits.maxBatchBytes);

    const second = deviceClient(server, session.tenant.id, session, { device: first.device });
    clients.push(second);
    second.client.disconnect();
    await second.client.start();
    const groups = second.client.table('account_groups');
    expect((await groups.get(group.id))?.name).toHaveLength(SyncLimits.maxBatchBytes + 1000);
    const behind = await groups.create(sampleData(accountGroups, 2, { name: 'Behind it' }));

    second.client.connect();
    await second.client.flush(15_000);

    expect(second.client.status().pendingCount).toBe(0);
    expect(second.client.status().rejections).toEqual([
      expect.objectContaining({
        mutationId: oversized.mutationId,
        modelName: 'account_groups',
        id: group.id,
        operation: 'update',
        code: 'batch_too_large',
      }),
    ]);
    // The server's version, with the edit made before the oversized one: nothing else lost.
    expect(await groups.get(group.id)).toMatchObject({ name: 'Synced name', sortOrder: 7 });
    const onServer = await serverState(server, session.accessToken);
    expect(onServer.get(`account_groups/${group.id}`)).toMatchObject({
      name: 'Synced name',
      sortOrder: 7,
    });
    expect(onServer.get(`account_groups/${behind.id}`)).toMatchObject({ name: 'Behind it' });
    await waitFor(
      async () => sameRows(await localState(second.device, session.tenant.id), onServer),
      10_000,
      'the device to hold exactly the server rows',
    );
  });
});
