import { findEntity, SYNCED_ENTITIES } from '@finwise/domain';
import type { LocalDatabase } from '../database/local-database';
import { writeMeta } from '../database/meta';
import { readOutbox } from '../outbox/outbox';
import type { OutboxEntry } from '../outbox/outbox-entry';
import { rebuildRow } from './row-rebuild';

/**
 * Re-applies every queued mutation to the current rows. Applying a mutation a row already
 * contains changes nothing (equal HLC), so this only restores pending edits that a reload
 * from the server wiped or could not yet show. Call inside a read-write transaction over
 * `db.syncTables()`.
 */
export async function replayPendingMutations(db: LocalDatabase): Promise<void> {
  const entries = await readOutbox(db.outbox);
  const byRow = new Map<string, OutboxEntry[]>();
  for (const entry of entries) {
    const list = byRow.get(entry.rowKey) ?? [];
    list.push(entry);
    byRow.set(entry.rowKey, list);
  }
  for (const list of byRow.values()) {
    const { modelName, data } = list[0].mutation;
    const entity = findEntity(modelName);
    if (!entity) continue;
    const table = db.rows(modelName);
    const row = rebuildRow(await table.get(data.id), list, entity.fieldNames, db.tenantId);
    if (row) await table.put(row);
  }
}

/**
 * Drops the local copy of the server's data and rewinds the cursor to an initial load, keeping
 * the outbox (and showing its edits again): for `resync_required` and schema upgrades.
 * Call inside a read-write transaction over `db.syncTables()`.
 */
export async function resetLocalCopy(db: LocalDatabase): Promise<void> {
  for (const entity of SYNCED_ENTITIES) await db.rows(entity.modelName).clear();
  await writeMeta(db, 'cursor', null);
  await replayPendingMutations(db);
}
