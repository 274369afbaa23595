import type { AnyRecord } from '@finwise/sync-protocol';
import type { SqlRunner } from '../../database/sql-runner';
import type { SyncedEntityRegistry } from '../../sync/tables/synced-entity-registry';
import { readRowsOfAccount } from '../reconcile/reconcile-rows.query';

export interface ImportRows {
  /** Live rows touching the account, plus any row (tombstones too) with an id the file would use. */
  readonly transactions: AnyRecord[];
  readonly accounts: AnyRecord[];
  readonly payees: AnyRecord[];
  readonly categories: AnyRecord[];
}

const liveIds = (table: string) =>
  `SELECT id::text FROM ${table} WHERE tenant_id = $1 AND deleted_at IS NULL`;

/**
 * What comparing a bank file with an account reads. A deleted imported row keeps its id but
 * loses its fields (a tombstone's are null), so it is found by the ids the file's lines would
 * get, not by account: that is what keeps a deleted row from being imported again.
 */
export async function readImportRows(
  sql: SqlRunner,
  tenantId: string,
  accountId: string,
  candidateIds: readonly string[],
  registry: SyncedEntityRegistry,
): Promise<ImportRows> {
  const table = (modelName: string) => registry.get(modelName);
  const [ofAccount, byId, payeeIds, categoryIds] = await Promise.all([
    readRowsOfAccount(sql, tenantId, accountId, {
      transactions: table('transactions'),
      accounts: table('accounts'),
    }),
    table('transactions').findByIds(sql, tenantId, [...new Set(candidateIds)]),
    sql.rows<{ id: string }>(liveIds('payees'), [tenantId]),
    sql.rows<{ id: string }>(liveIds('categories'), [tenantId]),
  ]);
  const [payees, categories] = await Promise.all([
    table('payees').findByIds(
      sql,
      tenantId,
      payeeIds.map((row) => row.id),
    ),
    table('categories').findByIds(
      sql,
      tenantId,
      categoryIds.map((row) => row.id),
    ),
  ]);
  const transactions = new Map(ofAccount.transactions.map((row) => [row['id'] as string, row]));
  for (const [id, row] of byId) transactions.set(id, row);
  return {
    transactions: [...transactions.values()],
    accounts: ofAccount.accounts,
    payees: [...payees.values()],
    categories: [...categories.values()],
  };
}
