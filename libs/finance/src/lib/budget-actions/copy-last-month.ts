import { budgetCellId } from '../core/ids';
import { assertMonth, previousMonth } from '../core/month';
import { isLive, type BudgetCategory, type BudgetCellRow } from '../core/rows';
import type { FinanceMutation } from '../core/mutation';
import { budgetCellWrite } from './set-budgeted-amount';

export interface CopyLastMonthInput {
  readonly month: string;
  readonly budgets: readonly BudgetCellRow[];
  readonly categories: readonly BudgetCategory[];
}

/**
 * Gives every live expense category (hidden ones included) this month the amount typed last month,
 * so the month reads like the last one; moves are not copied, they were one-off decisions.
 * A category without a typed cell last month gets 0. Writes only the cells that change.
 */
export function copyLastMonth(input: CopyLastMonthInput): FinanceMutation[] {
  assertMonth(input.month);
  const lastMonth = previousMonth(input.month);
  const cells = new Map<string, BudgetCellRow>();
  for (const cell of input.budgets) if (isLive(cell)) cells.set(cell.id, cell);
  const mutations: FinanceMutation[] = [];
  for (const category of input.categories) {
    if (!isLive(category) || category.isIncome === true) continue;
    const typed = cells.get(budgetCellId(category.id, lastMonth))?.budgetedMinor ?? 0;
    const existing = cells.get(budgetCellId(category.id, input.month));
    const write = budgetCellWrite(existing, category.id, input.month, typed);
    if (write) mutations.push(write);
  }
  return mutations;
}
