import { accountGroups } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { startServerProcess, type ServerProcess, type Session } from '../support/server';
import { waitFor } from '../support/wait';
import { deviceClient, type DeviceClient } from '../support/sync-harness';
import { newDevice } from '../support/fake-indexeddb';

/**
 * Issue scenario 6: two engines on the same database (two tabs of one browser profile:
 * one IndexedDB factory, one database name). Exactly one leads and owns the socket; the
 * follower's writes go through the shared outbox to the server; when the leader stops, the
 * follower takes over.
 */
describe('two tabs on one database (PostgreSQL)', () => {
  let server: ServerProcess;
  let session: Session;
  const tabs: DeviceClient[] = [];
  let otherDevice: DeviceClient;

  beforeAll(async () => {
    server = await startServerProcess({ database: 'postgres' });
    session = await server.signup();
  });
  afterAll(async () => {
    for (const tab of tabs) await tab.client.stop();
    await otherDevice?.client.stop();
    await server?.dispose();
  });

  const serverRow = (id: string) =>
    server.request('GET', `/account_groups/${id}`, { token: session.accessToken });

  it("one leader; follower writes reach the server; the leader's exit hands leadership over", async () => {
    const browser = newDevice();
    const first = deviceClient(server, session.tenant.id, session, { device: browser });
    const second = deviceClient(server, session.tenant.id, session, { device: browser });
    tabs.push(first, second);
    await first.client.start();
    await second.client.start();
    expect([first.client.isLeader(), second.client.isLeader()]).toEqual([true, false]);
    // Only the leader connects; the follower mirrors the leader's status.
    expect(second.tokens.getTokenCalls).toBe(0);
    await waitFor(
      () => second.client.status().online,
      5000,
      'the follower to show the leader online',
    );

    otherDevice = deviceClient(server, session.tenant.id, await server.login(session.user.email));
    await otherDevice.client.start();

    // A write in the follower tab goes out through the leader's socket.
    const fromFollower = await second.client
      .table('account_groups')
      .create(sampleData(accountGroups, 1));
    expect(second.client.status().pendingCount).toBe(1);
    await second.client.flush(10_000);
    expect((await serverRow(fromFollower.id)).status).toBe(200);
    await waitFor(
      async () =>
        (await otherDevice.client.table('account_groups').get(fromFollower.id)) !== undefined,
      10_000,
      'the other device to see it',
    );

    // Both tabs see a change from another device live.
    const seenByFollower: number[] = [];
    second.client.table('account_groups').observe((rows) => seenByFollower.push(rows.length));
    await otherDevice.client.table('account_groups').create(sampleData(accountGroups, 2));
    await waitFor(
      () => seenByFollower.at(-1) === 2,
      10_000,
      "the follower tab to show the other device's row",
    );
    expect(await first.client.table('account_groups').all()).toHaveLength(2);

    // The leader tab closes: the follower becomes the leader, connects and syncs.
    await first.client.stop();
    await waitFor(() => second.client.isLeader(), 5000, 'the follower to take over');
    await waitFor(
      () => second.tokens.getTokenCalls > 0 && second.client.status().online,
      10_000,
      'the new leader to connect',
    );
    const afterHandover = await second.client
      .table('account_groups')
      .create(sampleData(accountGroups, 3));
    await second.client.flush(10_000);
    expect((await serverRow(afterHandover.id)).body).toEqual(
      await second.client.table('account_groups').get(afterHandover.id),
    );
    await waitFor(
      async () => (await otherDevice.client.table('account_groups').all()).length === 3,
      10_000,
      'the other device to see all rows',
    );
  });
});
