import type { BudgetCategory } from '../core/rows';
import type { FinanceMutation } from '../core/mutation';

/**
 * Turns a category's carry-over of overspending on or off. It is one flag per category, read for
 * every month, so turning it on changes past months too.
 */
export function setCarryOverspending(
  category: BudgetCategory,
  carryOverspending: boolean,
): FinanceMutation[] {
  if ((category.carryOverspending === true) === carryOverspending) return [];
  return [
    { modelName: 'categories', operation: 'update', data: { id: category.id, carryOverspending } },
  ];
}
