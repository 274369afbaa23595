import type { Account, Category, Payee, Transaction } from '@finwise/domain';
import type { ExistingTransaction, ImportContext } from '@finwise/import';

/** This device's live rows an import compares a file with. */
export interface LocalHousehold {
  readonly transactions: readonly Transaction[];
  readonly payees: readonly Payee[];
  readonly categories: readonly Category[];
  readonly accounts: readonly Account[];
}

/**
 * The rows an import of `accountId` is planned against, as the server reads them for its own
 * import: the live rows of the account or transferring into it, their split lines and parents,
 * and every row with an id the file's lines would get (`importedRowIds`), deleted ones included,
 * so what the user deleted is not imported again.
 */
export function importContext(
  accountId: string,
  currency: string,
  household: LocalHousehold,
  importedRows: readonly ExistingTransaction[],
): ImportContext {
  const touching = household.transactions.filter(
    (row) => row.accountId === accountId || row.transferAccountId === accountId,
  );
  const touchingIds = new Set(touching.map((row) => row.id));
  const parentIds = new Set(touching.flatMap((row) => (row.parentId ? [row.parentId] : [])));
  // Read by id a moment ago; the store's copy of a live row is the newer one.
  const rows = new Map<string, ExistingTransaction>(importedRows.map((row) => [row.id, row]));
  for (const row of household.transactions) {
    if (touchingIds.has(row.id) || parentIds.has(row.id) || touchingIds.has(row.parentId ?? '')) {
      rows.set(row.id, row);
    }
  }
  return {
    accountId,
    currency,
    transactions: [...rows.values()],
    payees: household.payees,
    categories: household.categories,
    accounts: household.accounts,
  };
}
