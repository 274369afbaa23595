import { accountGroups } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { startServerProcess, type ServerProcess, type Session } from '../support/server';
import { waitFor } from '../support/wait';
import { deviceClient, restRows, type DeviceClient } from '../support/sync-harness';

/**
 * Issue scenario 3: the server dies (SIGKILL) while a client has changes queued and comes
 * back on the same data; the client reconnects by itself and the changes arrive.
 */
describe('pending writes survive a server crash and restart (PGlite)', () => {
  let server: ServerProcess;
  let session: Session;
  let device: DeviceClient;

  beforeAll(async () => {
    server = await startServerProcess({ database: 'pglite' });
    session = await server.signup();
    device = deviceClient(server, session.tenant.id, session);
    await device.client.start();
  });
  afterAll(async () => {
    await device?.client.stop();
    await server?.dispose();
  });

  it('drains the outbox once the server is back', async () => {
    const groups = device.client.table('account_groups');
    const before = await groups.create(sampleData(accountGroups, 1));
    await device.client.flush();
    expect(device.client.status().online).toBe(true);

    await server.stop('SIGKILL');
    await waitFor(() => !device.client.status().online, 10_000, 'the client to notice');
    const queued = [];
    for (let i = 0; i < 50; i += 1)
      queued.push(await groups.create(sampleData(accountGroups, 100 + i)));
    await groups.update(before.id, { name: 'renamed while the server was down' });
    expect(device.client.status().pendingCount).toBe(51);
    // Nothing can drain while the server is down.
    await expect(device.client.flush(1500)).rejects.toMatchObject({ code: 'timeout' });

    await server.restart();
    await device.client.flush(60_000);
    expect(device.client.status()).toMatchObject({ online: true, pendingCount: 0, rejections: [] });

    const rows = await restRows(server, session.accessToken, 'account_groups');
    expect(rows).toHaveLength(51);
    expect(rows.find((r) => r.id === before.id)).toMatchObject({
      name: 'renamed while the server was down',
    });
    for (const row of queued)
      expect(rows.find((r) => r.id === row.id)).toMatchObject({
        name: row['name'],
        sortOrder: row['sortOrder'],
      });
    // And the device's rows are the server's rows.
    for (const row of rows) expect(await groups.get(row.id)).toEqual(row);
  });
});
