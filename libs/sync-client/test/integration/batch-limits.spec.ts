import { accountGroups, transactions } from '@finwise/domain';
import { sampleData } from '@finwise/domain/testing';
import { pushBatchBytes, SyncLimits } from '@finwise/sync-protocol';
import { startServerProcess, type ServerProcess, type Session } from '../support/server';
import type { OutboxEntry } from '../../src/lib/outbox/outbox-entry';
import {
  deviceClient,
  localState,
  predictedRows,
  readOutbox,
  recordPendingCounts,
  sameRows,
  serverState,
  withoutCreatedAt,
  type DeviceClient,
} from '../support/sync-harness';
import { waitFor } from '../support/wait';

/** Splits the recorded outbox into consecutive batches of the given sizes. */
function batchesOf(recorded: readonly OutboxEntry[], sizes: readonly number[]): OutboxEntry[][] {
  const batches: OutboxEntry[][] = [];
  let start = 0;
  for (const size of sizes) {
    batches.push(recorded.slice(start, start + size));
    start += size;
  }
  expect(start).toBe(recorded.length);
  return batches;
}

/** Sizes of the acknowledged batches, from the pending counts seen after each ack. */
const ackedSizes = (counts: readonly number[]) =>
  counts.slice(1).map((count, i) => counts[i] - count);

/**
 * Push batch limits against the real server: the client splits a large outbox into batches the
 * server accepts (at most 500 mutations and 256 KB of JSON, measured like the server), and a
 * batch the server refuses whole as `batch_too_large` is halved and sent again.
 */
describe('push batch limits (PostgreSQL)', () => {
  let server: ServerProcess;
  const clients: DeviceClient[] = [];

  beforeAll(async () => {
    server = await startServerProcess({ database: 'postgres' });
  });
  afterAll(async () => {
    for (const { client } of clients) await client.stop();
    await server?.dispose();
  });

  async function offlineDevice(session: Session, tuning = {}) {
    const device = deviceClient(server, session.tenant.id, session, { tuning });
    clients.push(device);
    device.client.disconnect();
    await device.client.start();
    return device;
  }

  async function expectDrainedExactlyOnce(
    device: DeviceClient,
    session: Session,
    recorded: readonly OutboxEntry[],
  ) {
    expect(device.client.status()).toMatchObject({ pendingCount: 0, rejections: [] });
    const onServer = await serverState(server, session.accessToken);
    // Every queued change once, in order: no row lost, none extra, values and field clocks
    // those of the original mutations (a double application would show as a later clock).
    expect(withoutCreatedAt(onServer)).toEqual(predictedRows(recorded, session.tenant.id));
    await waitFor(
      async () => sameRows(await localState(device.device, session.tenant.id), onServer),
      10_000,
      'the device to hold the server rows',
    );
  }

  it('halves a batch the server refuses as too large and re-sends it until all arrived', async () => {
    const session = await server.signup();
    // This client believes batches of up to 1,200 mutations are fine; the server takes 500.
    const device = await offlineDevice(session, {
      maxBatchMutations: 1200,
      maxBatchBytes: 900_000,
    });
    const groups = device.client.table('account_groups');
    for (let i = 0; i < 1200; i += 1) await groups.create(sampleData(accountGroups, i));
    const recorded = await readOutbox(device.device, session.tenant.id);
    expect(recorded).toHaveLength(1200);
    expect(pushBatchBytes(recorded.map((e) => e.mutation))).toBeLessThan(900_000);

    const counts = recordPendingCounts(device.client);
    device.client.connect();
    await device.client.flush(60_000);

    // 1,200 refused, 600 refused, then 300 accepted — and kept at 300 until the outbox is empty.
    expect(counts).toEqual([1200, 900, 600, 300, 0]);
    await expectDrainedExactlyOnce(device, session, recorded);
  });

  it('splits an outbox of several megabytes into batches within 256 KB, nothing lost or doubled', async () => {
    const session = await server.signup();
    const device = await offlineDevice(session);
    const rows = device.client.table('transactions');
    const ROWS = 2500;
    for (let i = 0; i < ROWS; i += 1) {
      // 500 characters (the longest note allowed), partly multi-byte: the limit is UTF-8 bytes.
      const notes = `${i} Wocheneinkauf für 12,40 € — `.repeat(20).slice(0, 500);
      await rows.create(sampleData(transactions, i, { notes }));
    }
    const recorded = await readOutbox(device.device, session.tenant.id);
    expect(recorded).toHaveLength(ROWS);
    const totalBytes = pushBatchBytes(recorded.map((e) => e.mutation));
    expect(totalBytes).toBeGreaterThan(10 * SyncLimits.maxBatchBytes);

    // A row made offline is a full wire row as far as the client can know.
    const first = recorded[0].mutation.data.id;
    expect(await rows.get(first)).toMatchObject({ tenantId: session.tenant.id, createdAt: null });

    const counts = recordPendingCounts(device.client);
    device.client.connect();
    await device.client.flush(120_000);

    const batches = batchesOf(recorded, ackedSizes(counts));
    expect(batches.length).toBeGreaterThan(10);
    for (const [i, batch] of batches.entries()) {
      const mutations = batch.map((e) => e.mutation);
      expect(mutations.length).toBeLessThanOrEqual(SyncLimits.maxBatchMutations);
      expect(pushBatchBytes(mutations)).toBeLessThanOrEqual(SyncLimits.maxBatchBytes);
      // Full batches: the next entry would not have fitted (so none was refused and halved).
      const next = recorded[batches.slice(0, i + 1).flat().length];
      if (next)
        expect(pushBatchBytes([...mutations, next.mutation])).toBeGreaterThan(
          SyncLimits.maxBatchBytes,
        );
    }
    await expectDrainedExactlyOnce(device, session, recorded);
    // Once synced, the server's record (createdAt included) replaced the local one.
    expect((await rows.get(first))?.createdAt).toEqual(expect.any(String));
  });
});
