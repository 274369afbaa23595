import type { Account, Budget, Category, Transaction } from '@finwise/domain';
import { groupCategories } from '../data/views/category-groups';

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

/**
 * Money that moved on budget accounts without a category: uncategorized rows, split lines
 * without one and split remainders, rows of a deleted category, and transfers between a
 * budget account and one outside the budget. It is real spending (or income), so it counts
 * in the month's activity and in what is left to budget.
 */
export interface UncategorizedLine {
  activityMinor: number;
  /** Everything uncategorized up to and including this month. */
  soFarMinor: number;
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
  /** Uncategorized money this month; null when there never was any up to this month. */
  uncategorized: UncategorizedLine | null;
  /** Category and uncategorized activity this month (income categories excluded). */
  activityMinor: number;
  /** All income so far, plus uncategorized money so far, minus all money budgeted so far. */
  toBudgetMinor: number;
  /** Outflows by category this month, largest first (for the chart). */
  spending: SpendingSlice[];
  /** On-budget accounts in other currencies, whose transactions are not counted. */
  otherCurrencyAccounts: Account[];
}

/** Per category, per month `YYYY-MM`: a sum in minor units. */
export type MonthlySums = Map<string, Map<string, number>>;

const MAX_CHART_SLICES = 8;
const UNCATEGORIZED_LABEL = 'Uncategorized';

/** Whether an account's money is in the budget of `currency`. */
function budgetAccount(
  accountsById: Readonly<Record<string, Account | undefined>>,
  currency: string,
) {
  return (accountId: string | null | undefined): boolean => {
    const account = accountId ? accountsById[accountId] : undefined;
    return account?.onBudget === true && account.currency === currency;
  };
}

/**
 * What a transfer (a row with `transferAccountId` that is not a split line) does to the
 * budget: money moved between two budget accounts, or between two accounts outside it, stays
 * where it was (0); money leaving the budget is an outflow, money entering it an inflow. A
 * transfer counts only this way — under its category when it has one, else uncategorized —
 * never also as an ordinary categorised row, even if a merge left both fields set.
 */
function transferEffect(
  row: Transaction,
  inBudget: (accountId: string | null | undefined) => boolean,
): number {
  const from = inBudget(row.accountId);
  const to = inBudget(row.transferAccountId);
  if (from === to) return 0;
  const amount = row.amountMinor ?? 0;
  return from ? amount : -amount;
}

const isTransfer = (row: Transaction) => Boolean(row.transferAccountId) && !row.parentId;

/**
 * Activity per category and month: every categorised leaf row booked on an on-budget account
 * in the budget currency, and categorised transfers across the budget's edge. A split parent
 * counts through its children (it has no category of its own); its uncategorized remainder
 * counts in monthlyUncategorized.
 */
export function monthlyActivity(
  transactions: readonly Transaction[],
  accountsById: Readonly<Record<string, Account | undefined>>,
  currency: string,
  parentIds: ReadonlySet<string>,
): MonthlySums {
  const sums: MonthlySums = new Map();
  const inBudget = budgetAccount(accountsById, currency);
  for (const row of transactions) {
    if (!row.categoryId || !row.date || !row.accountId || parentIds.has(row.id)) {
      continue;
    }
    if (isTransfer(row)) {
      const effect = transferEffect(row, inBudget);
      if (effect !== 0) addTo(sums, row.categoryId, row.date.slice(0, 7), effect);
      continue;
    }
    if (!inBudget(row.accountId)) {
      continue;
    }
    addTo(sums, row.categoryId, row.date.slice(0, 7), row.amountMinor ?? 0);
  }
  return sums;
}

/**
 * Uncategorized money per month `YYYY-MM` on on-budget accounts in the budget currency (see
 * UncategorizedLine): uncategorized rows, split remainders and uncategorized transfers across
 * the budget's edge (see transferEffect).
 */
export function monthlyUncategorized(
  transactions: readonly Transaction[],
  accountsById: Readonly<Record<string, Account | undefined>>,
  currency: string,
  childrenByParent: ReadonlyMap<string, readonly Transaction[]>,
): Map<string, number> {
  const sums = new Map<string, number>();
  const inBudget = budgetAccount(accountsById, currency);
  const add = (date: string, amount: number) => {
    if (amount !== 0) {
      const month = date.slice(0, 7);
      sums.set(month, (sums.get(month) ?? 0) + amount);
    }
  };
  for (const row of transactions) {
    if (!row.date || !row.accountId) {
      continue;
    }
    const amount = row.amountMinor ?? 0;
    if (isTransfer(row)) {
      if (!row.categoryId) add(row.date, transferEffect(row, inBudget));
      continue;
    }
    if (!inBudget(row.accountId)) {
      continue;
    }
    const children = row.parentId ? undefined : childrenByParent.get(row.id);
    if (children && children.length > 0) {
      add(
        row.date,
        children.reduce((rest, child) => rest - (child.amountMinor ?? 0), amount),
      );
    } else if (!row.categoryId) {
      add(row.date, amount);
    }
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
  /** From monthlyUncategorized; absent means none. */
  uncategorized?: ReadonlyMap<string, number>;
}): MonthBudget {
  const { month, activity, budgeted } = input;
  // Activity of a category that no longer exists has no line of its own: it is uncategorized.
  const known = new Set(input.categories.map((category) => category.id));
  const uncategorizedByMonth = new Map(input.uncategorized ?? []);
  for (const [categoryId, months] of activity) {
    if (!known.has(categoryId)) {
      for (const [key, value] of months) {
        uncategorizedByMonth.set(key, (uncategorizedByMonth.get(key) ?? 0) + value);
      }
    }
  }
  let uncategorizedSoFar = 0;
  let uncategorizedEver = false;
  for (const [key, value] of uncategorizedByMonth) {
    if (key <= month) {
      uncategorizedSoFar += value;
      uncategorizedEver ||= value !== 0;
    }
  }
  const uncategorized: UncategorizedLine | null = uncategorizedEver
    ? { activityMinor: uncategorizedByMonth.get(month) ?? 0, soFarMinor: uncategorizedSoFar }
    : null;
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
    uncategorized,
    activityMinor: total(allLines, 'activityMinor') + (uncategorized?.activityMinor ?? 0),
    toBudgetMinor: incomeSoFar + uncategorizedSoFar - budgetedSoFar,
    spending: spendingSlices(allLines, uncategorized?.activityMinor ?? 0),
    otherCurrencyAccounts: input.accounts.filter(
      (account) => account.onBudget && !account.closed && account.currency !== input.currency,
    ),
  };
}

function spendingSlices(lines: readonly BudgetLine[], uncategorizedMinor: number): SpendingSlice[] {
  const slices = lines
    .filter((line) => line.activityMinor < 0)
    .map((line) => ({ label: line.category.name ?? '', amountMinor: -line.activityMinor }))
    .concat(
      uncategorizedMinor < 0
        ? [{ label: UNCATEGORIZED_LABEL, amountMinor: -uncategorizedMinor }]
        : [],
    )
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
