import type { LedgerAccount, LedgerTransaction } from '../core/rows';
import { contributions } from './contributions';

/**
 * Σ contributions to an account of rows reconciled on that side. After a reconcile it equals the
 * reconciliation's `clearedTotalMinor`; a later offline edit of a reconciled row makes it differ,
 * which the app shows as "reconciled history changed".
 */
export function reconciledSum(
  transactions: readonly LedgerTransaction[],
  accounts: readonly LedgerAccount[],
  accountId: string,
): number {
  let sum = 0;
  for (const side of contributions(transactions, accounts)) {
    if (side.accountId === accountId && side.reconciled) sum += side.amountMinor;
  }
  return sum;
}
