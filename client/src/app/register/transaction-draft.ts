import type { Transaction } from '@finwise/domain';
import type { TransactionSide } from '../data/views/transaction-side';

/** What the transaction form edits, as text where the user types text. */
export interface TransactionDraft {
  date: string;
  payee: string;
  /** '' (none), a category id, or `transfer:<accountId>`. */
  target: string;
  amount: string;
  /** The other account's amount of a transfer between currencies. */
  otherAmount: string;
  notes: string;
  cleared: boolean;
}

export const TRANSFER_PREFIX = 'transfer:';

/** Where the money of a draft goes: a category, a transfer account, or neither. */
export function targetFields(target: string): {
  categoryId: string | null;
  transferAccountId: string | null;
} {
  const transfer = target.startsWith(TRANSFER_PREFIX) ? target.slice(TRANSFER_PREFIX.length) : null;
  return {
    categoryId: transfer || !target ? null : target,
    transferAccountId: transfer,
  };
}

export function targetOf(transaction: Transaction): string {
  if (transaction.transferAccountId) {
    return `${TRANSFER_PREFIX}${transaction.transferAccountId}`;
  }
  return transaction.categoryId ?? '';
}

/** The amounts the form read, each in its own account's currency, signed as that account sees it. */
export interface DraftAmounts {
  /** This register's account. */
  amountMinor: number;
  /** The transfer's other account, when the two currencies differ; null otherwise. */
  otherAmountMinor: number | null;
}

/**
 * The row fields an edit from one register side writes. On the booking side the amount is
 * `amountMinor`; on a transfer's far side it is the negated amount within one currency, or
 * `transferAmountMinor` between currencies (then the other amount is the booking account's).
 * `cleared` undefined leaves the flag alone (an unset `transferCleared` reads as "not cleared"
 * and must not be written just because the form shows it so). A row that is no transfer clears
 * the transfer-only fields, which the shared rules refuse on such a row.
 */
export function amountWrite(
  side: TransactionSide | null,
  amounts: DraftAmounts,
  transferAccountId: string | null,
  cleared?: boolean,
): Partial<Transaction> {
  const { amountMinor, otherAmountMinor } = amounts;
  if (side?.isTransferSide) {
    return {
      ...(otherAmountMinor === null
        ? { amountMinor: negate(amountMinor), transferAmountMinor: null }
        : { amountMinor: otherAmountMinor, transferAmountMinor: amountMinor }),
      ...(cleared === undefined ? {} : { transferCleared: cleared }),
    };
  }
  return {
    amountMinor,
    ...(transferAccountId
      ? { transferAmountMinor: otherAmountMinor }
      : {
          transferAmountMinor: null,
          transferCleared: null,
          transferReconciled: null,
          transferImportedId: null,
        }),
    ...(cleared === undefined ? {} : { cleared }),
  };
}

/**
 * The other amount of a transfer between currencies as typed: without a sign it flows the
 * other way to this account's amount (money leaving here arrives there), which is what people
 * mean when they type "150" for the dollars a euro payment bought.
 */
export function signedOtherAmount(typed: string, parsedMinor: number, amountMinor: number): number {
  if (/^\s*[-+(\u2212]/.test(typed) || amountMinor === 0) {
    return parsedMinor;
  }
  const size = Math.abs(parsedMinor);
  return amountMinor < 0 ? size : negate(size);
}

function negate(amount: number): number {
  return amount === 0 ? 0 : -amount;
}
