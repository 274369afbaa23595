import type { SpendingReport } from '@finwise/finance';

/** The key of the spending without a category, next to the categories' ids. */
export const UNCATEGORIZED = 'uncategorized';

/** One row of the spending report: a category, or the uncategorized spending. */
export interface SpendingLine {
  readonly key: string;
  readonly label: string;
  readonly groupName: string;
  /** Spending per month of the report (positive; refunds reduce it), minor units. */
  readonly amounts: readonly number[];
}

/** What the spending chart and table show for a choice of categories. */
export interface SpendingView {
  readonly months: readonly string[];
  /** The chosen lines that spent or got refunds in the range; all-zero lines only add noise. */
  readonly lines: readonly SpendingLine[];
  /** Per month: Σ of the lines shown (the report's totals when every line is chosen). */
  readonly totals: readonly number[];
  /** How many chosen lines are left out because they are zero in every month. */
  readonly zeroLines: number;
}

/** The report's categories in display order, then the uncategorized spending. */
export function spendingLines(report: SpendingReport): SpendingLine[] {
  return [
    ...report.categories.map((category) => ({
      key: category.categoryId,
      label: category.name,
      groupName: category.groupName,
      amounts: category.amounts,
    })),
    { key: UNCATEGORIZED, label: 'Uncategorized', groupName: '', amounts: report.uncategorized },
  ];
}

/** The lines not in `hidden` that have any amount, and their totals per month. */
export function spendingView(report: SpendingReport, hidden: ReadonlySet<string>): SpendingView {
  const chosen = spendingLines(report).filter((line) => !hidden.has(line.key));
  const lines = chosen.filter((line) => line.amounts.some((amount) => amount !== 0));
  const totals = report.months.map((_, slot) =>
    lines.reduce((sum, line) => sum + line.amounts[slot], 0),
  );
  return { months: report.months, lines, totals, zeroLines: chosen.length - lines.length };
}
