import type { Transaction } from '@finwise/domain';
import type { TransactionSide } from '../data/views/transaction-side';

/** What the transaction form edits, as text where the user types text. */
export interface TransactionDraft {
  date: string;
  payee: string;
  /** '' (none), a category id, or `transfer:<accountId>`. */
  target: string;
  amount: string;
  notes: string;
  cleared: boolean;
}

export const TRANSFER_PREFIX = 'transfer:';

/** The fields a draft sets, as the row stores them (booking side; the caller negates for the other side). */
export interface DraftFields {
  date: string;
  payee: string;
  categoryId: string | null;
  transferAccountId: string | null;
  notes: string | null;
}

export function draftFields(draft: TransactionDraft): DraftFields {
  const transfer = draft.target.startsWith(TRANSFER_PREFIX)
    ? draft.target.slice(TRANSFER_PREFIX.length)
    : null;
  const notes = draft.notes.trim();
  return {
    date: draft.date,
    payee: draft.payee.trim(),
    categoryId: transfer || !draft.target ? null : draft.target,
    transferAccountId: transfer,
    notes: notes === '' ? null : notes,
  };
}

export function targetOf(transaction: Transaction): string {
  if (transaction.transferAccountId) {
    return `${TRANSFER_PREFIX}${transaction.transferAccountId}`;
  }
  return transaction.categoryId ?? '';
}

/**
 * The row fields an edit from one register side writes, mapping the side's amount and flag
 * back to the row. `cleared` undefined leaves the flag alone (an unset `transferCleared`
 * reads as "not cleared" and must not be written just because the form shows it so).
 */
export function sideWrite(
  side: TransactionSide | null,
  amountMinor: number,
  cleared?: boolean,
): { amountMinor: number; cleared?: boolean; transferCleared?: boolean } {
  if (side?.isTransferSide) {
    return {
      amountMinor: amountMinor === 0 ? 0 : -amountMinor,
      ...(cleared === undefined ? {} : { transferCleared: cleared }),
    };
  }
  return { amountMinor, ...(cleared === undefined ? {} : { cleared }) };
}
