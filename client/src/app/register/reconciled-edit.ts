import type { Transaction } from '@finwise/domain';

/** Fields that move money on the row's own account, and those that move its transfer leg. */
const OWN_SIDE_FIELDS = ['amountMinor', 'date', 'accountId'] as const;
const FAR_SIDE_FIELDS = [
  'amountMinor',
  'transferAmountMinor',
  'date',
  'transferAccountId',
] as const;

/**
 * Whether a patch changes what a reconciled side adds to its account: the amount, date or
 * account of a row reconciled on its own account, or of a transfer leg reconciled on the
 * other. Such an edit makes the reconciled balance disagree with the bank statement, so the
 * app asks first (FINANCE §2). Split lines are not checked: their amounts never add to a
 * balance, their parent's does.
 */
export function changesReconciledSide(
  row: Transaction,
  patch: Readonly<Record<string, unknown>>,
): boolean {
  const touches = (fields: readonly string[]) => fields.some((field) => field in patch);
  if (row.parentId) {
    return false;
  }
  return (
    (row.reconciled === true && touches(OWN_SIDE_FIELDS)) ||
    (row.transferReconciled === true && row.transferAccountId != null && touches(FAR_SIDE_FIELDS))
  );
}
