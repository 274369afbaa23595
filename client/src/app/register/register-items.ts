import type { Transaction } from '@finwise/domain';
import { sideOf, type TransactionSide } from '../data/views/transaction-side';

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

/** Parent amount minus its children: shown, never silently fixed (DESIGN §4). */
export interface RegisterRemainder {
  kind: 'remainder';
  key: string;
  parent: Transaction;
  amountMinor: number;
}

export type RegisterItem = RegisterEntry | RegisterSplitLine | RegisterRemainder;

/**
 * The rows of one account's register, newest first, each with the running balance after it;
 * a split parent is followed by its children and, when they do not add up, the remainder.
 */
export function registerItems(
  accountId: string,
  rowsOldestFirst: readonly Transaction[],
  childrenByParent: ReadonlyMap<string, readonly Transaction[]>,
): RegisterItem[] {
  const blocks: RegisterItem[][] = [];
  let balance = 0;
  for (const transaction of rowsOldestFirst) {
    const side = sideOf(transaction, accountId);
    balance += side.amountMinor;
    // Splits describe the booking side; the other side of a transfer sees one amount.
    const children = side.isTransferSide ? [] : (childrenByParent.get(transaction.id) ?? []);
    const block: RegisterItem[] = [
      {
        kind: 'entry',
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
    const remainder = splitRemainder(transaction, children);
    if (children.length > 0 && remainder !== 0) {
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

export function splitRemainder(parent: Transaction, children: readonly Transaction[]): number {
  return children.reduce((rest, child) => rest - (child.amountMinor ?? 0), parent.amountMinor ?? 0);
}
