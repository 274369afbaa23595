import type { Account, Transaction } from '@finwise/domain';
import {
  effectiveRows,
  indexLiveAccounts,
  splitRemainders,
  type AccountIndex,
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
  /** Every id some row names as its parent, live or not: a change to one of them moves its lines. */
  parentIds: ReadonlySet<string>;
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
  const byAccount = new Map<string, LedgerLine[]>();
  const childrenByParent = new Map<string, Transaction[]>();
  const parentIds = new Set<string>();

  for (const row of transactions) {
    if (row.parentId) parentIds.add(row.parentId);
  }
  for (const entry of effectiveRows(transactions)) {
    if (entry.kind === 'split-child' && entry.parentId) {
      const lines = childrenByParent.get(entry.parentId);
      if (lines) {
        lines.push(entry.row);
      } else {
        childrenByParent.set(entry.parentId, [entry.row]);
      }
    }
    for (const line of ledgerLines(entry, liveAccounts)) {
      const list = byAccount.get(line.accountId);
      if (list) {
        list.push(line.line);
      } else {
        byAccount.set(line.accountId, [line.line]);
      }
    }
  }

  for (const list of childrenByParent.values()) {
    list.sort((a, b) => compareText(createdClock(a), createdClock(b)) || compareText(a.id, b.id));
  }
  for (const list of byAccount.values()) {
    list.sort(compareLedgerLines);
  }
  return {
    byAccount,
    childrenByParent,
    remainders: splitRemainders(transactions),
    parentIds,
  };
}

/**
 * The lines one row puts in the registers: on its account (a split line stays under its parent
 * there) and on the far account of a transfer, a split line's leg included.
 */
export function ledgerLines(
  entry: EffectiveRow<Transaction>,
  accounts: AccountIndex,
): { accountId: string; line: LedgerLine }[] {
  const lines: { accountId: string; line: LedgerLine }[] = [];
  const add = (accountId: string) => {
    const side = sideOf(entry, accountId, accounts);
    if (side) lines.push({ accountId, line: { transaction: entry.row, side } });
  };
  if (entry.kind !== 'split-child' || !entry.parentId) add(entry.accountId);
  if (entry.transferAccountId) add(entry.transferAccountId);
  return lines;
}

/**
 * Register order, oldest first: by effective date, then by when the row was created (its HLC),
 * then by id, the same on every device.
 */
export function compareLedgerLines(a: LedgerLine, b: LedgerLine): number {
  return (
    compareText(a.side.date, b.side.date) ||
    compareText(createdClock(a.transaction), createdClock(b.transaction)) ||
    compareText(a.transaction.id, b.transaction.id)
  );
}

/** A create stamps every field with its HLC; `accountId` is rarely changed afterwards. */
function createdClock(transaction: Transaction): string {
  return transaction.fieldClocks?.['accountId'] ?? transaction.updatedAt ?? '';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
