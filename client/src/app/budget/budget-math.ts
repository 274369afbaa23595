import type { Account, Budget, Category, Transaction } from '@finwise/domain';
import { groupCategories } from '../stores/category-groups';

export interface BudgetLine {
  category: Category;
  budgetedMinor: number;
  activityMinor: number;
  /** What is left: everything budgeted minus everything spent, up to and including this month. */
  availableMinor: number;
}

export interface BudgetGroupView {
  name: string;
  lines: BudgetLine[];
  budgetedMinor: number;
  activityMinor: number;
  availableMinor: number;
}

export interface SpendingSlice {
  label: string;
  amountMinor: number;
}

export interface MonthBudget {
  month: string;
  currency: string;
  groups: BudgetGroupView[];
  income: BudgetLine[];
  incomeMinor: number;
  budgetedMinor: number;
  /** All income so far minus all money budgeted so far (envelope budgeting). */
  toBudgetMinor: number;
  /** Outflows by category this month, largest first (for the chart). */
  spending: SpendingSlice[];
  /** On-budget accounts in other currencies, whose transactions are not counted. */
  otherCurrencyAccounts: Account[];
}

/** Per category, per month `YYYY-MM`: a sum in minor units. */
export type MonthlySums = Map<string, Map<string, number>>;

const MAX_CHART_SLICES = 8;

/** The budget currency: the one most on-budget accounts use (budgets carry no currency of their own). */
export function budgetCurrency(accounts: readonly Account[]): string {
  const counts = new Map<string, number>();
  for (const account of accounts) {
    if (account.onBudget && account.currency) {
      counts.set(account.currency, (counts.get(account.currency) ?? 0) + 1);
    }
  }
  return [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]?.[0] ?? 'EUR';
}

/**
 * Activity per category and month: every categorised leaf row booked on an on-budget account
 * in the budget currency. A split parent counts through its children (it has no category of
 * its own); its uncategorized remainder counts nowhere.
 */
export function monthlyActivity(
  transactions: readonly Transaction[],
  accountsById: Readonly<Record<string, Account | undefined>>,
  currency: string,
  parentIds: ReadonlySet<string>,
): MonthlySums {
  const sums: MonthlySums = new Map();
  for (const row of transactions) {
    if (!row.categoryId || !row.date || !row.accountId || parentIds.has(row.id)) {
      continue;
    }
    const account = accountsById[row.accountId];
    if (!account?.onBudget || account.currency !== currency) {
      continue;
    }
    addTo(sums, row.categoryId, row.date.slice(0, 7), row.amountMinor ?? 0);
  }
  return sums;
}

export function monthlyBudgeted(budgets: readonly Budget[]): MonthlySums {
  const sums: MonthlySums = new Map();
  for (const budget of budgets) {
    if (budget.categoryId && budget.month) {
      addTo(sums, budget.categoryId, budget.month, budget.budgetedMinor ?? 0);
    }
  }
  return sums;
}

export function monthBudget(input: {
  month: string;
  currency: string;
  categories: readonly Category[];
  activity: MonthlySums;
  budgeted: MonthlySums;
  accounts: readonly Account[];
}): MonthBudget {
  const { month, activity, budgeted } = input;
  const line = (category: Category): BudgetLine => ({
    category,
    budgetedMinor: valueAt(budgeted, category.id, month),
    activityMinor: valueAt(activity, category.id, month),
    availableMinor:
      sumThrough(budgeted, category.id, month) + sumThrough(activity, category.id, month),
  });

  const groups: BudgetGroupView[] = [];
  const income: BudgetLine[] = [];
  let incomeSoFar = 0;
  let budgetedSoFar = 0;
  for (const group of groupCategories(input.categories)) {
    const lines: BudgetLine[] = [];
    for (const category of group.categories) {
      const current = line(category);
      if (category.isIncome) {
        incomeSoFar += sumThrough(activity, category.id, month);
        if (!category.hidden || current.activityMinor !== 0) {
          income.push(current);
        }
        continue;
      }
      budgetedSoFar += sumThrough(budgeted, category.id, month);
      if (!category.hidden || current.budgetedMinor !== 0 || current.activityMinor !== 0) {
        lines.push(current);
      }
    }
    if (lines.length > 0) {
      groups.push({
        name: group.name,
        lines,
        budgetedMinor: total(lines, 'budgetedMinor'),
        activityMinor: total(lines, 'activityMinor'),
        availableMinor: total(lines, 'availableMinor'),
      });
    }
  }

  const allLines = groups.flatMap((group) => group.lines);
  return {
    month,
    currency: input.currency,
    groups,
    income,
    incomeMinor: total(income, 'activityMinor'),
    budgetedMinor: total(allLines, 'budgetedMinor'),
    toBudgetMinor: incomeSoFar - budgetedSoFar,
    spending: spendingSlices(allLines),
    otherCurrencyAccounts: input.accounts.filter(
      (account) => account.onBudget && !account.closed && account.currency !== input.currency,
    ),
  };
}

function spendingSlices(lines: readonly BudgetLine[]): SpendingSlice[] {
  const slices = lines
    .filter((line) => line.activityMinor < 0)
    .map((line) => ({ label: line.category.name ?? '', amountMinor: -line.activityMinor }))
    .sort((a, b) => b.amountMinor - a.amountMinor || a.label.localeCompare(b.label));
  if (slices.length <= MAX_CHART_SLICES) {
    return slices;
  }
  const rest = slices
    .slice(MAX_CHART_SLICES - 1)
    .reduce((sum, slice) => sum + slice.amountMinor, 0);
  return [
    ...slices.slice(0, MAX_CHART_SLICES - 1),
    { label: 'Everything else', amountMinor: rest },
  ];
}

function addTo(sums: MonthlySums, categoryId: string, month: string, amount: number): void {
  let months = sums.get(categoryId);
  if (!months) {
    months = new Map();
    sums.set(categoryId, months);
  }
  months.set(month, (months.get(month) ?? 0) + amount);
}

function valueAt(sums: MonthlySums, categoryId: string, month: string): number {
  return sums.get(categoryId)?.get(month) ?? 0;
}

function sumThrough(sums: MonthlySums, categoryId: string, month: string): number {
  let sum = 0;
  for (const [key, value] of sums.get(categoryId) ?? []) {
    if (key <= month) {
      sum += value;
    }
  }
  return sum;
}

function total<K extends 'budgetedMinor' | 'activityMinor' | 'availableMinor'>(
  lines: readonly BudgetLine[],
  key: K,
): number {
  return lines.reduce((sum, line) => sum + line[key], 0);
}
