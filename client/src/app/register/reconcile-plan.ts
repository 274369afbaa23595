import type { Account, Payee, Transaction } from '@finwise/domain';
import { reconcileAccount, type ReconcileResult } from '@finwise/finance';
import type { LedgerLine } from '../data/views/transaction-index';

/**
 * The rows a reconcile still asks about: sides on the account dated on or before the statement
 * that are not reconciled yet, oldest first like a bank statement. Split lines are not listed:
 * their flags are their parent's.
 */
export function rowsToTick(lines: readonly LedgerLine[], statementDate: string): LedgerLine[] {
  return lines.filter((line) => line.side.date <= statementDate && !line.side.reconciled);
}

export interface ReconcileInputs {
  accountId: string;
  statementDate: string;
  statementBalanceMinor: number;
  transactions: readonly Transaction[];
  accounts: readonly Account[];
  payees: readonly Payee[];
}

/**
 * The reconcile as it stands, without an adjustment: the cleared total and the difference the
 * dialog shows as rows are ticked, or the mutations when nothing is left to explain. The same
 * library function as the server's endpoint, so the app offline and the server agree.
 */
export function reconcilePreview(inputs: ReconcileInputs): ReconcileResult {
  return reconcileAccount({ ...inputs, createAdjustment: false });
}

/** Finishing with the difference booked as an adjustment in the chosen category. */
export function reconcileWithAdjustment(
  inputs: ReconcileInputs,
  adjustmentCategoryId: string | null,
): ReconcileResult {
  return reconcileAccount({ ...inputs, createAdjustment: true, adjustmentCategoryId });
}
