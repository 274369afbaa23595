import { isLive, type BudgetCategory, type LedgerAccount } from '../core/rows';
import { reportMonths } from './report-range';

/** How a report counts a row's stored category: a live income or expense category, or none. */
export type CategoryKind = 'income' | 'expense' | 'none';

/**
 * A category id → its kind (FINANCE §3): a live category is income when `isIncome` is true and an
 * expense otherwise; no category, an unknown or a deleted one is none (uncategorized).
 */
export function categoryKinds(
  categories: readonly BudgetCategory[],
): (categoryId: string | null) => CategoryKind {
  const kinds = new Map<string, CategoryKind>();
  for (const category of categories) {
    if (isLive(category)) kinds.set(category.id, category.isIncome === true ? 'income' : 'expense');
  }
  return (categoryId) => (categoryId === null ? undefined : kinds.get(categoryId)) ?? 'none';
}

/**
 * The currencies of some accounts, the budget currency first and the others in code order, so a
 * household's main currency leads every report. Accounts without a currency are left out: they
 * cannot be added to anything.
 */
export function currenciesOf(accounts: Iterable<LedgerAccount>, budgetCurrency: string): string[] {
  const currencies = new Set<string>();
  for (const account of accounts) if (account.currency) currencies.add(account.currency);
  return [...currencies].sort((a, b) =>
    a === budgetCurrency ? -1 : b === budgetCurrency ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
}

/** The months of a range with their positions, for filling one array slot per month. */
export function monthSlots(
  from: string,
  to: string,
): {
  readonly months: string[];
  readonly slotOf: (month: string) => number | undefined;
} {
  const months = reportMonths(from, to);
  const slots = new Map(months.map((month, index) => [month, index]));
  return { months, slotOf: (month) => slots.get(month) };
}

/** One 0 per month: every amount starts at +0 and sums never turn it into −0. */
export function zeros(count: number): number[] {
  return new Array<number>(count).fill(0);
}
