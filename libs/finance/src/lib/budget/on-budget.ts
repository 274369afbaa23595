import type { LedgerAccount } from '../core/rows';

/**
 * Whether an account's money is in the budget: `onBudget` and in the budget currency (closed
 * accounts count). An on-budget account in another currency keeps its flag but is, for the
 * budget, off-budget.
 */
export function isInBudget(account: LedgerAccount | undefined, currency: string): boolean {
  return account !== undefined && account.onBudget === true && account.currency === currency;
}

/** Whether an on-budget account is left out of the budget for its currency. */
export function isExcludedFromBudget(account: LedgerAccount, currency: string): boolean {
  return account.onBudget === true && account.currency !== currency;
}
