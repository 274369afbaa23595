import type { AnyRecord } from '@finwise/sync-protocol';
import type { SqlRunner } from '../database/sql-runner';
import type { SyncedTable } from '../sync/tables/synced-table';

const PAGE = 2_000;

/** Every live row of one table of the household, ordered by id (keyset pages, one snapshot). */
export async function readLiveRows(
  sql: SqlRunner,
  tenantId: string,
  table: SyncedTable,
): Promise<AnyRecord[]> {
  const rows: AnyRecord[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await table.listPage(sql, tenantId, {
      after,
      limit: PAGE,
      includeDeleted: false,
    });
    rows.push(...page);
    if (page.length < PAGE) return rows;
    after = page[page.length - 1].id;
  }
}
