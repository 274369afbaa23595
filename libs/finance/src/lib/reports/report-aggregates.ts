import type { BudgetCategory, LedgerAccount } from '../core/rows';

/**
 * Everything the three reports of FINANCE §4 need, summed per month, so that the server can
 * produce it with a few GROUP BY queries and the browser with one pass over its local rows
 * (`buildReportAggregates`). Like the budget's aggregates, nothing is resolved here: a group names
 * its accounts and category as stored, and the reports decide which accounts are live, on-budget
 * or of one currency and which categories are income, expense or none. Several entries with the
 * same key are added together.
 */
export interface ReportAggregates {
  /** The budget currency (settings; `EUR` without a settings row): the spending report's. */
  readonly currency: string;
  /** The accounts; deleted ones may be included and are ignored (their own sides count nowhere). */
  readonly accounts: readonly LedgerAccount[];
  /** The categories; deleted ones may be included and are ignored. */
  readonly categories: readonly BudgetCategory[];
  /**
   * Σ amount of every side of every live leaf row (a plain row or a live split line, whose own
   * side is on its parent's account at its parent's date) per month of the effective date, the
   * account the side falls on, the row's other account and the stored `categoryId`. Sides on
   * accounts that are not live may be included and are ignored. `netWorthReport` reads only
   * months and accounts, so for it the categories may be summed away (`categoryId` null).
   */
  readonly flows: readonly FlowAggregate[];
  /** Σ split remainder (parent − Σ its live lines) per month of the parent's date and its account. */
  readonly splitRemainders: readonly AccountMonthAmount[];
}

export interface AccountMonthAmount {
  /** `YYYY-MM` */
  readonly month: string;
  readonly accountId: string;
  readonly amountMinor: number;
}

/**
 * What the sides of some leaf rows add to one account in one month, in that account's currency:
 * the own side is `amountMinor`, the transfer side `transferAmountMinor ?? −amountMinor`, or
 * `−amountMinor` when both accounts are live with one currency (FINANCE §2).
 */
export interface FlowAggregate extends AccountMonthAmount {
  /**
   * The row's other account: for the own side the transfer account, for the transfer side the
   * row's (effective) account; null when the row is no transfer as the ledger reads it.
   */
  readonly otherAccountId: string | null;
  readonly categoryId: string | null;
}
