import { MAX_REIMPORT_CHAIN, reimportChainIds, type ImportContextScope } from '@finwise/import';
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
      -- A split line's date is its parent's, so a live line transferring into the account is
      -- read whatever its own date says (its parent is read after it).
      OR (deleted_at IS NULL AND parent_id IS NOT NULL AND transfer_account_id = $2)
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
    readTransactions(sql, tenantId, [...new Set([...ids(inScope), ...scope.rowIds])], registry),
    table('accounts').findByIds(sql, tenantId, ids(accountIds)),
    table('payees').findByIds(sql, tenantId, ids(payeeIds)),
    table('categories').findByIds(sql, tenantId, ids(categoryIds)),
  ]);
  return {
    transactions,
    accounts: [...accounts.values()],
    payees: [...payees.values()],
    categories: [...categories.values()],
  };
}

/**
 * The transactions with these ids, then in rounds what else a plan needs: the parents of split
 * lines, and for each tombstone the row that re-imports it (`reimportChainIds`), so a re-import
 * of a line deleted more than once finds a free id.
 */
async function readTransactions(
  sql: SqlRunner,
  tenantId: string,
  firstIds: readonly string[],
  registry: SyncedEntityRegistry,
): Promise<AnyRecord[]> {
  const rows = new Map<string, AnyRecord>();
  const asked = new Set<string>();
  let next = [...firstIds];
  for (let round = 0; next.length > 0 && round <= MAX_REIMPORT_CHAIN; round += 1) {
    next.forEach((id) => asked.add(id));
    const found = [...(await registry.get('transactions').findByIds(sql, tenantId, next)).values()];
    found.forEach((row) => rows.set(row.id, row));
    const parents = found.flatMap((row) => {
      const parentId = row['parentId'];
      return typeof parentId === 'string' && !asked.has(parentId) ? [parentId] : [];
    });
    next = [...new Set([...parents, ...reimportChainIds(found, asked)])];
  }
  return [...rows.values()];
}
