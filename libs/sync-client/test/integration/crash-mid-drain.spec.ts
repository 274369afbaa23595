import { accountGroups, categories, findEntity } from '@finwise/domain';
import { sampleData, sampleValue } from '@finwise/domain/testing';
import { applyMutation, isErrorAck, type AnyRecord } from '@finwise/sync-protocol';
import { startServerProcess, type ServerProcess, type Session } from '../support/server';
import { simulateCrash } from '../../src/lib/testing/simulate-crash';
import { waitFor } from '../support/wait';
import {
  deviceClient,
  httpPush,
  localState,
  readOutbox,
  sameRows,
  serverState,
  withoutCreatedAt,
  type DeviceClient,
} from '../support/sync-harness';

/**
 * Issue scenario 2: the client dies in the middle of draining a large outbox (no stop(), the
 * socket and database just go away), and a new engine opens the same database. Nothing may
 * be lost, and nothing applied twice — including mutations the server had already applied
 * when the client died (the ack never arrived), which the new engine sends again.
 */
describe('a client killed mid-drain resumes without loss or double application (PostgreSQL)', () => {
  let server: ServerProcess;
  let session: Session;
  const engines: DeviceClient[] = [];

  beforeAll(async () => {
    server = await startServerProcess({ database: 'postgres' });
    session = await server.signup();
  });
  afterAll(async () => {
    for (const { client } of engines) await client.stop();
    await server?.dispose();
  });

  it('keeps every change exactly once', async () => {
    const tenantId = session.tenant.id;
    const first = deviceClient(server, tenantId, session);
    engines.push(first);
    first.client.disconnect();
    await first.client.start();

    // 1,200 queued changes (3 batches): creates and later updates of the same rows.
    const ids: string[] = [];
    for (let i = 0; i < 1000; i += 1) {
      const entity = i % 4 === 0 ? categories : accountGroups;
      ids.push((await first.client.table(entity.modelName).create(sampleData(entity, i))).id);
    }
    for (let i = 0; i < 200; i += 1) {
      const id = ids[i * 4 + 1];
      await first.client.table('account_groups').update(id, { name: `renamed ${i}` });
    }
    const recorded = await readOutbox(first.device, tenantId);
    expect(recorded).toHaveLength(1200);

    // Kill it the moment the first of three batches is acknowledged.
    const killed = new Promise<void>((resolve) => {
      first.client.onStatus((status) => {
        if (status.pendingCount < 1200) {
          simulateCrash(first.client);
          resolve();
        }
      });
    });
    first.client.connect();
    await killed;
    const remaining = await readOutbox(first.device, tenantId);
    expect(remaining.length).toBeGreaterThan(0);
    expect(remaining.length).toBeLessThan(1200);

    // Make the worst case certain: the server has applied the next 300 queued mutations, but
    // their ack never reached the dead client (they are still in its outbox).
    const unacked = remaining.slice(0, 300).map((e) => e.mutation);
    const pushed = await httpPush(server, session.accessToken, unacked);
    if (isErrorAck(pushed)) throw new Error(pushed.error.message);

    // Meanwhile another device edits some of exactly those rows; its newer values must survive
    // the dead client's re-send.
    const other = deviceClient(server, tenantId, await server.login(session.user.email));
    engines.push(other);
    await other.client.start();
    const edited = unacked
      .filter((m) => m.modelName === 'account_groups' && m.operation === 'create')
      .slice(0, 20);
    for (const [i, m] of edited.entries()) {
      await other.client
        .table('account_groups')
        .update(m.data.id, { sortOrder: sampleValue(accountGroups.fields[1], 5000 + i) as number });
    }
    await other.client.flush();
    const otherRows = await localState(other.device, tenantId);

    // A new engine on the same database (same device) takes over once the dead one's lease ran out.
    const second = deviceClient(server, tenantId, session, { device: first.device });
    engines.push(second);
    await second.client.start();
    await waitFor(() => second.client.isLeader(), 10_000, 'the new engine to lead');
    await second.client.flush(60_000);
    expect(second.client.status()).toMatchObject({ pendingCount: 0, rejections: [] });

    // Prediction: every recorded mutation once, in order, plus the other device's edits.
    const predicted = new Map<string, AnyRecord>();
    for (const { mutation, complete } of recorded) {
      const key = `${mutation.modelName}/${mutation.data.id}`;
      const outcome = applyMutation(
        predicted.get(key),
        mutation,
        findEntity(mutation.modelName)!.fieldNames,
        { updateMayCreate: complete },
      );
      if (outcome.status === 'applied') predicted.set(key, { ...outcome.record, tenantId });
    }
    for (const m of edited) {
      const key = `account_groups/${m.data.id}`;
      const theirs = otherRows.get(key)!;
      const edit = {
        operation: 'update' as const,
        data: { id: m.data.id, sortOrder: theirs['sortOrder'] },
        hlc: theirs.fieldClocks['sortOrder'],
      };
      const outcome = applyMutation(predicted.get(key), edit, accountGroups.fieldNames);
      expect(outcome.status).toBe('applied');
      if (outcome.status === 'applied') predicted.set(key, { ...outcome.record, tenantId });
    }

    const onServer = await serverState(server, session.accessToken);
    expect(onServer.size).toBe(1000);
    expect(withoutCreatedAt(onServer)).toEqual(withoutCreatedAt(predicted));
    for (const m of edited) {
      expect(onServer.get(`account_groups/${m.data.id}`)!['sortOrder']).toBe(
        otherRows.get(`account_groups/${m.data.id}`)!['sortOrder'],
      );
    }
    // Field clocks are the original HLCs: a re-sent mutation had no effect (equal HLC), and a
    // double application would have overwritten the other device's newer sortOrder above.

    await waitFor(
      async () => sameRows(await localState(first.device, tenantId), onServer),
      10_000,
      'the device to hold the server rows',
    );
    await waitFor(
      async () => sameRows(await localState(other.device, tenantId), onServer),
      10_000,
      'the other device to converge',
    );
  });
});
