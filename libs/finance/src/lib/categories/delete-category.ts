import { budgetCellId } from '../core/ids';
import type { FinanceMutation } from '../core/mutation';
import {
  isLive,
  type BudgetCategory,
  type BudgetCellRow,
  type BudgetMoveRow,
  type PayeeRow,
} from '../core/rows';
import { budgetCellWrite } from '../budget-actions/set-budgeted-amount';

/** What deleting a category reads of a transaction: split lines and parents alike. */
export interface CategorizedRow {
  readonly id: string;
  readonly categoryId?: string | null;
  readonly deletedAt?: string | null;
}

export interface DeleteCategoryInput {
  readonly categoryId: string;
  /** The category that takes the rows over; null leaves them uncategorized. */
  readonly replacementId: string | null;
  readonly categories: readonly BudgetCategory[];
  readonly transactions: readonly CategorizedRow[];
  readonly budgets: readonly BudgetCellRow[];
  readonly moves: readonly BudgetMoveRow[];
  readonly payees: readonly PayeeRow[];
}

export interface CategoryDeletionPlan {
  /** The rewrites first, the category's delete last: meant to be written as one batch. */
  readonly mutations: FinanceMutation[];
  /** Live transactions (split lines included) that named the category. */
  readonly transactionCount: number;
  /** Months whose budgeted money moved to the replacement. */
  readonly budgetMonths: readonly string[];
  /** False when the category is already gone (deleted on another device): its rows still move. */
  readonly deletesCategory: boolean;
}

/** How many live transactions, split lines included, name the category. */
export function categoryUsage(categoryId: string, transactions: readonly CategorizedRow[]): number {
  return transactions.filter((row) => isLive(row) && row.categoryId === categoryId).length;
}

/**
 * Deleting a category, like merging it in Actual: every transaction and split line that names it
 * moves to the replacement (or becomes uncategorized), so past months' activity moves with it,
 * and payees that default to it default to the replacement. Into a replacement of the same kind,
 * the category's budgeted money of every month (typed amounts plus moves, FINANCE §3 `budgeted`)
 * is added to the replacement's typed amount; the deleted category's own cells and moves stay as
 * they are and count nowhere (a move naming it counts as To Budget on that side), so every
 * month's To Budget is unchanged. Without a replacement its budgeted money is released, as
 * FINANCE §3 says of any deleted category.
 *
 * A category already deleted elsewhere is not deleted again and its budget is not folded a
 * second time (that device settled its money); its rows still move: setting a category is the
 * same write however often it is made.
 */
export function planCategoryDeletion(input: DeleteCategoryInput): CategoryDeletionPlan {
  const { categoryId, replacementId } = input;
  if (replacementId === categoryId) {
    throw new Error('A category cannot take over its own transactions.');
  }
  const category = input.categories.find((row) => row.id === categoryId && isLive(row));
  const replacement =
    replacementId === null
      ? null
      : input.categories.find((row) => row.id === replacementId && isLive(row));
  if (replacement === undefined) {
    throw new Error('The category chosen to take over was deleted meanwhile. Choose another.');
  }
  if (category && replacement && Boolean(category.isIncome) !== Boolean(replacement.isIncome)) {
    throw new Error(
      category.isIncome
        ? 'An income category can only pass its transactions to another income category.'
        : 'An expense category can only pass its transactions to another expense category.',
    );
  }

  const mutations: FinanceMutation[] = [];
  const rows = input.transactions.filter((row) => isLive(row) && row.categoryId === categoryId);
  for (const row of rows) {
    mutations.push(update('transactions', row.id, { categoryId: replacementId }));
  }
  for (const payee of input.payees) {
    if (isLive(payee) && payee.defaultCategoryId === categoryId) {
      mutations.push(update('payees', payee.id, { defaultCategoryId: replacementId }));
    }
  }

  const budgetMonths: string[] = [];
  if (category && replacement && !category.isIncome) {
    for (const [month, amount] of budgetedByMonth(categoryId, input.budgets, input.moves)) {
      if (amount === 0) continue;
      const cellId = budgetCellId(replacement.id, month);
      const existing = input.budgets.find((cell) => cell.id === cellId && isLive(cell));
      const write = budgetCellWrite(
        existing,
        replacement.id,
        month,
        (existing?.budgetedMinor ?? 0) + amount,
      );
      if (write) mutations.push(write);
      budgetMonths.push(month);
    }
  }

  if (category) {
    mutations.push({ modelName: 'categories', operation: 'delete', data: { id: categoryId } });
  }
  return { mutations, transactionCount: rows.length, budgetMonths, deletesCategory: !!category };
}

/** FINANCE §3 `budgeted(c, M)` of one category for every month it has a cell or a move in. */
function budgetedByMonth(
  categoryId: string,
  budgets: readonly BudgetCellRow[],
  moves: readonly BudgetMoveRow[],
): Map<string, number> {
  const byMonth = new Map<string, number>();
  const add = (month: string | null, amount: number) => {
    if (month === null) return;
    byMonth.set(month, (byMonth.get(month) ?? 0) + amount);
  };
  for (const cell of budgets) {
    if (isLive(cell) && cell.categoryId === categoryId) add(cell.month, cell.budgetedMinor ?? 0);
  }
  for (const move of moves) {
    if (!isLive(move) || move.fromCategoryId === move.toCategoryId) continue;
    if (move.toCategoryId === categoryId) add(move.month, move.amountMinor ?? 0);
    if (move.fromCategoryId === categoryId) add(move.month, -(move.amountMinor ?? 0));
  }
  return new Map([...byMonth].sort(([a], [b]) => a.localeCompare(b)));
}

function update(
  modelName: string,
  id: string,
  fields: Record<string, string | null>,
): FinanceMutation {
  return { modelName, operation: 'update', data: { id, ...fields } };
}
