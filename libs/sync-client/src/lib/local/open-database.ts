import { CLIENT_SCHEMA_VERSION } from '@finwise/domain';
import { randomNodeId } from '@finwise/sync-protocol';
import { LocalDatabase, type IndexedDbDependencies } from '../database/local-database';
import { readMeta, writeMeta } from '../database/meta';
import { PersistedClock } from '../database/persisted-clock';
import { resetLocalCopy } from './pending-replay';

export interface OpenedDatabase {
  db: LocalDatabase;
  clientId: string;
  clock: PersistedClock;
}

/**
 * Opens (creating on first use) the tenant database and settles its identity: the HLC node
 * id is made once per local database, the client id is the caller's or a stored one. A
 * local copy loaded under an older entity schema is reloaded (outbox kept): its cursor may
 * have skipped rows of entities that build did not know.
 */
export async function openLocalDatabase(
  tenantId: string,
  dependencies: IndexedDbDependencies,
  requestedClientId?: string,
): Promise<OpenedDatabase> {
  const db = new LocalDatabase(tenantId, dependencies);
  await db.open();
  try {
    const { nodeId, clientId } = await db.transaction('rw', db.syncTables(), async () => {
      let nodeId = await readMeta(db, 'nodeId');
      if (!nodeId) {
        nodeId = randomNodeId();
        await writeMeta(db, 'nodeId', nodeId);
      }
      let clientId = requestedClientId ?? (await readMeta(db, 'clientId'));
      if (!clientId) clientId = globalThis.crypto.randomUUID();
      if (clientId !== (await readMeta(db, 'clientId'))) await writeMeta(db, 'clientId', clientId);
      const schemaVersion = await readMeta(db, 'schemaVersion');
      if (schemaVersion !== CLIENT_SCHEMA_VERSION) {
        if (schemaVersion !== undefined) await resetLocalCopy(db);
        await writeMeta(db, 'schemaVersion', CLIENT_SCHEMA_VERSION);
      }
      return { nodeId, clientId };
    });
    return { db, clientId, clock: new PersistedClock(nodeId) };
  } catch (error) {
    db.close();
    throw error;
  }
}
