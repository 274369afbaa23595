import { accountGroups } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { SyncEvents } from '@finwise/sync-protocol';
import { Socket } from 'socket.io-client';
import { startServerProcess, type ServerProcess, type Session } from '../support/server';
import { deviceClient, type DeviceClient } from '../support/sync-harness';
import { sleep, waitFor } from '../support/wait';
import type { SyncTuning } from '../../src/lib/public-types';

/**
 * Broadcasts are only an optimisation: one can be lost (a crash between commit and emit, a
 * Redis hiccup). A connected client therefore also pulls while idle and when its tab becomes
 * visible, so a lost broadcast delays a change by at most the idle interval (DESIGN §6).
 *
 * The loss is made here in the receiving client's socket: the next `sync:changes` event it
 * gets is dropped before the engine sees it. Only the other device receives broadcasts (the
 * server never sends one back to its writer), so the dropped one is always the reader's.
 */
describe('a lost broadcast still arrives (PostgreSQL)', () => {
  let server: ServerProcess;
  const clients: DeviceClient[] = [];
  let broadcastsToDrop = 0;
  let dropped = 0;

  beforeAll(async () => {
    server = await startServerProcess({ database: 'postgres' });
    const socketPrototype = Socket.prototype as unknown as { emitEvent(args: unknown[]): void };
    const deliver = socketPrototype.emitEvent;
    jest.spyOn(socketPrototype, 'emitEvent').mockImplementation(function (this: Socket, args) {
      if (args[0] === SyncEvents.changes && broadcastsToDrop > 0) {
        broadcastsToDrop -= 1;
        dropped += 1;
        return;
      }
      deliver.call(this, args);
    });
  });
  afterEach(async () => {
    for (const { client } of clients.splice(0)) await client.stop();
    delete (globalThis as { document?: unknown }).document;
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await server?.dispose();
  });

  async function started(session: Session, tuning: Partial<SyncTuning> = {}) {
    const device = deviceClient(server, session.tenant.id, await server.login(session.user.email), {
      tuning,
    });
    clients.push(device);
    await device.client.start();
    return device;
  }

  /** The writer creates a row whose broadcast to the reader is lost. */
  async function writeWithLostBroadcast(writer: DeviceClient) {
    broadcastsToDrop = 1;
    const before = dropped;
    const row = await writer.client.table('account_groups').create(sampleData(accountGroups, 1));
    await writer.client.flush(10_000);
    await waitFor(() => dropped === before + 1, 10_000, 'the broadcast to be dropped');
    return row;
  }

  it('an idle connected client pulls within the idle interval', async () => {
    const session = await server.signup();
    const writer = await started(session);
    const reader = await started(session, { idlePullMs: 400 });
    await sleep(100);

    const row = await writeWithLostBroadcast(writer);
    await waitFor(
      async () => (await reader.client.table('account_groups').get(row.id)) !== undefined,
      5_000,
      'the change to reach the reader without its broadcast',
    );
  });

  it('a client pulls when its tab becomes visible, long before the idle interval', async () => {
    const page = Object.assign(new EventTarget(), { visibilityState: 'hidden' });
    (globalThis as { document?: unknown }).document = page;
    const session = await server.signup();
    const writer = await started(session);
    const reader = await started(session);
    await sleep(100);

    const row = await writeWithLostBroadcast(writer);
    // Nothing else would bring it: no broadcast, and the idle pull is a minute away.
    await sleep(500);
    expect(await reader.client.table('account_groups').get(row.id)).toBeUndefined();

    page.visibilityState = 'visible';
    page.dispatchEvent(new Event('visibilitychange'));
    await waitFor(
      async () => (await reader.client.table('account_groups').get(row.id)) !== undefined,
      5_000,
      'the change to reach the reader once its tab is visible',
    );
  });
});
