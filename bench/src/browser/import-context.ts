import {
  importContextScope,
  type ExistingTransaction,
  type ImportContext,
  type StatementLine,
} from '@finwise/import';
import type Dexie from 'dexie';

/**
 * What an import compares a statement with, read from the device's database the way the app
 * can read it with the client's indexes (`&id`, `date`, `accountId`, `transferAccountId`): the
 * rows with the ids the statement's lines would get (tombstones too, so a deleted import is not
 * imported again) and the rows of the account or transferring into it dated within the
 * fuzzy-match window around the statement's days, plus the household's payees, categories and
 * accounts. One read transaction, so it is one snapshot. Returns the context and how many
 * transaction rows it holds.
 *
 * Left out: the scope's rows that carry one of the lines' bank ids but were moved out of the
 * window since they were matched (`importContextScope`): there is no index on `importedId` on
 * the device, and finding them would mean reading every row of the account.
 */
export async function loadImportContext(
  db: Dexie,
  accountId: string,
  currency: string,
  lines: readonly StatementLine[],
): Promise<{ context: ImportContext; rows: number }> {
  const { rowIds, dates } = importContextScope(accountId, lines);
  const transactions = db.table<ExistingTransaction, string>('transactions');
  return db.transaction(
    'r',
    [transactions, db.table('payees'), db.table('categories'), db.table('accounts')],
    async () => {
      const [byId, nearby, payees, categories, accounts] = await Promise.all([
        transactions.bulkGet(rowIds),
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
      const rows = new Map(nearby.map((row) => [row.id, row]));
      for (const row of byId) if (row) rows.set(row.id, row);
      const context = {
        accountId,
        currency,
        transactions: [...rows.values()],
        payees,
        categories,
        accounts,
      } as ImportContext;
      return { context, rows: rows.size };
    },
  );
}
