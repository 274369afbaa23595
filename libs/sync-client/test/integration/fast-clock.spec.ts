import { accountGroups, transactions } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { parseHlc, type AnyRecord } from '@finwise/sync-protocol';
import { startServerProcess, type ServerProcess, type Session } from '../support/server';
import {
  deviceClient,
  localState,
  readOutbox,
  sameRows,
  serverState,
  type DeviceClient,
  type Device,
} from '../support/sync-harness';
import { waitFor } from '../support/wait';

const TEN_MINUTES = 10 * 60_000;
/** The real clock; the server (another process) keeps it. */
const realNow = Date.now.bind(Date);

/** Milliseconds an HLC lies ahead of the real (server) time. */
const aheadOfServer = (hlc: string | null | undefined) =>
  (parseHlc(hlc)?.ms ?? Number.NaN) - realNow();

/**
 * A device whose clock runs 10 minutes fast — twice what the server accepts (`clock_skew`
 * beyond 5 minutes) — still loses nothing: the client learns the server's time from acks and
 * pull pages, stamps with device time + offset, and re-stamps and re-sends a change the server
 * refused as skewed instead of rolling it back (DESIGN §6). Only this test process's clock is
 * fast: the server runs in its own process on the real time.
 */
describe('a device whose clock runs 10 minutes fast (PostgreSQL)', () => {
  let server: ServerProcess;
  const clients: DeviceClient[] = [];

  beforeAll(async () => {
    server = await startServerProcess({ database: 'postgres' });
  });
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + TEN_MINUTES);
  });
  afterEach(async () => {
    for (const { client } of clients.splice(0)) await client.stop();
    jest.restoreAllMocks();
  });
  afterAll(async () => {
    await server?.dispose();
  });

  function fastDevice(session: Session, device?: Device): DeviceClient {
    const created = deviceClient(server, session.tenant.id, session, { device });
    clients.push(created);
    return created;
  }

  async function expectConverged(device: DeviceClient, session: Session) {
    let onServer = new Map<string, AnyRecord>();
    await waitFor(
      async () => {
        onServer = await serverState(server, session.accessToken);
        return sameRows(await localState(device.device, session.tenant.id), onServer);
      },
      10_000,
      'the device to hold exactly the server rows',
    );
    return onServer;
  }

  it('edits made offline before it ever reached the server arrive, none rejected', async () => {
    const session = await server.signup();
    const fast = fastDevice(session);
    fast.client.disconnect();
    await fast.client.start();
    const groups = fast.client.table('account_groups');
    const rows = fast.client.table('transactions');
    const kept = await groups.create(sampleData(accountGroups, 1, { name: 'First name' }));
    const deleted = await groups.create(sampleData(accountGroups, 2));
    await groups.update(kept.id, { name: 'Renamed offline' });
    await groups.delete(deleted.id);
    const payment = await rows.create(sampleData(transactions, 3, { notes: 'Groceries' }));
    await rows.update(payment.id, { amountMinor: -4250 });

    // The premise: every queued change is stamped beyond what the server accepts.
    const queued = await readOutbox(fast.device, session.tenant.id);
    expect(queued).toHaveLength(6);
    for (const { mutation } of queued)
      expect(aheadOfServer(mutation.hlc)).toBeGreaterThan(9 * 60_000);

    fast.client.connect();
    await fast.client.flush(20_000);

    expect(fast.client.status()).toMatchObject({ pendingCount: 0, rejections: [] });
    const onServer = await expectConverged(fast, session);
    expect(onServer.get(`account_groups/${kept.id}`)).toMatchObject({ name: 'Renamed offline' });
    expect(onServer.get(`account_groups/${deleted.id}`)?.deletedAt).not.toBeNull();
    expect(onServer.get(`transactions/${payment.id}`)).toMatchObject({
      notes: 'Groceries',
      amountMinor: -4250,
    });
    expect(await groups.get(kept.id)).toMatchObject({ name: 'Renamed offline' });
    expect(await groups.get(deleted.id)).toBeUndefined();
    // Stored with clocks near the server's time, not ten minutes ahead of everyone else.
    for (const record of onServer.values())
      expect(aheadOfServer(record.updatedAt)).toBeLessThan(60_000);
  });

  it('once it knows the server time it stamps near it, online, offline and after a restart', async () => {
    const session = await server.signup();
    const device = fastDevice(session);
    await device.client.start();
    const groups = device.client.table('account_groups');
    const online = await groups.create(sampleData(accountGroups, 1));
    expect(aheadOfServer(online.updatedAt)).toBeLessThan(60_000);
    await device.client.flush(10_000);

    // A restart offline: the offset is kept on the device, not learnt again.
    await device.client.stop();
    const again = fastDevice(session, device.device);
    again.client.disconnect();
    await again.client.start();
    const offline = await again.client.table('account_groups').update(online.id, { name: 'Later' });
    expect(aheadOfServer(offline.updatedAt)).toBeLessThan(60_000);
    expect(offline.updatedAt > online.updatedAt).toBe(true);

    again.client.connect();
    await again.client.flush(10_000);
    expect(again.client.status()).toMatchObject({ pendingCount: 0, rejections: [] });
    const onServer = await expectConverged(again, session);
    expect(onServer.get(`account_groups/${online.id}`)).toMatchObject({ name: 'Later' });
  });
});
