import type { Transaction } from '@finwise/domain';

/** How one transaction looks from one account's register. */
export interface TransactionSide {
  /** Signed as this account sees it: a transfer's other side is negated. */
  amountMinor: number;
  cleared: boolean;
  reconciled: boolean;
  /** The other account of a transfer, or null. */
  counterAccountId: string | null;
  /** Whether the account is the transfer's receiving side (its flags are transferCleared/-Reconciled). */
  isTransferSide: boolean;
}

/**
 * A transfer is one row (DESIGN §4): booked on `accountId`, shown negated on
 * `transferAccountId` with that side's own cleared/reconciled flags.
 */
export function sideOf(transaction: Transaction, accountId: string): TransactionSide {
  const amount = transaction.amountMinor ?? 0;
  if (transaction.accountId !== accountId && transaction.transferAccountId === accountId) {
    return {
      amountMinor: amount === 0 ? 0 : -amount,
      cleared: transaction.transferCleared === true,
      reconciled: transaction.transferReconciled === true,
      counterAccountId: transaction.accountId,
      isTransferSide: true,
    };
  }
  return {
    amountMinor: amount,
    cleared: transaction.cleared === true,
    reconciled: transaction.reconciled === true,
    counterAccountId: transaction.transferAccountId ?? null,
    isTransferSide: false,
  };
}
