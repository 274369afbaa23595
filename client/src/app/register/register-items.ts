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

/** What a list of items was built from, so that the next build can keep what did not move. */
interface Built {
  lines: readonly LedgerLine[];
  /** One per line, oldest first. */
  entries: readonly RegisterEntry[];
  childrenByParent: ReadonlyMap<string, readonly Transaction[]>;
  remainders: ReadonlyMap<string, number>;
}

const builtFrom = new WeakMap<readonly RegisterItem[], Built>();

/**
 * The rows of one account's register, newest first, each with the running balance after it;
 * a split parent is followed by its lines and, when they do not add up, the remainder.
 *
 * Given the items it built before (`previous`), it keeps their entries for the oldest lines that
 * are still the same objects: a running balance depends only on the lines before it. An edit
 * near the top of a 50,000-row register then makes a few new entries instead of 50,000 (about
 * 25 ms per edit, see bench/README.md, scenario 10).
 */
export function registerItems(
  linesOldestFirst: readonly LedgerLine[],
  childrenByParent: ReadonlyMap<string, readonly Transaction[]>,
  remainders: ReadonlyMap<string, number>,
  previous?: readonly RegisterItem[],
): RegisterItem[] {
  const before = previous && builtFrom.get(previous);
  let kept = 0;
  if (before?.childrenByParent === childrenByParent && before.remainders === remainders) {
    const limit = Math.min(linesOldestFirst.length, before.lines.length);
    while (kept < limit && linesOldestFirst[kept] === before.lines[kept]) kept += 1;
  }

  const entries: RegisterEntry[] = before ? before.entries.slice(0, kept) : [];
  let balance = kept > 0 ? entries[kept - 1].balanceMinor : 0;
  for (let index = kept; index < linesOldestFirst.length; index += 1) {
    const { transaction, side } = linesOldestFirst[index];
    balance += side.amountMinor;
    entries.push({
      kind: 'entry',
      // A row has at most one side on an account (a transfer never targets its own account).
      key: transaction.id,
      transaction,
      side,
      balanceMinor: balance,
      // Split lines describe the booking side; the far side of a transfer sees one amount.
      hasSplits: !side.isTransferSide && !!childrenByParent.get(transaction.id)?.length,
    });
  }

  const items: RegisterItem[] = [];
  for (let index = entries.length - 1; index >= 0; index -= 1) {
    const entry = entries[index];
    items.push(entry);
    if (!entry.hasSplits) continue;
    const { transaction } = entry;
    for (const child of childrenByParent.get(transaction.id) ?? []) {
      items.push({ kind: 'split', key: child.id, parent: transaction, transaction: child });
    }
    const remainder = remainders.get(transaction.id) ?? 0;
    if (remainder !== 0) {
      items.push({
        kind: 'remainder',
        key: `${transaction.id}:remainder`,
        parent: transaction,
        amountMinor: remainder,
      });
    }
  }
  builtFrom.set(items, { lines: linesOldestFirst, entries, childrenByParent, remainders });
  return items;
}
