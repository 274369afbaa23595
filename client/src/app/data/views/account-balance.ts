import type { LedgerLine } from './transaction-index';

export interface AccountBalance {
  balanceMinor: number;
  /** The part the bank has confirmed: cleared or reconciled rows (what a reconcile counts). */
  clearedMinor: number;
}

/** Balance of one account from its register lines (each already signed as the account sees it). */
export function accountBalance(lines: readonly LedgerLine[] | undefined): AccountBalance {
  let balanceMinor = 0;
  let clearedMinor = 0;
  for (const { side } of lines ?? []) {
    balanceMinor += side.amountMinor;
    if (side.cleared || side.reconciled) {
      clearedMinor += side.amountMinor;
    }
  }
  return { balanceMinor, clearedMinor };
}
