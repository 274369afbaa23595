import type { AnyRecord } from '@finwise/sync-protocol';
import type { SqlRunner } from '../../database/sql-runner';
import type { SyncedTable } from '../../sync/tables/synced-table';

/**
 * Every live row that can add to the account: rows of the account or transferring into it, their
 * split lines (which make a row a split parent, whose own transfer is ignored) and their parents
 * (whose account and date a split line takes). Other rows of the household cannot change the
 * account's cleared total, so a household with years of history is not read whole.
 */
const ROWS_OF_ACCOUNT = `
  WITH touching AS (
    SELECT id, parent_id FROM transactions
    WHERE tenant_id = $1 AND deleted_at IS NULL AND (account_id = $2 OR transfer_account_id = $2)
  )
  SELECT id::text FROM touching
  UNION
  SELECT t.id::text FROM transactions t
  WHERE t.tenant_id = $1 AND t.deleted_at IS NULL
    AND (t.parent_id IN (SELECT id FROM touching) OR t.id IN (SELECT parent_id FROM touching))`;

const LIVE_ACCOUNTS = `SELECT id::text FROM accounts WHERE tenant_id = $1 AND deleted_at IS NULL`;

export interface AccountRows {
  readonly transactions: AnyRecord[];
  readonly accounts: AnyRecord[];
}

/** What reconciling `accountId` reads, as synced records (run under the household's lock). */
export async function readRowsOfAccount(
  sql: SqlRunner,
  tenantId: string,
  accountId: string,
  tables: { transactions: SyncedTable; accounts: SyncedTable },
): Promise<AccountRows> {
  const [transactionIds, accountIds] = await Promise.all([
    sql.rows<{ id: string }>(ROWS_OF_ACCOUNT, [tenantId, accountId]),
    sql.rows<{ id: string }>(LIVE_ACCOUNTS, [tenantId]),
  ]);
  const [transactions, accounts] = await Promise.all([
    tables.transactions.findByIds(
      sql,
      tenantId,
      transactionIds.map((row) => row.id),
    ),
    tables.accounts.findByIds(
      sql,
      tenantId,
      accountIds.map((row) => row.id),
    ),
  ]);
  return { transactions: [...transactions.values()], accounts: [...accounts.values()] };
}
