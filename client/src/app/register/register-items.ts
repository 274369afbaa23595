import type { Transaction } from '@finwise/domain';
import type { TransactionSide } from '../data/views/transaction-side';
import type { LedgerLine } from '../data/views/transaction-index';

export interface RegisterEntry {
  kind: 'entry';
  key: string;
  transaction: Transaction;
  side: TransactionSide;
  /** Account balance after this row, in register order (oldest first). */
  balanceMinor: number;
  hasSplits: boolean;
}

export interface RegisterSplitLine {
  kind: 'split';
  key: string;
  parent: Transaction;
  transaction: Transaction;
}

/** The split remainder ("X left to assign"): shown, never silently fixed (FINANCE §2). */
export interface RegisterRemainder {
  kind: 'remainder';
  key: string;
  parent: Transaction;
  amountMinor: number;
}

export type RegisterItem = RegisterEntry | RegisterSplitLine | RegisterRemainder;

/**
 * The rows of one account's register, newest first, each with the running balance after it;
 * a split parent is followed by its lines and, when they do not add up, the remainder.
 */
export function registerItems(
  linesOldestFirst: readonly LedgerLine[],
  childrenByParent: ReadonlyMap<string, readonly Transaction[]>,
  remainders: ReadonlyMap<string, number>,
): RegisterItem[] {
  const blocks: RegisterItem[][] = [];
  let balance = 0;
  for (const { transaction, side } of linesOldestFirst) {
    balance += side.amountMinor;
    // Split lines describe the booking side; the far side of a transfer sees one amount.
    const children = side.isTransferSide ? [] : (childrenByParent.get(transaction.id) ?? []);
    const block: RegisterItem[] = [
      {
        kind: 'entry',
        // A row has at most one side on an account (a transfer never targets its own account).
        key: transaction.id,
        transaction,
        side,
        balanceMinor: balance,
        hasSplits: children.length > 0,
      },
    ];
    for (const child of children) {
      block.push({ kind: 'split', key: child.id, parent: transaction, transaction: child });
    }
    const remainder = children.length > 0 ? (remainders.get(transaction.id) ?? 0) : 0;
    if (remainder !== 0) {
      block.push({
        kind: 'remainder',
        key: `${transaction.id}:remainder`,
        parent: transaction,
        amountMinor: remainder,
      });
    }
    blocks.push(block);
  }
  return blocks.reverse().flat();
}
