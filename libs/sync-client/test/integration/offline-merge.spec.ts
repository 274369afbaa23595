import {
  accountGroups,
  accounts,
  categories,
  findEntity,
  transactions,
  type SyncedEntityDefinition,
} from '@finwise/domain';
import { mutableFields, sampleData, sampleValue } from '@finwise/domain/testing';
import { applyMutation, type AnyRecord } from '@finwise/sync-protocol';
import { startServerProcess, type ServerProcess, type Session } from '../support/server';
import type { SyncClient } from '../../src/lib/public-types';
import { waitFor } from '../support/wait';
import {
  deviceClient,
  localState,
  nodeIdOf,
  readOutbox,
  seededRandom,
  sameRows,
  serverState,
  withoutCreatedAt,
  type DeviceClient,
} from '../support/sync-harness';

/**
 * Issue scenario 1: two devices of one household; A edits offline (200 mixed changes) while B
 * edits some of the same rows online; when A reconnects, A, B and the server must hold the
 * same rows, exactly as the shared per-field merge predicts.
 */
describe('offline edits merge per field across devices (PostgreSQL)', () => {
  let server: ServerProcess;
  let session: Session;
  let a: DeviceClient;
  let b: DeviceClient;

  beforeAll(async () => {
    server = await startServerProcess({ database: 'postgres' });
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

  const random = seededRandom(20261125);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

  /** A patch of 1–3 random mutable fields with fresh valid values. */
  function randomPatch(entity: SyncedEntityDefinition): Record<string, unknown> {
    const fields = mutableFields(entity);
    const patch: Record<string, unknown> = {};
    const count = 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i += 1) {
      const field = pick(fields);
      patch[field.name] = sampleValue(field, Math.floor(random() * 1_000_000));
    }
    return patch;
  }

  const modelOf = (key: string) => findEntity(key.split('/')[0])!;
  const idOf = (key: string) => key.split('/')[1];

  async function liveKeys(client: SyncClient): Promise<string[]> {
    const keys: string[] = [];
    for (const entity of [accountGroups, accounts, categories, transactions]) {
      for (const row of await client.table(entity.modelName).all())
        keys.push(`${entity.modelName}/${row.id}`);
    }
    return keys;
  }

  /** One random create, update or delete through the public API; returns the row's key. */
  async function randomChange(client: SyncClient, keys: string[], serial: number): Promise<void> {
    const roll = random();
    if (roll < 0.35 || keys.length === 0) {
      const entity = random() < 0.8 ? transactions : categories;
      const row = await client.table(entity.modelName).create(sampleData(entity, 10_000 + serial));
      keys.push(`${entity.modelName}/${row.id}`);
    } else if (roll < 0.85) {
      const key = pick(keys);
      await client.table(modelOf(key).modelName).update(idOf(key), randomPatch(modelOf(key)));
    } else {
      const key = pick(keys);
      await client.table(modelOf(key).modelName).delete(idOf(key));
      keys.splice(keys.indexOf(key), 1);
    }
  }

  it("A, B and the server converge field for field to the merge rule's prediction", async () => {
    // Shared history both devices have synced.
    for (let i = 0; i < 3; i += 1)
      await a.client.table('account_groups').create(sampleData(accountGroups, i));
    for (let i = 0; i < 4; i += 1) await a.client.table('accounts').create(sampleData(accounts, i));
    for (let i = 0; i < 6; i += 1)
      await a.client.table('categories').create(sampleData(categories, i));
    for (let i = 0; i < 40; i += 1)
      await a.client.table('transactions').create(sampleData(transactions, i));
    await a.client.flush();
    await waitFor(
      async () => (await liveKeys(b.client)).length === 53,
      15_000,
      'B to receive the shared history',
    );

    a.client.disconnect();
    await waitFor(() => !a.client.status().online, 5000, 'A to go offline');
    const offlineSince = new Date().toISOString();
    const aKeys = await liveKeys(a.client);
    const shared = [...aKeys];

    // A, offline: 150 changes…
    for (let i = 0; i < 150; i += 1) await randomChange(a.client, aKeys, i);
    expect(a.client.status().pendingCount).toBe(150);

    // …B, online, edits shared rows: the same fields A may have changed, other fields, and deletes.
    const bKeys = shared.filter((key) => aKeys.includes(key) || random() < 0.5);
    const bTouched = new Set<string>();
    for (let i = 0; i < 30; i += 1) {
      const key = pick(bKeys);
      const entity = modelOf(key);
      bTouched.add(key);
      if (i % 10 === 9 && entity.deletable) {
        await b.client.table(entity.modelName).delete(idOf(key));
        bKeys.splice(bKeys.indexOf(key), 1);
      } else {
        await b.client.table(entity.modelName).update(idOf(key), randomPatch(entity));
      }
    }
    // B also edits rows A deleted offline (A's older delete must still win).
    for (const key of shared.filter((k) => !aKeys.includes(k)).slice(0, 3)) {
      if (bKeys.includes(key))
        await b.client.table(modelOf(key).modelName).update(idOf(key), randomPatch(modelOf(key)));
    }
    await b.client.flush();

    // …and A, still offline, 50 more changes, many on rows B just edited (A's are newer now).
    for (let i = 150; i < 200; i += 1) {
      if (i % 2 === 0) {
        // Includes rows B deleted: A's later update must lose to the tombstone.
        const key = pick([...bTouched].filter((k) => aKeys.includes(k)));
        await a.client.table(modelOf(key).modelName).update(idOf(key), randomPatch(modelOf(key)));
      } else {
        await randomChange(a.client, aKeys, i);
      }
    }
    expect(a.client.status().pendingCount).toBe(200);

    // The prediction: A's queued mutations, in order, applied by the shared rule to the server's state.
    const outbox = await readOutbox(a.device, session.tenant.id);
    expect(outbox).toHaveLength(200);
    const predicted = await serverState(server, session.accessToken);
    for (const { mutation, complete } of outbox) {
      const key = `${mutation.modelName}/${mutation.data.id}`;
      const entity = findEntity(mutation.modelName)!;
      const outcome = applyMutation(predicted.get(key), mutation, entity.fieldNames, {
        updateMayCreate: complete,
      });
      expect(outcome.status).not.toBe('not_found');
      if (outcome.status === 'applied')
        predicted.set(key, { ...outcome.record, tenantId: session.tenant.id });
    }

    a.client.connect();
    await a.client.flush(60_000);
    expect(a.client.status()).toMatchObject({ online: true, pendingCount: 0, rejections: [] });

    const onServer = await serverState(server, session.accessToken);
    expect(withoutCreatedAt(onServer)).toEqual(withoutCreatedAt(predicted));
    for (const row of onServer.values()) expect(row.createdAt).toEqual(expect.any(String));

    // The scenario really exercised per-field merging: rows whose fields were won partly by
    // A's offline edits and partly by B's, and rows B edited that A's delete still removed.
    const [nodeA, nodeB] = await Promise.all([
      nodeIdOf(a.device, session.tenant.id),
      nodeIdOf(b.device, session.tenant.id),
    ]);
    const recentWriters = (row: AnyRecord) =>
      new Set(
        Object.values(row.fieldClocks)
          .filter((hlc) => hlc > offlineSince)
          .map((hlc) => hlc.slice(-16)),
      );
    const mixed = [...onServer.values()].filter(
      (row) => recentWriters(row).has(nodeA) && recentWriters(row).has(nodeB),
    );
    expect(mixed.length).toBeGreaterThan(0);
    const deletedByA = [...onServer.values()].filter(
      (row) => row.deletedAt?.endsWith(nodeA) && row.deletedAt > offlineSince,
    );
    expect(deletedByA.length).toBeGreaterThan(0);

    // Both devices hold exactly the server's rows (tombstones included), field for field.
    expect(await localState(a.device, session.tenant.id)).toEqual(onServer);
    await waitFor(
      async () => sameRows(await localState(b.device, session.tenant.id), onServer),
      15_000,
      'B to converge',
    );
    expect(await localState(b.device, session.tenant.id)).toEqual(onServer);

    // The public API shows the same live rows on both devices.
    const live = (client: SyncClient) =>
      Promise.all(
        [accountGroups, accounts, categories, transactions].map((e) =>
          client.table(e.modelName).all(),
        ),
      );
    expect(await live(a.client)).toEqual(await live(b.client));
    const rowsOf = (rows: AnyRecord[][]) => rows.flat().length;
    expect(rowsOf(await live(a.client))).toBe(
      [...onServer.values()].filter((r) => r.deletedAt === null).length,
    );
  });
});
