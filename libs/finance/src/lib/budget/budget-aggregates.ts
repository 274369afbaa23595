import type { BudgetCategory } from '../core/rows';

/**
 * Everything the envelope budget needs, summed per month, so that the server can produce it with
 * a few GROUP BY queries and the browser with one pass over its local rows
 * (`buildBudgetAggregates`). Categories are not resolved here: a group names the category as
 * stored, and `computeMonthBudget` decides whether it is an expense, an income or no live category,
 * so that rule lives in one place. Several entries with the same key are added together.
 */
export interface BudgetAggregates {
  /** The budget currency (settings; `EUR` without a settings row). */
  readonly currency: string;
  /** The categories; deleted ones may be included and are ignored. */
  readonly categories: readonly BudgetCategory[];
  /** Live accounts with `onBudget` in another currency: out of the budget, listed as a warning. */
  readonly excludedAccountIds: readonly string[];
  /**
   * The earliest month holding a live leaf row with an on-budget side or an on-budget split
   * parent; null when there is none. Needed on its own because a transfer between two on-budget
   * accounts starts the budget without adding activity.
   */
  readonly firstLedgerMonth: string | null;
  /**
   * Σ amount of the on-budget side of live leaf rows, per month of the effective date and stored
   * `categoryId` (null when absent). Transfers between two on-budget accounts are left out.
   */
  readonly activity: readonly ActivityAggregate[];
  /** Σ split remainder of on-budget split parents, per month of the parent's date. */
  readonly splitRemainders: readonly MonthAmount[];
  /** Σ `budgetedMinor` of live `budgets` rows per month and category, whatever the category. */
  readonly budgetCells: readonly BudgetCellAggregate[];
  /** Σ `amountMinor` of live `budget_moves` per month and (from, to) pair as stored. */
  readonly moves: readonly MoveAggregate[];
  /** `heldMinor` of live `budget_months` rows, one entry per row. */
  readonly holds: readonly HoldAggregate[];
}

export interface MonthAmount {
  /** `YYYY-MM` */
  readonly month: string;
  readonly amountMinor: number;
}

export interface ActivityAggregate extends MonthAmount {
  readonly categoryId: string | null;
}

export interface BudgetCellAggregate {
  readonly month: string;
  readonly categoryId: string;
  readonly budgetedMinor: number;
}

export interface MoveAggregate extends MonthAmount {
  /** null = To Budget */
  readonly fromCategoryId: string | null;
  /** null = To Budget */
  readonly toCategoryId: string | null;
}

export interface HoldAggregate {
  readonly month: string;
  readonly heldMinor: number;
}
