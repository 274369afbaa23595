import type { MonthBudget } from '@finwise/finance';

export interface SpendingSlice {
  label: string;
  amountMinor: number;
}

const MAX_CHART_SLICES = 8;

/** The month's outflows by expense category (hidden ones too) and uncategorized, largest first. */
export function spendingSlices(budget: MonthBudget): SpendingSlice[] {
  const slices = budget.categories
    .filter((category) => !category.isIncome && category.activity < 0)
    .map((category) => ({ label: category.name, amountMinor: -category.activity }))
    .concat(
      budget.uncategorized < 0
        ? [{ label: 'Uncategorized', amountMinor: -budget.uncategorized }]
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
