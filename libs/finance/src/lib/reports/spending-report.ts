import { isLive } from '../core/rows';
import { inDisplayOrder } from '../budget/category-order';
import { isInBudget } from '../budget/on-budget';
import { indexLiveAccounts } from '../ledger/live-accounts';
import type { ReportAggregates } from './report-aggregates';
import { monthSlots, zeros } from './report-inputs';

/** `GET /api/reports/spending` (FINANCE §4): spending per expense category and month. */
export interface SpendingReport {
  /** The budget currency: every amount is in it. */
  readonly currency: string;
  /** `from`..`to`; every `amounts` array has one entry per month, in this order. */
  readonly months: readonly string[];
  /** Every live expense category (hidden ones too), zero rows included, in display order. */
  readonly categories: readonly SpendingCategory[];
  /** −uncategorized activity per month, split remainders included. */
  readonly uncategorized: readonly number[];
  /** Per month: Σ of the categories' amounts and the uncategorized one. */
  readonly totals: readonly number[];
}

export interface SpendingCategory {
  readonly categoryId: string;
  readonly name: string;
  readonly groupName: string;
  /** −activity per month: spending is positive, a refund reduces it. */
  readonly amounts: readonly number[];
}

/**
 * Spending by category (FINANCE §4): −activity of every live expense category per month, with
 * activity exactly as the budget counts it (§3): the budget-currency side of live leaf rows on
 * on-budget accounts, a transfer between two such accounts counting nowhere. Income categories
 * are not spending and are left out; uncategorized activity and split remainders are listed on
 * their own. Throws a `ReportRangeError` for a range a report refuses.
 */
export function spendingReport(
  aggregates: ReportAggregates,
  from: string,
  to: string,
): SpendingReport {
  const { months, slotOf } = monthSlots(from, to);
  const { currency } = aggregates;
  const accounts = indexLiveAccounts(aggregates.accounts);
  const inBudget = (accountId: string | null) =>
    accountId !== null && isInBudget(accounts.get(accountId), currency);

  const live = new Map(aggregates.categories.filter(isLive).map((c) => [c.id, c]));
  const expenses = inDisplayOrder([...live.values()].filter((c) => c.isIncome !== true));
  const amounts = new Map(expenses.map((category) => [category.id, zeros(months.length)]));
  const uncategorized = zeros(months.length);

  for (const flow of aggregates.flows) {
    const slot = slotOf(flow.month);
    if (slot === undefined || !inBudget(flow.accountId) || inBudget(flow.otherAccountId)) continue;
    const category = flow.categoryId === null ? undefined : live.get(flow.categoryId);
    // An income category's activity is not spending; it is left out.
    const line = category ? amounts.get(category.id) : uncategorized;
    if (line) line[slot] -= flow.amountMinor;
  }
  for (const remainder of aggregates.splitRemainders) {
    const slot = slotOf(remainder.month);
    if (slot !== undefined && inBudget(remainder.accountId)) {
      uncategorized[slot] -= remainder.amountMinor;
    }
  }

  const totals = [...uncategorized];
  for (const line of amounts.values()) line.forEach((amount, slot) => (totals[slot] += amount));
  return {
    currency,
    months,
    categories: expenses.map((category) => ({
      categoryId: category.id,
      name: category.name ?? '',
      groupName: category.groupName ?? '',
      amounts: amounts.get(category.id) ?? zeros(months.length),
    })),
    uncategorized,
    totals,
  };
}
