import type { Transaction } from '@finwise/domain';

/** What a split line holds of its own. */
export interface SplitLineFields {
  amountMinor: number;
  categoryId: string | null;
  payeeId: string | null;
  notes: string | null;
}

/**
 * A new split line of `parent`. Its account, date and flags are read through the parent
 * (FINANCE §2) and never written again; the create still carries them because the shared
 * schema requires them on every row, so they hold the parent's values of the moment.
 */
export function newSplitLine(
  parent: Transaction,
  id: string,
  fields: SplitLineFields,
): Partial<Transaction> & { id: string } {
  return {
    id,
    parentId: parent.id,
    accountId: parent.accountId,
    date: parent.date,
    cleared: false,
    reconciled: false,
    amountMinor: fields.amountMinor,
    categoryId: fields.categoryId,
    payeeId: fields.payeeId,
    notes: fields.notes,
  };
}

/** "Set total to sum": the one write that makes the parent's amount its lines' sum. */
export function parentToSum(lines: readonly Transaction[]): { amountMinor: number } {
  const sum = lines.reduce((total, line) => total + (line.amountMinor ?? 0), 0);
  return { amountMinor: sum === 0 ? 0 : sum };
}
