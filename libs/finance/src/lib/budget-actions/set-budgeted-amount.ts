import { budgetCellId } from '../core/ids';
import { assertMinorUnits } from '../core/money';
import { assertMonth } from '../core/month';
import { isLive, type BudgetCellRow } from '../core/rows';
import type { FinanceMutation } from '../core/mutation';

export interface SetBudgetedAmountInput {
  readonly categoryId: string;
  readonly month: string;
  /** The amount the user typed (may be negative, though the app asks for ≥ 0). */
  readonly budgetedMinor: number;
  /** The household's `budgets` rows, to tell a new cell from an existing one. */
  readonly budgets: readonly BudgetCellRow[];
}

/**
 * Typing a budgeted amount: one write of the cell's deterministic id, so two devices typing into
 * the same cell offline merge into one row. Nothing to write when the cell already holds it.
 */
export function setBudgetedAmount(input: SetBudgetedAmountInput): FinanceMutation[] {
  assertMonth(input.month);
  assertMinorUnits(input.budgetedMinor, 'budgetedMinor');
  const id = budgetCellId(input.categoryId, input.month);
  const existing = input.budgets.find((cell) => cell.id === id && isLive(cell));
  const write = budgetCellWrite(existing, input.categoryId, input.month, input.budgetedMinor);
  return write ? [write] : [];
}

/**
 * The write that makes a cell hold `budgetedMinor`, or null when it already does (an absent cell
 * holds 0). `existing` is the live row with the cell's id, if any. An existing cell gets an update of the amount only: categoryId and month never change.
 */
export function budgetCellWrite(
  existing: BudgetCellRow | undefined,
  categoryId: string,
  month: string,
  budgetedMinor: number,
): FinanceMutation | null {
  const id = budgetCellId(categoryId, month);
  if (existing) {
    if (existing.budgetedMinor === budgetedMinor) return null;
    return { modelName: 'budgets', operation: 'update', data: { id, budgetedMinor } };
  }
  if (budgetedMinor === 0) return null;
  return {
    modelName: 'budgets',
    operation: 'create',
    data: { id, categoryId, month, budgetedMinor },
  };
}
