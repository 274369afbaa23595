import {
  importContextScope,
  type ExistingTransaction,
  type ImportContext,
  type StatementLine,
} from '@finwise/import';
import type { SyncClient } from '@finwise/sync-client';
import type Dexie from 'dexie';

/**
 * What an import compares a statement with, read from the device's database: the rows with the
 * ids the statement's lines would get, tombstones too (so a deleted import is not imported
 * again), through the sync client's `getMany` as the app reads them; and the rows of the account
 * or transferring into it dated within the fuzzy-match window around the statement's days, with
 * the client's `date` index (the app holds live rows in memory and filters them; the brief of
 * this benchmark reads them from IndexedDB), plus the household's payees, categories and
 * accounts. Returns the context and how many transaction rows it holds.
 *
 * Left out: the scope's rows that carry one of the lines' bank ids but were moved out of the
 * window since they were matched (`importContextScope`): the device has no index on
 * `importedId`; the app's in-memory rows include them.
 */
export async function loadImportContext(
  client: SyncClient,
  db: Dexie,
  accountId: string,
  currency: string,
  lines: readonly StatementLine[],
): Promise<{ context: ImportContext; rows: number }> {
  const { rowIds, dates } = importContextScope(accountId, lines);
  const transactions = db.table<ExistingTransaction, string>('transactions');
  const [byId, nearby, payees, categories, accounts] = await Promise.all([
    client.table('transactions').getMany(rowIds, { includeDeleted: true }),
    dates === null
      ? []
      : transactions
          .where('date')
          .between(dates.from, dates.to, true, true)
          .filter(
            (row) =>
              !row.deletedAt &&
              (row.accountId === accountId || row.transferAccountId === accountId),
          )
          .toArray(),
    db.table('payees').toArray(),
    db.table('categories').toArray(),
    db.table('accounts').toArray(),
  ]);
  const rows = new Map<string, ExistingTransaction>(nearby.map((row) => [row.id, row]));
  for (const row of byId) rows.set(row.id, row as unknown as ExistingTransaction);
  const context = {
    accountId,
    currency,
    transactions: [...rows.values()],
    payees,
    categories,
    accounts,
  } as ImportContext;
  return { context, rows: rows.size };
}
