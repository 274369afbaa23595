import type { Account, Budget } from '@finwise/domain';
import { budgetCellId, type CategoryBudget, type MonthBudget } from '@finwise/finance';
import type { RowLookup } from '../data/synced-entity/row-lookup';

/** An expense category's line: the month's numbers plus what was typed and what was moved. */
export interface BudgetLine extends CategoryBudget {
  /** The amount typed for this month (the budget cell; 0 without one). */
  typed: number;
  /** What moves added (negative: took away): `budgeted` is `typed + moved`. */
  moved: number;
}

export interface BudgetGroup {
  name: string;
  lines: BudgetLine[];
  budgeted: number;
  activity: number;
  available: number;
}

export interface ExcludedAccount {
  id: string;
  name: string;
  currency: string;
}

export interface BudgetView {
  groups: BudgetGroup[];
  income: CategoryBudget[];
  /** Every live expense category, hidden ones too: where money can be moved from or to. */
  expenseCategories: CategoryBudget[];
  excludedAccounts: ExcludedAccount[];
}

/**
 * The month's budget as the page shows it. A hidden category keeps counting in every total;
 * it gets a line of its own only while it holds or spends money, so nothing is out of sight.
 */
export function budgetView(
  budget: MonthBudget,
  cells: RowLookup<Budget>,
  accounts: readonly Account[],
): BudgetView {
  const groups = new Map<string, BudgetGroup>();
  const income: CategoryBudget[] = [];
  const expenseCategories: CategoryBudget[] = [];
  for (const category of budget.categories) {
    if (category.isIncome) {
      if (!category.hidden || category.activity !== 0) income.push(category);
      continue;
    }
    expenseCategories.push(category);
    if (category.hidden && !holdsMoney(category)) continue;
    const typed = cells.get(budgetCellId(category.categoryId, budget.month))?.budgetedMinor ?? 0;
    const group = groups.get(category.groupName) ?? {
      name: category.groupName,
      lines: [],
      budgeted: 0,
      activity: 0,
      available: 0,
    };
    group.lines.push({ ...category, typed, moved: category.budgeted - typed });
    group.budgeted += category.budgeted;
    group.activity += category.activity;
    group.available += category.available;
    groups.set(category.groupName, group);
  }
  const byId = new Map(accounts.map((account) => [account.id, account]));
  return {
    groups: [...groups.values()],
    income,
    expenseCategories,
    excludedAccounts: budget.excludedAccounts.map((id) => ({
      id,
      name: byId.get(id)?.name ?? 'An account',
      currency: byId.get(id)?.currency ?? '',
    })),
  };
}

function holdsMoney(category: CategoryBudget): boolean {
  return category.budgeted !== 0 || category.activity !== 0 || category.available !== 0;
}

export interface CoverSource {
  /** null = To Budget */
  categoryId: string | null;
  name: string;
  available: number;
}

/** Where an overspent category can be covered from: To Budget and every category with money left. */
export function coverSources(budget: MonthBudget, overspentId: string): CoverSource[] {
  const sources: CoverSource[] = [];
  if (budget.toBudget > 0) {
    sources.push({ categoryId: null, name: 'To Budget', available: budget.toBudget });
  }
  for (const category of budget.categories) {
    if (!category.isIncome && category.categoryId !== overspentId && category.available > 0) {
      sources.push({
        categoryId: category.categoryId,
        name: category.name,
        available: category.available,
      });
    }
  }
  return sources;
}
