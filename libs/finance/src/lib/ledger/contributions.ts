import type { LedgerAccount, LedgerTransaction } from '../core/rows';
import { effectiveRows } from './effective-rows';
import { indexLiveAccounts } from './live-accounts';
import { rowSides, type RowSide } from './row-sides';

/**
 * What every live row adds to every live account's balance (FINANCE §2). A split child's own side
 * is left out, because its parent's amount (what the bank booked) already counts there; a child's
 * transfer leg does count in the account it goes to.
 */
export function contributions<T extends LedgerTransaction>(
  transactions: readonly T[],
  accounts: readonly LedgerAccount[],
): RowSide<T>[] {
  const liveAccounts = indexLiveAccounts(accounts);
  const result: RowSide<T>[] = [];
  for (const entry of effectiveRows(transactions)) {
    for (const side of rowSides(entry, liveAccounts)) {
      if (entry.kind === 'split-child' && side.side === 'own') continue;
      result.push(side);
    }
  }
  return result;
}
