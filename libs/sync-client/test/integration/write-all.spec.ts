import { accountGroups } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { startServerProcess, type ServerProcess } from '../support/server';
import { deviceClient, recordPendingCounts, type DeviceClient } from '../support/sync-harness';
import { waitFor } from '../support/wait';

/**
 * `writeAll` against the real server: several writes made together are pushed in one batch (the
 * pending count goes from all of them to none in one ack) and reach another device together.
 */
describe('writeAll (PostgreSQL)', () => {
  let server: ServerProcess;
  const clients: DeviceClient[] = [];

  beforeAll(async () => {
    server = await startServerProcess({ database: 'postgres' });
  });
  afterAll(async () => {
    for (const { client } of clients) await client.stop();
    await server?.dispose();
  });

  it('pushes the writes of one call in one batch', async () => {
    const session = await server.signup();
    const [writer, reader] = [0, 1].map(() => deviceClient(server, session.tenant.id, session));
    clients.push(writer, reader);
    await Promise.all([writer.client.start(), reader.client.start()]);
    const existing = sampleData(accountGroups, 1);
    await writer.client.table('account_groups').create(existing);
    await writer.client.flush(30_000);

    const counts = recordPendingCounts(writer.client);
    const added = [sampleData(accountGroups, 2), sampleData(accountGroups, 3)];
    await writer.client.writeAll([
      ...added.map((data) => ({ modelName: 'account_groups', operation: 'create' as const, data })),
      {
        modelName: 'account_groups',
        operation: 'update',
        data: { id: existing.id, name: 'Moved' },
      },
    ]);
    await writer.client.flush(30_000);

    expect(counts).toEqual([0, 3, 0]);
    const groups = reader.client.table('account_groups');
    await waitFor(
      async () =>
        (await groups.all()).length === 3 && (await groups.get(existing.id))?.['name'] === 'Moved',
      20_000,
      'the other device to hold all three writes',
    );
  });
});
