import { earliestMonth } from '../core/month';
import { isLive, type BudgetCategory } from '../core/rows';
import type { BudgetAggregates } from './budget-aggregates';

/** One month's inputs of the envelope formulas, categories resolved. */
export interface MonthInputs {
  /** Expense category → activity. */
  readonly expenseActivity: Map<string, number>;
  /** Income category → activity. */
  readonly incomeActivity: Map<string, number>;
  /** Expense category → typed amount + moves in − moves out. */
  readonly budgeted: Map<string, number>;
  uncategorized: number;
  held: number;
}

export interface ClassifiedAggregates {
  readonly expenseCategories: readonly BudgetCategory[];
  readonly incomeCategories: readonly BudgetCategory[];
  readonly months: ReadonlyMap<string, MonthInputs>;
  /** Months holding a live budget cell, move or hold row, whatever its amount or category. */
  readonly budgetRowMonths: ReadonlySet<string>;
  /** Every value before this month is 0; null when the household has nothing to budget. */
  readonly firstMonth: string | null;
}

/**
 * Resolves each aggregate's category (FINANCE §3): activity of an income category is income, of
 * an expense category its activity, of anything else (none, unknown, deleted) uncategorized; a
 * budget cell counts only for a live expense category (deleting a category releases its money);
 * a move side naming no live expense category is To Budget, which a move changes only through
 * the category side.
 */
export function classifyAggregates(aggregates: BudgetAggregates): ClassifiedAggregates {
  const categories = new Map<string, BudgetCategory>();
  for (const category of aggregates.categories) {
    if (isLive(category)) categories.set(category.id, category);
  }
  const isExpense = (id: string | null): id is string => {
    const category = id === null ? undefined : categories.get(id);
    return category !== undefined && category.isIncome !== true;
  };

  const months = new Map<string, MonthInputs>();
  const inputsOf = (month: string): MonthInputs => {
    let inputs = months.get(month);
    if (!inputs) {
      inputs = {
        expenseActivity: new Map(),
        incomeActivity: new Map(),
        budgeted: new Map(),
        uncategorized: 0,
        held: 0,
      };
      months.set(month, inputs);
    }
    return inputs;
  };

  for (const { month, categoryId, amountMinor } of aggregates.activity) {
    const inputs = inputsOf(month);
    const category = categoryId === null ? undefined : categories.get(categoryId);
    if (!category) inputs.uncategorized += amountMinor;
    else
      add(
        category.isIncome === true ? inputs.incomeActivity : inputs.expenseActivity,
        category.id,
        amountMinor,
      );
  }
  for (const { month, amountMinor } of aggregates.splitRemainders) {
    inputsOf(month).uncategorized += amountMinor;
  }

  const budgetRowMonths = new Set<string>();
  for (const { month, categoryId, budgetedMinor } of aggregates.budgetCells) {
    budgetRowMonths.add(month);
    if (isExpense(categoryId)) add(inputsOf(month).budgeted, categoryId, budgetedMinor);
  }
  for (const { month, fromCategoryId, toCategoryId, amountMinor } of aggregates.moves) {
    budgetRowMonths.add(month);
    if (isExpense(fromCategoryId)) add(inputsOf(month).budgeted, fromCategoryId, -amountMinor);
    if (isExpense(toCategoryId)) add(inputsOf(month).budgeted, toCategoryId, amountMinor);
  }
  for (const { month, heldMinor } of aggregates.holds) {
    budgetRowMonths.add(month);
    inputsOf(month).held += heldMinor;
  }

  const live = [...categories.values()];
  return {
    expenseCategories: live.filter((category) => category.isIncome !== true),
    incomeCategories: live.filter((category) => category.isIncome === true),
    months,
    budgetRowMonths,
    firstMonth: earliestMonth([
      aggregates.firstLedgerMonth,
      ...aggregates.activity.map((group) => group.month),
      ...aggregates.splitRemainders.map((group) => group.month),
      ...budgetRowMonths,
    ]),
  };
}

function add(sums: Map<string, number>, key: string, amount: number): void {
  sums.set(key, (sums.get(key) ?? 0) + amount);
}
