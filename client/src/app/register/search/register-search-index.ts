import type { Transaction } from '@finwise/domain';
import type { LedgerLine } from '../../data/views/transaction-index';
import { searchWords } from './search-text';

/**
 * An inverted index of one account's register, so a search touches only the rows it finds.
 * A position is a line's place in the register's oldest-first list; every posting list holds
 * positions in ascending order (the build walks the lines in order). Rows are indexed by ids,
 * not names: a typed name is first resolved to ids through the small payee, category and account
 * tables, so renaming a payee needs no rebuild and a keystroke never compares 100,000 strings.
 * A split parent carries its lines' payees, categories, notes and amounts: finding a line shows
 * its parent with all its lines.
 */
export interface RegisterSearchIndex {
  /** Lines in the register. */
  size: number;
  /** Effective date per position, ascending (the register is sorted by date first). */
  dates: readonly string[];
  /** Stored payee id (before merges) → positions. */
  byPayee: ReadonlyMap<string, readonly number[]>;
  /** Category id of a row or split line the register shows a category for → positions. */
  byCategory: ReadonlyMap<string, readonly number[]>;
  /** The other account of a transfer → positions. */
  byCounterAccount: ReadonlyMap<string, readonly number[]>;
  /** Signed amount in minor units (this account's side, and each split line's) → positions. */
  byAmount: ReadonlyMap<number, readonly number[]>;
  /** Distinct words of notes, ascending, for prefix search by binary search. */
  noteWords: readonly string[];
  /** Positions per entry of `noteWords`. */
  notePostings: readonly (readonly number[])[];
  /** Rows neither cleared nor reconciled on this account's side. */
  uncleared: readonly number[];
  /** Rows (or split lines) that need a category and have none; dead categories are in byCategory. */
  withoutCategory: readonly number[];
  /** Split parents whose lines do not add up to the parent ("X left to assign"). */
  withRemainder: readonly number[];
}

export function buildRegisterSearchIndex(
  linesOldestFirst: readonly LedgerLine[],
  childrenByParent: ReadonlyMap<string, readonly Transaction[]>,
  remainders: ReadonlyMap<string, number>,
): RegisterSearchIndex {
  const byPayee = new Map<string, number[]>();
  const byCategory = new Map<string, number[]>();
  const byCounterAccount = new Map<string, number[]>();
  const byAmount = new Map<number, number[]>();
  const byWord = new Map<string, number[]>();
  const dates: string[] = [];
  const uncleared: number[] = [];
  const withoutCategory: number[] = [];
  const withRemainder: number[] = [];

  linesOldestFirst.forEach(({ transaction, side }, position) => {
    dates.push(side.date);
    if (!side.cleared && !side.reconciled) {
      uncleared.push(position);
    }
    // The same lines the register shows under the row: none on a transfer's far side.
    const children = side.isTransferSide ? [] : (childrenByParent.get(transaction.id) ?? []);
    add(byAmount, side.amountMinor, position);
    addText(byWord, transaction.notes, position);
    if (transaction.payeeId) {
      add(byPayee, transaction.payeeId, position);
    }
    if (side.counterAccountId && children.length === 0) {
      add(byCounterAccount, side.counterAccountId, position);
    } else if (children.length === 0) {
      addCategory(transaction.categoryId, position);
    }
    for (const child of children) {
      add(byAmount, child.amountMinor ?? 0, position);
      addText(byWord, child.notes, position);
      if (child.payeeId) {
        add(byPayee, child.payeeId, position);
      }
      if (child.transferAccountId) {
        add(byCounterAccount, child.transferAccountId, position);
      } else {
        addCategory(child.categoryId, position);
      }
    }
    if (children.length > 0 && (remainders.get(transaction.id) ?? 0) !== 0) {
      withRemainder.push(position);
    }
  });

  function addCategory(categoryId: string | null | undefined, position: number): void {
    if (categoryId) {
      add(byCategory, categoryId, position);
    } else if (withoutCategory[withoutCategory.length - 1] !== position) {
      withoutCategory.push(position);
    }
  }

  const noteWords = [...byWord.keys()].sort();
  return {
    size: linesOldestFirst.length,
    dates,
    byPayee,
    byCategory,
    byCounterAccount,
    byAmount,
    noteWords,
    notePostings: noteWords.map((word) => byWord.get(word) ?? []),
    uncleared,
    withoutCategory,
    withRemainder,
  };
}

function addText(byWord: Map<string, number[]>, text: string | null | undefined, position: number) {
  if (text) {
    for (const word of searchWords(text)) add(byWord, word, position);
  }
}

/** Appends a position once: a row naming the same key twice (two split lines) is listed once. */
function add<Key>(map: Map<Key, number[]>, key: Key, position: number): void {
  const list = map.get(key);
  if (!list) {
    map.set(key, [position]);
  } else if (list[list.length - 1] !== position) {
    list.push(position);
  }
}
