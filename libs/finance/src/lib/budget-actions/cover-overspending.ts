import type { IdFactory } from '../core/ids';
import type { FinanceMutation } from '../core/mutation';
import type { MonthBudget } from '../budget/month-budget';
import { moveMoney } from './move-money';

export interface CoverOverspendingInput {
  /** The month's budget as computed now. */
  readonly budget: MonthBudget;
  /** The overspent expense category. */
  readonly categoryId: string;
  /** The expense category to take the money from; null (or any other id) = To Budget. */
  readonly fromCategoryId: string | null;
  readonly newId?: IdFactory;
}

export interface CoverOverspendingResult {
  /** What the move covers: min(overspent amount, what the source has); 0 when nothing is done. */
  readonly coveredMinor: number;
  readonly mutations: FinanceMutation[];
}

/**
 * Covers an overspent category with a move clamped to what the source has, so covering never
 * pushes the source negative. Does nothing unless the category is overspent and the source has
 * money.
 */
export function coverOverspending(input: CoverOverspendingInput): CoverOverspendingResult {
  const { budget } = input;
  const expense = (id: string | null) =>
    budget.categories.find((line) => line.categoryId === id && !line.isIncome);
  const target = expense(input.categoryId);
  const sourceLine = expense(input.fromCategoryId);
  const source = sourceLine ? sourceLine.available : budget.toBudget;
  if (!target || target.available >= 0 || source <= 0 || sourceLine === target) {
    return { coveredMinor: 0, mutations: [] };
  }
  const coveredMinor = Math.min(-target.available, source);
  return {
    coveredMinor,
    mutations: moveMoney({
      month: budget.month,
      fromCategoryId: sourceLine ? sourceLine.categoryId : null,
      toCategoryId: target.categoryId,
      amountMinor: coveredMinor,
      newId: input.newId,
    }),
  };
}
