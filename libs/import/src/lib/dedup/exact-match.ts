import { importedTransactionId } from '../ids/imported-transaction-id';
import type { ExistingTransaction } from './existing-transaction';

/**
 * Finds the row a line's `importedId` already landed on in this account, live or deleted: its
 * deterministic id, a row of this account carrying that `importedId` (a fuzzy match made it
 * earlier) or a transfer whose side in this account claimed it. A deleted row counts too, so what
 * the user deleted is not imported again (research D5); a tombstone that kept no fields is still
 * found by its deterministic id.
 */
export function exactMatcher(
  accountId: string,
  transactions: readonly ExistingTransaction[],
): (importedId: string) => ExistingTransaction | undefined {
  const byId = new Map<string, ExistingTransaction>();
  const byImportedId = new Map<string, ExistingTransaction>();
  const prefer = (map: Map<string, ExistingTransaction>, key: string, row: ExistingTransaction) => {
    const known = map.get(key);
    // Several rows may carry one id after concurrent edits: pick alike on every device.
    if (known === undefined || preferRow(row, known)) map.set(key, row);
  };
  for (const row of transactions) {
    byId.set(row.id, row);
    if (row.accountId === accountId && row.importedId) prefer(byImportedId, row.importedId, row);
    if (
      row.transferAccountId === accountId &&
      row.accountId !== accountId &&
      row.transferImportedId
    ) {
      prefer(byImportedId, row.transferImportedId, row);
    }
  }
  return (importedId) =>
    byId.get(importedTransactionId(accountId, importedId)) ?? byImportedId.get(importedId);
}

/** Live rows before tombstones, then the smaller id. */
function preferRow(row: ExistingTransaction, than: ExistingTransaction): boolean {
  const rowLive = !row.deletedAt;
  const thanLive = !than.deletedAt;
  if (rowLive !== thanLive) return rowLive;
  return row.id < than.id;
}
