import { categories, starterCategoryId } from '@finwise/domain';
import type { AnySyncRow } from '../../src/lib/public-types';
import { startServerProcess, type ServerProcess, type Session } from '../support/server';
import { deviceClient, restRows, type DeviceClient } from '../support/sync-harness';
import { waitFor } from '../support/wait';

/**
 * A seeded row (deterministic id, `createIfAbsent`) written by a device that has not heard of
 * it yet never undoes what another device did to it: B seeds "Groceries" offline after A had
 * seeded and renamed it, and once B is back every device and the server keep A's name.
 */
describe('a seeded row written again by a device that had not pulled it', () => {
  const id = starterCategoryId('groceries');
  const seed = {
    id,
    name: 'Groceries',
    groupName: 'Everyday',
    isIncome: false,
    hidden: false,
    sortOrder: 70,
    carryOverspending: false,
  };
  let server: ServerProcess;
  let session: Session;
  let a: DeviceClient;
  let b: DeviceClient;

  beforeAll(async () => {
    server = await startServerProcess();
    session = await server.signup();
    a = deviceClient(server, session.tenant.id, session);
    b = deviceClient(server, session.tenant.id, await server.login(session.user.email));
    await Promise.all([a.client.start(), b.client.start()]);
  });
  afterAll(async () => {
    await a?.client.stop();
    await b?.client.stop();
    await server?.dispose();
  });

  it('keeps the other device’s rename and makes no second row', async () => {
    b.client.disconnect();
    await a.client.table(categories.modelName).createIfAbsent(seed);
    await a.client.table(categories.modelName).update(id, { name: 'Food' });
    await a.client.flush();

    // B has not pulled: the id is unknown there, so the seed is written locally.
    const local = await b.client.table<AnySyncRow>(categories.modelName).createIfAbsent(seed);
    expect(local?.['name']).toBe('Groceries');
    b.client.connect();
    await b.client.flush(60_000);

    await waitFor(
      async () =>
        (await b.client.table<AnySyncRow>(categories.modelName).get(id))?.['name'] === 'Food',
      15_000,
      'B holding the renamed row',
    );
    const stored = await restRows(server, session.accessToken, categories.modelName);
    expect(stored.map((row) => [row.id, row['name']])).toEqual([[id, 'Food']]);
    expect((await a.client.table<AnySyncRow>(categories.modelName).get(id))?.['name']).toBe('Food');
  });
});
