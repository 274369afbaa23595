import { accountGroups, transactions } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { encodeCursor } from '@finwise/sync-protocol';
import { startServerProcess, type ServerProcess } from '../support/server';
import { LocalDatabase } from '../../src/lib/database/local-database';
import { writeMeta } from '../../src/lib/database/meta';
import { waitFor } from '../support/wait';
import { deviceClient, type DeviceClient } from '../support/sync-harness';
import { newDevice } from '../support/fake-indexeddb';

/**
 * What the server corrects: mutations it rejects (rolled back locally and reported) and a
 * cursor it no longer serves (`resync_required`: reload, keeping the outbox).
 */
describe('server corrections (PostgreSQL)', () => {
  let server: ServerProcess;
  const clients: DeviceClient[] = [];

  beforeAll(async () => {
    server = await startServerProcess({ database: 'postgres' });
  });
  afterAll(async () => {
    for (const { client } of clients) await client.stop();
    await server?.dispose();
  });

  it('a rejected change is rolled back to the server row and reported until cleared', async () => {
    const session = await server.signup();
    const device = deviceClient(server, session.tenant.id, session);
    clients.push(device);
    await device.client.start();
    const rows = device.client.table('transactions');
    const parent = await rows.create(
      sampleData(transactions, 1, { notes: 'Synced note', parentId: null }),
    );
    const line = await rows.create(sampleData(transactions, 2, { parentId: parent.id }));
    await device.client.flush();

    // Making the split parent a line of its own line nests splits: only the server checks the
    // row a change points to, so the device takes it and the server refuses it.
    device.client.disconnect();
    await rows.update(parent.id, { parentId: line.id, notes: 'Nested' });
    expect(await rows.get(parent.id)).toMatchObject({ parentId: line.id, notes: 'Nested' });

    device.client.connect();
    await device.client.flush(10_000);
    const { rejections } = device.client.status();
    expect(rejections).toEqual([
      expect.objectContaining({
        modelName: 'transactions',
        id: parent.id,
        operation: 'update',
        code: 'validation',
      }),
    ]);
    const onServer = await server.request('GET', `/transactions/${parent.id}`, {
      token: session.accessToken,
    });
    expect(onServer.body).toMatchObject({ notes: 'Synced note', parentId: null });
    expect(await rows.get(parent.id)).toEqual(onServer.body);

    device.client.clearRejections();
    expect(device.client.status().rejections).toEqual([]);
  });

  it('resync_required: the local copy is reloaded from scratch and pending changes still arrive', async () => {
    const session = await server.signup();
    const writer = deviceClient(server, session.tenant.id, session);
    clients.push(writer);
    await writer.client.start();
    for (let i = 0; i < 30; i += 1)
      await writer.client.table('account_groups').create(sampleData(accountGroups, i));
    await writer.client.flush();

    // A device whose stored cursor the server does not serve (as after a purge or a data reset),
    // holding a row the server never had and an unsynced change.
    const device = newDevice();
    const stale = deviceClient(server, session.tenant.id, await server.login(session.user.email), {
      device,
    });
    clients.push(stale);
    stale.client.disconnect();
    await stale.client.start();
    const pending = await stale.client
      .table('account_groups')
      .create(sampleData(accountGroups, 100));
    const db = new LocalDatabase(session.tenant.id, device);
    await writeMeta(db, 'cursor', encodeCursor(1_000_000));
    await db.rows('account_groups').put({
      ...(await db.rows('account_groups').get(pending.id))!,
      id: '5b0c6f1e-0000-4000-8000-000000000001',
    });
    db.close();

    stale.client.connect();
    await stale.client.flush(10_000);
    await waitFor(
      async () => (await stale.client.table('account_groups').all()).length === 31,
      10_000,
      'the reload',
    );
    const rows = await stale.client.table('account_groups').all();
    expect(rows.map((r) => r.id)).not.toContain('5b0c6f1e-0000-4000-8000-000000000001');
    expect(rows.map((r) => r.id)).toContain(pending.id);
    // The outbox drains first (a reconnect pushes before it pulls), so the reload brings the
    // writer's 30 rows and the pushed one back from the server.
    expect(stale.client.status().initialLoad).toEqual({ loaded: 31, total: 31 });
    await waitFor(
      async () => (await writer.client.table('account_groups').get(pending.id)) !== undefined,
      10_000,
      'the pending change to arrive',
    );
  });
});
