import { accountGroups } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { SyncEvents } from '@finwise/sync-protocol';
import { Socket } from 'socket.io-client';
import { startServerProcess, type ServerProcess } from '../support/server';
import { deviceClient, restRows } from '../support/sync-harness';
import { waitFor } from '../support/wait';

/**
 * A device that comes back with writes of its own and a long download ahead sends its writes
 * first: they exist only on this device, and a connection can end (token expiry, network)
 * before a long catch-up is through. Seen from the device's socket: the first request after
 * the reconnect is a push, and everything still converges.
 */
describe('a reconnecting device pushes before it catches up (PostgreSQL)', () => {
  let server: ServerProcess;
  const requests: string[] = [];

  beforeAll(async () => {
    server = await startServerProcess({ database: 'postgres' });
    const socketPrototype = Socket.prototype as unknown as {
      emit(event: string, ...args: unknown[]): Socket;
    };
    const emit = socketPrototype.emit;
    jest.spyOn(socketPrototype, 'emit').mockImplementation(function (
      this: Socket,
      event: string,
      ...args: unknown[]
    ) {
      if (event === SyncEvents.push || event === SyncEvents.pull) requests.push(event);
      return emit.call(this, event, ...args);
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await server?.dispose();
  });

  it('sends its own write first, then downloads the others in pages', async () => {
    const session = await server.signup();
    const other = deviceClient(server, session.tenant.id, await server.login(session.user.email));
    const device = deviceClient(server, session.tenant.id, session, {
      tuning: { pullPageSize: 5 },
    });
    try {
      await device.client.start();
      device.client.disconnect();
      const own = await device.client.table('account_groups').create(sampleData(accountGroups, 0));

      await other.client.start();
      const others = [];
      for (let i = 1; i <= 30; i += 1)
        others.push(
          await other.client.table('account_groups').create(sampleData(accountGroups, i)),
        );
      await other.client.flush(15_000);
      await other.client.stop();

      requests.length = 0;
      device.client.connect();
      await device.client.flush(15_000);
      await waitFor(
        async () => (await device.client.table('account_groups').all()).length === 31,
        15_000,
        "the other device's rows to arrive",
      );

      expect(requests[0]).toBe(SyncEvents.push);
      // 31 rows in pages of 5: the catch-up after the push took several pulls.
      expect(requests.filter((r) => r === SyncEvents.pull).length).toBeGreaterThanOrEqual(6);
      const onServer = await restRows(server, device.tokens.accessToken, 'account_groups');
      expect(onServer.map((r) => r.id).sort()).toEqual([own, ...others].map((r) => r.id).sort());
      const local = await device.client.table('account_groups').all();
      expect(local.map((r) => r.id).sort()).toEqual(onServer.map((r) => r.id).sort());
    } finally {
      await device.client.stop();
      await other.client.stop().catch(() => undefined);
    }
  });
});
