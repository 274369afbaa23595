import { accountGroups, sampleData } from '@finwise/domain';
import { FaultProxy } from '../faults/fault-proxy';
import { createThrowawayPostgres, startServerProcess, type ServerProcess, type ThrowawayPostgres } from '../support/server';
import { deviceClient, restRows, type DeviceClient } from '../support/sync-harness';
import { waitFor } from '../support/wait';

const REDIS_URL = process.env['REDIS_URL'] || 'redis://127.0.0.1:6379';

/**
 * Two instances on one PostgreSQL share broadcasts through Redis, behind a load balancer (a TCP
 * proxy here). When the instance a client is connected to dies, the client reconnects to the
 * other through the same address and loses nothing.
 */
describe('two instances over Redis with a failover', () => {
  let database: ThrowawayPostgres;
  let first: ServerProcess;
  let second: ServerProcess;
  let balancer: FaultProxy;
  let target: () => number;
  const devices: DeviceClient[] = [];

  beforeAll(async () => {
    database = await createThrowawayPostgres();
    const env = { REDIS_URL, AUTH_RATE_LIMIT: '0' };
    first = await startServerProcess({ sharedDatabase: database, env });
    second = await startServerProcess({ sharedDatabase: database, env });
    target = () => first.port;
    balancer = await FaultProxy.start(() => target());
  });
  afterAll(async () => {
    await Promise.all(devices.map((d) => d.client.stop()));
    await balancer?.close();
    await first?.dispose();
    await second?.dispose();
    await database?.drop();
  });

  it('keeps clients on different instances live and survives losing one', async () => {
    const session = await first.signup();
    // Its tokens refresh against the surviving instance (both share one database).
    const viaBalancer = deviceClient(second, session.tenant.id, session, { url: balancer.url });
    const onSecond = deviceClient(second, session.tenant.id, session);
    devices.push(viaBalancer, onSecond);
    await Promise.all([viaBalancer.client.start(), onSecond.client.start()]);

    // Live across instances: a write on the first reaches a client of the second, and back.
    const a = await viaBalancer.client.table('account_groups').create(sampleData(accountGroups, 1));
    await waitFor(async () => (await onSecond.client.table('account_groups').get(a.id)) !== undefined, 10_000, 'the row on instance two');
    const b = await onSecond.client.table('account_groups').create(sampleData(accountGroups, 2));
    await waitFor(async () => (await viaBalancer.client.table('account_groups').get(b.id)) !== undefined, 10_000, 'the row on instance one');

    // The first instance dies; the balancer sends new connections to the second.
    await first.stop('SIGKILL');
    target = () => second.port;
    balancer.cutAll();
    const written = [];
    for (let i = 0; i < 20; i += 1) written.push(await viaBalancer.client.table('account_groups').create(sampleData(accountGroups, 10 + i)));
    await viaBalancer.client.flush(60_000);

    const rows = await restRows(second, session.accessToken, 'account_groups');
    expect(rows.map((r) => r.id).sort()).toEqual([a.id, b.id, ...written.map((w) => w.id)].sort());
    await waitFor(async () => (await onSecond.client.table('account_groups').all()).length === 22, 10_000, 'every row on the other client');
  });
});
