import { accountGroups } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import type { AnyRecord } from '@finwise/sync-protocol';
import { FaultProxy } from '../faults/fault-proxy';
import { SyncTraffic } from '../faults/sync-traffic';
import {
  createThrowawayPostgres,
  startServerProcess,
  type ServerProcess,
  type ThrowawayPostgres,
} from '../support/server';
import { deviceClient, restRows, type DeviceClient } from '../support/sync-harness';
import { sleep, waitFor } from '../support/wait';

const REDIS_URL = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';
const WRITERS = 3;
const MODEL = 'account_groups';

/**
 * Two instances on one PostgreSQL share broadcasts through Redis, behind a load balancer (a TCP
 * proxy here). The instance several clients are writing to dies (SIGKILL) right after one of
 * their pushes reached it, with more writes still queued; they reconnect to the other through
 * the same address and lose nothing, and a client of the other instance sees it all live.
 */
describe('two instances over Redis with a failover', () => {
  let database: ThrowawayPostgres;
  let first: ServerProcess;
  let second: ServerProcess;
  let balancer: FaultProxy;
  let target: () => number;
  const traffic = new SyncTraffic();
  const devices: DeviceClient[] = [];

  beforeAll(async () => {
    database = await createThrowawayPostgres();
    const env = { REDIS_URL, AUTH_RATE_LIMIT: '0', TENANT_RATE_LIMIT: '0', SOCKET_RATE_LIMIT: '0' };
    first = await startServerProcess({ sharedDatabase: database, env });
    second = await startServerProcess({ sharedDatabase: database, env });
    target = () => first.port;
    balancer = await FaultProxy.start(() => target(), traffic);
  });
  afterAll(async () => {
    await Promise.all(devices.map((d) => d.client.stop()));
    await balancer?.close();
    await first?.dispose();
    await second?.dispose();
    await database?.drop();
  });

  it('keeps clients on different instances live and loses no write of the instance that dies mid-push', async () => {
    const session = await first.signup();
    // Their tokens refresh against the surviving instance (both share one database).
    const writers = Array.from({ length: WRITERS }, () =>
      deviceClient(second, session.tenant.id, session, { url: balancer.url }),
    );
    const onSecond = deviceClient(second, session.tenant.id, session);
    devices.push(...writers, onSecond);
    await Promise.all(devices.map((d) => d.client.start()));

    // Live across instances: a write on the first reaches a client of the second, and back.
    const a = await writers[0].client.table(MODEL).create(sampleData(accountGroups, 1));
    await waitFor(
      async () => (await onSecond.client.table(MODEL).get(a.id)) !== undefined,
      10_000,
      'the row on instance two',
    );
    const b = await onSecond.client.table(MODEL).create(sampleData(accountGroups, 2));
    await waitFor(
      async () => (await writers[0].client.table(MODEL).get(b.id)) !== undefined,
      10_000,
      'the row on instance one',
    );

    // Every writer writes continuously; the first instance dies right after one of their pushes reached it.
    const written: AnyRecord[] = [];
    let writing = true;
    const loops = writers.map(async (writer, w) => {
      for (let i = 0; writing; i += 1) {
        written.push(
          await writer.client
            .table<AnyRecord>(MODEL)
            .create(sampleData(accountGroups, 1000 * (w + 1) + i)),
        );
        await sleep(5 + w * 3);
      }
    });
    await sleep(300);
    const atKill = await new Promise<{ inFlightPushes: number; queued: number; written: number }>(
      (resolve) =>
        traffic.whenNextPushForwarded(() => {
          const inFlightPushes = traffic.inFlight;
          void first.stop('SIGKILL');
          target = () => second.port;
          balancer.cutAll();
          resolve({
            inFlightPushes,
            queued: writers.reduce((sum, d) => sum + d.client.status().pendingCount, 0),
            written: written.length,
          });
        }),
    );
    expect(atKill.inFlightPushes).toBeGreaterThan(0);
    expect(atKill.queued).toBeGreaterThan(0);
    await sleep(700);
    writing = false;
    await Promise.all(loops);
    // The writers kept writing through the failover.
    expect(written.length).toBeGreaterThan(atKill.written);
    await Promise.all(writers.map((d) => d.client.flush(60_000)));
    expect(writers.every((d) => d.client.status().online)).toBe(true);

    const expected = [a.id, b.id, ...written.map((w) => w.id)].sort();
    const rows = await restRows(second, session.accessToken, MODEL);
    expect(rows.map((r) => r.id).sort()).toEqual(expected);
    // Every client, the other instance's too, ends with every row.
    for (const device of devices) {
      await waitFor(
        async () => (await device.client.table(MODEL).all()).length === expected.length,
        15_000,
        'every row on every client',
      );
    }
  });
});
