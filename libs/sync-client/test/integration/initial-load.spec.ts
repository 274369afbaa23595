import { transactions } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import {
  HybridLogicalClock,
  isErrorAck,
  randomNodeId,
  type Mutation,
} from '@finwise/sync-protocol';
import { startServerProcess, type ServerProcess, type Session } from '../support/server';
import type { InitialLoadProgress } from '../../src/lib/public-types';
import { simulateCrash } from '../../src/lib/testing/simulate-crash';
import { deviceClient, httpPush, type DeviceClient } from '../support/sync-harness';
import { waitFor } from '../support/wait';

const ROWS = 20_000;
/** 500 full transaction rows exceed the 256 KB batch limit; 300 fit. */
const SEED_BATCH = 300;

/**
 * Issue scenario 5: a fresh device loads 20,000 transactions page by page, reporting
 * monotonic progress, and ends with the complete data set.
 */
describe('initial load of 20,000 transactions (PostgreSQL)', () => {
  let server: ServerProcess;
  let session: Session;
  let device: DeviceClient;

  beforeAll(async () => {
    server = await startServerProcess({ database: 'postgres' });
    session = await server.signup();
    const clock = new HybridLogicalClock(randomNodeId());
    for (let start = 0; start < ROWS; start += SEED_BATCH) {
      const mutations: Mutation[] = [];
      for (let i = start; i < Math.min(ROWS, start + SEED_BATCH); i += 1) {
        mutations.push({
          mutationId: globalThis.crypto.randomUUID(),
          modelName: 'transactions',
          operation: 'create',
          data: sampleData(transactions, i),
          hlc: clock.tick(),
        });
      }
      const ack = await httpPush(server, session.accessToken, mutations);
      if (isErrorAck(ack)) throw new Error(`seeding failed: ${ack.error.code}`);
      expect(ack.results.every((r) => r.status === 'applied')).toBe(true);
    }
  });
  const others: DeviceClient[] = [];
  afterAll(async () => {
    for (const other of others) await other.client.stop();
    await device?.client.stop();
    await server?.dispose();
  });

  it('reports never-decreasing progress and ends complete', async () => {
    device = deviceClient(server, session.tenant.id, session);
    const progress: InitialLoadProgress[] = [];
    device.client.onStatus((status) => {
      const last = progress.at(-1);
      if (
        !last ||
        last.loaded !== status.initialLoad.loaded ||
        last.total !== status.initialLoad.total
      )
        progress.push(status.initialLoad);
    });

    const started = Date.now();
    await device.client.start();
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `initial load of ${ROWS} transactions: ${seconds.toFixed(1)} s (${Math.round(ROWS / seconds)} rows/s on fake-indexeddb)\n`,
    );

    expect(progress[0]).toEqual({ loaded: 0, total: 0 });
    expect(progress.at(-1)).toEqual({ loaded: ROWS, total: ROWS });
    // Paged: many steps, each one not smaller than the one before.
    expect(progress.length).toBeGreaterThanOrEqual(ROWS / 1000);
    for (let i = 1; i < progress.length; i += 1) {
      expect(progress[i].loaded).toBeGreaterThanOrEqual(progress[i - 1].loaded);
      expect(progress[i].total).toBeGreaterThanOrEqual(progress[i - 1].total);
    }
    expect(progress.slice(1).every((p) => p.total === ROWS)).toBe(true);

    const rows = await device.client.table('transactions').all();
    expect(rows).toHaveLength(ROWS);
    const payees = (list: Record<string, unknown>[]) => list.map((r) => String(r['payee'])).sort();
    expect(payees(rows)).toEqual(
      payees(Array.from({ length: ROWS }, (_, i) => sampleData(transactions, i))),
    );
    expect(device.client.status()).toMatchObject({
      online: true,
      pendingCount: 0,
      initialLoad: { loaded: ROWS, total: ROWS },
    });

    // A restart from the stored cursor does not load again: progress starts (and stays) at {0,0}.
    await device.client.stop();
    device = deviceClient(server, session.tenant.id, session, { device: device.device });
    await device.client.start();
    expect(device.client.status().initialLoad).toEqual({ loaded: 0, total: 0 });
    expect(await device.client.table('transactions').all()).toHaveLength(ROWS);
  });

  it('a load cut off mid-way resumes where it stopped and keeps counting to the end', async () => {
    const first = deviceClient(server, session.tenant.id, session);
    others.push(first);
    // Killed (no stop()) once a quarter has been loaded.
    const killedAt = new Promise<InitialLoadProgress>((resolve) => {
      first.client.onStatus(({ initialLoad }) => {
        if (initialLoad.loaded >= ROWS / 4) {
          simulateCrash(first.client);
          resolve(initialLoad);
        }
      });
    });
    void first.client.start().catch(() => undefined);
    const atCrash = await killedAt;
    expect(atCrash.loaded).toBeLessThan(ROWS);

    const resumed = deviceClient(server, session.tenant.id, session, { device: first.device });
    others.push(resumed);
    const progress: InitialLoadProgress[] = [];
    resumed.client.onStatus(({ initialLoad }) => {
      const last = progress.at(-1);
      if (!last || last.loaded !== initialLoad.loaded || last.total !== initialLoad.total)
        progress.push(initialLoad);
    });
    await resumed.client.start();
    await waitFor(() => resumed.client.isLeader(), 10_000, 'the new engine to lead');
    await waitFor(
      () => resumed.client.status().initialLoad.loaded === ROWS,
      60_000,
      'the load to finish',
    );
    // Before start() nothing is known; the stored progress shows as soon as the database is
    // open (an unfinished load is not reported as {0,0})…
    expect(progress[0]).toEqual({ loaded: 0, total: 0 });
    expect(progress[1].loaded).toBeGreaterThanOrEqual(atCrash.loaded);
    expect(progress[1].total).toBe(ROWS);
    // …and counting goes on from there, never back and never past the total (no page twice).
    for (let i = 2; i < progress.length; i += 1)
      expect(progress[i].loaded).toBeGreaterThan(progress[i - 1].loaded);
    expect(progress.slice(1).every((p) => p.total === ROWS)).toBe(true);
    expect(progress.at(-1)).toEqual({ loaded: ROWS, total: ROWS });
    expect(await resumed.client.table('transactions').all()).toHaveLength(ROWS);
  });
});
