import type { Transaction } from '@finwise/domain';
import { rowSides, type AccountIndex, type EffectiveRow } from '@finwise/finance';

/** How one transaction looks from one account's register. */
export interface TransactionSide {
  /** What the row adds to this account, in this account's currency (FINANCE §2). */
  amountMinor: number;
  /** The row's date as the ledger reads it (a split line's is its parent's). */
  date: string;
  cleared: boolean;
  reconciled: boolean;
  /** The other account of a transfer, or null. */
  counterAccountId: string | null;
  /** Whether the account is the transfer's receiving side (its flags are transferCleared/-Reconciled). */
  isTransferSide: boolean;
}

/**
 * One row's side on one account, read with the ledger's rules: a transfer's far side books
 * `transferAmountMinor` between currencies and the negated amount within one, and a split
 * line's flags are its parent's. Null when the row adds nothing to that account.
 */
export function sideOf(
  entry: EffectiveRow<Transaction>,
  accountId: string,
  accounts: AccountIndex,
): TransactionSide | null {
  const side = rowSides(entry, accounts).find((candidate) => candidate.accountId === accountId);
  if (!side) {
    return null;
  }
  const isTransferSide = side.side === 'transfer';
  return {
    amountMinor: side.amountMinor,
    date: entry.date,
    cleared: side.cleared,
    reconciled: side.reconciled,
    counterAccountId: isTransferSide ? entry.accountId : entry.transferAccountId,
    isTransferSide,
  };
}
