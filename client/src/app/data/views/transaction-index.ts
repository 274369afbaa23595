import type { Account, Transaction } from '@finwise/domain';
import {
  effectiveRows,
  indexLiveAccounts,
  splitRemainders,
  type EffectiveRow,
} from '@finwise/finance';
import { sideOf, type TransactionSide } from './transaction-side';

/** One row as one account's register shows it. */
export interface LedgerLine {
  transaction: Transaction;
  side: TransactionSide;
}

export interface TransactionIndex {
  /**
   * Per account, the rows with a side on it, oldest first: rows booked there (split lines
   * stay under their parent) and transfer legs into it, a split line's leg included.
   */
  byAccount: ReadonlyMap<string, readonly LedgerLine[]>;
  /** Live split lines per live parent id, in the order they were created. */
  childrenByParent: ReadonlyMap<string, readonly Transaction[]>;
  /** Per split parent: its amount minus its lines ("X left to assign"); 0 when balanced. */
  remainders: ReadonlyMap<string, number>;
}

/**
 * One pass over all transactions builds every lookup the screens need, so a change to one
 * row costs one re-index instead of a filter per account per screen. Rows are read through
 * the finance library, so a split line takes its parent's account, date and flags, and rows
 * whose parent is gone count nowhere.
 */
export function indexTransactions(
  transactions: readonly Transaction[],
  /** Without them no row has a side anywhere: only the split lookups are filled. */
  accounts: readonly Account[] = [],
): TransactionIndex {
  const liveAccounts = indexLiveAccounts(accounts);
  const entries = effectiveRows(transactions);
  const byAccount = new Map<string, { line: LedgerLine; entry: EffectiveRow<Transaction> }[]>();
  const childrenByParent = new Map<string, Transaction[]>();

  const add = (accountId: string, entry: EffectiveRow<Transaction>) => {
    const side = sideOf(entry, accountId, liveAccounts);
    if (!side) {
      return;
    }
    const item = { line: { transaction: entry.row, side }, entry };
    const list = byAccount.get(accountId);
    if (list) {
      list.push(item);
    } else {
      byAccount.set(accountId, [item]);
    }
  };

  for (const entry of entries) {
    if (entry.kind === 'split-child' && entry.parentId) {
      const lines = childrenByParent.get(entry.parentId);
      if (lines) {
        lines.push(entry.row);
      } else {
        childrenByParent.set(entry.parentId, [entry.row]);
      }
    } else {
      add(entry.accountId, entry);
    }
    if (entry.transferAccountId) {
      add(entry.transferAccountId, entry);
    }
  }

  for (const list of childrenByParent.values()) {
    list.sort((a, b) => compareText(createdClock(a), createdClock(b)) || compareText(a.id, b.id));
  }
  const sorted = new Map<string, LedgerLine[]>();
  for (const [accountId, list] of byAccount) {
    list.sort((a, b) => compareRegisterOrder(a.entry, b.entry));
    sorted.set(
      accountId,
      list.map((item) => item.line),
    );
  }
  return { byAccount: sorted, childrenByParent, remainders: splitRemainders(transactions) };
}

/**
 * Oldest first: by effective date, then by when the row was created (its HLC), then by id,
 * the same on every device.
 */
function compareRegisterOrder(a: EffectiveRow<Transaction>, b: EffectiveRow<Transaction>): number {
  return (
    compareText(a.date, b.date) ||
    compareText(createdClock(a.row), createdClock(b.row)) ||
    compareText(a.row.id, b.row.id)
  );
}

/** A create stamps every field with its HLC; `accountId` is rarely changed afterwards. */
function createdClock(transaction: Transaction): string {
  return transaction.fieldClocks?.['accountId'] ?? transaction.updatedAt ?? '';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
