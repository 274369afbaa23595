import type { FieldInfo, SyncedEntityDefinition } from '@finwise/domain';
import { mutableFields, sampleData, sampleValue } from '@finwise/domain/testing';
import type { PushAck } from '@finwise/sync-protocol';
import { testDatabaseKinds } from './test-database';
import { startTestServer, type TestServer } from './test-server';
import { TestSyncClient } from './test-sync-client';

/**
 * The end-to-end check every synced entity gets (its module's generated spec calls this): rows
 * sync between two clients of a household, REST serves and changes them through the same
 * engine, and the row's history records each write, on PostgreSQL and PGlite.
 */
export function describeSyncedEntity(entity: SyncedEntityDefinition): void {
  const { modelName } = entity;

  describe.each(testDatabaseKinds())(`${modelName} on %s`, (kind) => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(kind);
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('syncs between two clients of a household and serves REST', async () => {
      const session = await server.signup();
      const writer = await TestSyncClient.connected(server.url, session.accessToken);
      const reader = await TestSyncClient.connected(server.url, session.accessToken);
      await reader.catchUp();
      const row = sampleData(entity, 1);
      const created = (await writer.push([writer.mutation(modelName, 'create', row)])) as PushAck;
      expect(created.results[0].status).toBe('applied');
      await reader.waitFor(() => reader.row(modelName, row.id) !== undefined, 5000, 'the new row');
      expect(reader.row(modelName, row.id)).toMatchObject(row);

      const [field] = mutableFields(entity);
      const value = valueKeepingRules(entity, row, field);
      const patched = await server.request('PATCH', `/${modelName}/${row.id}`, {
        token: session.accessToken,
        body: { [field.name]: value },
      });
      if (entity.insertOnly) {
        // A written row never changes: the change is refused and nothing is broadcast.
        expect(patched.status).toBe(400);
        const stored = await server.request('GET', `/${modelName}/${row.id}`, {
          token: session.accessToken,
        });
        expect(stored.body).toMatchObject(row);
      } else {
        expect(patched.status).toBe(200);
        await writer.waitFor(() => writer.broadcasts.length === 1, 5000, 'the REST change');
        expect(writer.broadcasts[0].changes[0].record[field.name]).toEqual(value);
      }

      const deleted = await server.request('DELETE', `/${modelName}/${row.id}`, {
        token: session.accessToken,
      });
      if (entity.deletable) {
        expect(deleted.status).toBe(200);
        expect(
          (await server.request('GET', `/${modelName}/${row.id}`, { token: session.accessToken }))
            .status,
        ).toBe(404);
      } else {
        expect(deleted.status).toBe(400);
      }
      // Every write that took effect is in the row's history, newest first, refusals are not.
      const history = await server.request('GET', `/${modelName}/${row.id}/history`, {
        token: session.accessToken,
      });
      expect(history.status).toBe(200);
      const operations = [
        ...(entity.deletable ? ['delete'] : []),
        ...(entity.insertOnly ? [] : ['update']),
        'create',
      ];
      expect(history.body.items.map((item: { operation: string }) => item.operation)).toEqual(
        operations,
      );
      expect(history.body.items.at(-1)).toMatchObject({
        hlc: created.results[0].record?.updatedAt,
        userId: session.user.id,
        clientId: writer.clientId,
      });
      writer.disconnect();
      reader.disconnect();
    });
  });
}

/** A sample value of `field`, other than the row's, that keeps the entity's own row rules. */
function valueKeepingRules(
  entity: SyncedEntityDefinition,
  row: Record<string, unknown>,
  field: FieldInfo,
): unknown {
  for (let seed = 7; seed < 1_000; seed += 1) {
    const value = sampleValue(field, seed);
    const next = { ...row, [field.name]: value };
    if (value !== row[field.name] && entity.rowRules.every((rule) => rule.holds(next)))
      return value;
  }
  throw new Error(`no sample value of ${field.name} keeps the rules of ${entity.modelName}`);
}
