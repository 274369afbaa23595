import {
  isLive,
  type LedgerAccount,
  type LedgerTransaction,
  type ReconciliationRow,
} from '../core/rows';
import { reconciledSum } from '../ledger/reconciled-sum';

/**
 * The account's latest live reconciliation: by statement date, then by server time of creation
 * (a row not yet on the server is the newest), then by id so every device picks the same one.
 */
export function latestReconciliation(
  reconciliations: readonly ReconciliationRow[],
  accountId: string,
): ReconciliationRow | undefined {
  let latest: ReconciliationRow | undefined;
  for (const row of reconciliations) {
    if (!isLive(row) || row.accountId !== accountId) continue;
    if (!latest || isLater(row, latest)) latest = row;
  }
  return latest;
}

/**
 * Whether the account's reconciled rows no longer add up to its latest reconciliation (an
 * offline edit of a reconciled row's amount, date or account merged after it). Never repaired
 * automatically: the app shows "reconciled history changed".
 */
export function reconciledHistoryChanged(input: {
  readonly accountId: string;
  readonly transactions: readonly LedgerTransaction[];
  readonly accounts: readonly LedgerAccount[];
  readonly reconciliations: readonly ReconciliationRow[];
}): boolean {
  const latest = latestReconciliation(input.reconciliations, input.accountId);
  if (!latest) return false;
  const sum = reconciledSum(input.transactions, input.accounts, input.accountId);
  return sum !== latest.clearedTotalMinor;
}

function isLater(a: ReconciliationRow, b: ReconciliationRow): boolean {
  const aDate = a.statementDate ?? '';
  const bDate = b.statementDate ?? '';
  if (aDate !== bDate) return aDate > bDate;
  const aCreated = a.createdAt ?? null;
  const bCreated = b.createdAt ?? null;
  if (aCreated !== bCreated) {
    if (aCreated === null) return true;
    if (bCreated === null) return false;
    return aCreated > bCreated;
  }
  return a.id > b.id;
}
