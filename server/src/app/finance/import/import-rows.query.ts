import type { ImportContextScope } from '@finwise/import';
import type { AnyRecord } from '@finwise/sync-protocol';
import type { SqlRunner } from '../../database/sql-runner';
import type { SyncedEntityRegistry } from '../../sync/tables/synced-entity-registry';

export interface ImportRows {
  /** The rows in the statement's scope (see `importContextScope`), tombstones found by id. */
  readonly transactions: AnyRecord[];
  readonly accounts: AnyRecord[];
  readonly payees: AnyRecord[];
  readonly categories: AnyRecord[];
}

const liveIds = (table: string) =>
  `SELECT id::text FROM ${table} WHERE tenant_id = $1 AND deleted_at IS NULL`;

/**
 * The rows of the account (or transferring into it) that can decide a line: dated within the
 * fuzzy-match window, or carrying one of the statement's bank ids on their side of the account.
 * An account with years of history is not read whole: for the benchmark's 10,000-line file over
 * 100,000 rows this reads 2,122 rows, and reading took 1.1 s instead of 9.3 s (bench/README.md).
 */
const ROWS_IN_SCOPE = `
  WITH imported AS (SELECT unnest($5::text[]) AS imported_id)
  SELECT id::text FROM transactions
  WHERE tenant_id = $1 AND (account_id = $2 OR transfer_account_id = $2)
    AND (
      (deleted_at IS NULL AND date BETWEEN $3::date AND $4::date)
      OR (account_id = $2 AND imported_id IN (SELECT imported_id FROM imported))
      OR (account_id <> $2 AND transfer_imported_id IN (SELECT imported_id FROM imported))
    )`;

/**
 * What comparing a bank file with an account reads (`importContextScope`). A deleted imported
 * row keeps its id but loses its fields (a tombstone's are null), so it is found by the ids the
 * file's lines would get, not by account: that is what keeps a deleted row from being imported
 * again.
 */
export async function readImportRows(
  sql: SqlRunner,
  tenantId: string,
  accountId: string,
  scope: ImportContextScope,
  registry: SyncedEntityRegistry,
): Promise<ImportRows> {
  const table = (modelName: string) => registry.get(modelName);
  const [inScope, accountIds, payeeIds, categoryIds] = await Promise.all([
    sql.rows<{ id: string }>(ROWS_IN_SCOPE, [
      tenantId,
      accountId,
      scope.dates?.from ?? null,
      scope.dates?.to ?? null,
      scope.importedIds,
    ]),
    sql.rows<{ id: string }>(liveIds('accounts'), [tenantId]),
    sql.rows<{ id: string }>(liveIds('payees'), [tenantId]),
    sql.rows<{ id: string }>(liveIds('categories'), [tenantId]),
  ]);
  const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id);
  const [transactions, accounts, payees, categories] = await Promise.all([
    table('transactions').findByIds(sql, tenantId, [
      ...new Set([...ids(inScope), ...scope.rowIds]),
    ]),
    table('accounts').findByIds(sql, tenantId, ids(accountIds)),
    table('payees').findByIds(sql, tenantId, ids(payeeIds)),
    table('categories').findByIds(sql, tenantId, ids(categoryIds)),
  ]);
  return {
    transactions: [...transactions.values()],
    accounts: [...accounts.values()],
    payees: [...payees.values()],
    categories: [...categories.values()],
  };
}
