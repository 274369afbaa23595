import { importedTransactionId } from '../ids/imported-transaction-id';
import type { ExistingTransaction } from './existing-transaction';

/**
 * Finds the row a line's `importedId` already landed on in this account, live or deleted: its
 * deterministic id, a row of this account carrying that `importedId` (a fuzzy match made it
 * earlier) or a transfer whose side in this account claimed it. A deleted row counts too, so what
 * the user deleted is not imported again (research D5). A tombstone keeps no fields, so it is
 * found by id only: a match therefore also leaves a tombstone at the line's deterministic id
 * (`planImport`), which is what still finds the line once the matched row is deleted. A live row
 * wins over a tombstone, so a matched row stays the one the preview names.
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
  return (importedId) => {
    const own = byId.get(importedTransactionId(accountId, importedId));
    const carrier = byImportedId.get(importedId);
    if (own && !own.deletedAt) return own;
    if (carrier && !carrier.deletedAt) return carrier;
    return own ?? carrier;
  };
}

/** Live rows before tombstones, then the smaller id. */
function preferRow(row: ExistingTransaction, than: ExistingTransaction): boolean {
  const rowLive = !row.deletedAt;
  const thanLive = !than.deletedAt;
  if (rowLive !== thanLive) return rowLive;
  return row.id < than.id;
}
