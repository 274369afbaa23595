import type { AnyRecord } from '@finwise/sync-protocol';
import type { SqlRunner } from '../../database/sql-runner';
import type { SyncedTable } from '../tables/synced-table';
import type { RowTarget } from './mutation-check';

/** Stored rows by `rowKey`: a row's identity across the tables of one household. */
export type StoredRows = ReadonlyMap<string, AnyRecord>;

export const rowKey = (table: SyncedTable, id: string): string => `${table.modelName}\u0000${id}`;

/** The stored rows (tombstones included) that `targets` name, one statement per table. */
export async function readStoredRows(
  sql: SqlRunner,
  tenantId: string,
  targets: readonly (RowTarget | undefined)[],
): Promise<StoredRows> {
  const idsByTable = new Map<SyncedTable, Set<string>>();
  for (const target of targets) {
    if (!target) continue;
    const ids = idsByTable.get(target.table) ?? new Set<string>();
    ids.add(target.id);
    idsByTable.set(target.table, ids);
  }
  const found = await Promise.all(
    [...idsByTable].map(async ([table, ids]) => ({
      table,
      rows: await table.findByIds(sql, tenantId, [...ids]),
    })),
  );
  const stored = new Map<string, AnyRecord>();
  for (const { table, rows } of found) {
    for (const [id, record] of rows) stored.set(rowKey(table, id), record);
  }
  return stored;
}
