import { findEntity } from '@finwise/domain';
import type { AnyRecord, Change } from '@finwise/sync-protocol';
import type { LocalDatabase } from '../../database/local-database';
import type { PersistedClock } from '../../database/persisted-clock';
import { putRows } from '../../database/put-rows';
import { mergeServerRecord } from '../../local/merge-server-record';

/**
 * Merges server records into the local rows with the shared per-field rule. A field the user
 * changed locally and has not synced yet carries a newer clock than any server value the
 * replica had seen when it was written, so an older server value cannot overwrite it.
 * Every record also advances the HLC. Call inside a read-write transaction over
 * `db.syncTables()`.
 */
export async function mergeIncoming(
  db: LocalDatabase,
  clock: PersistedClock,
  changes: readonly Change[],
): Promise<void> {
  const byModel = new Map<string, AnyRecord[]>();
  for (const { modelName, record } of changes) {
    const list = byModel.get(modelName) ?? [];
    list.push(record);
    byModel.set(modelName, list);
  }
  for (const [modelName, records] of byModel) {
    // Rows of an entity this build does not know are skipped; a schema upgrade reloads them.
    const entity = findEntity(modelName);
    if (!entity) continue;
    const table = db.rows(modelName);
    const ids = [...new Set(records.map((r) => r.id))];
    const existing = await table.bulkGet(ids);
    const rows = new Map<string, AnyRecord | undefined>(ids.map((id, i) => [id, existing[i]]));
    for (const record of records)
      rows.set(record.id, mergeServerRecord(rows.get(record.id), record, entity.fieldNames));
    await putRows(table, [...rows.values()] as AnyRecord[]);
  }
  await clock.observe(
    db,
    changes.map((c) => c.record.updatedAt),
  );
}
