import type { Transaction } from '@finwise/domain';

export interface TransactionIndex {
  /** Top-level rows (no split children) touching each account, booked there or transferred in, oldest first. */
  byAccount: ReadonlyMap<string, readonly Transaction[]>;
  /** Split children per parent id, in the order they were created. */
  childrenByParent: ReadonlyMap<string, readonly Transaction[]>;
  /** Distinct past payees, most used first: the register's autocomplete list. */
  payees: readonly string[];
  /** Lower-cased payee → the category its newest transaction used (prefills new entries). */
  categoryByPayee: ReadonlyMap<string, string>;
}

const MAX_PAYEE_SUGGESTIONS = 500;

/**
 * One pass over all transactions builds every lookup the screens need, so a change to one
 * row costs one re-index instead of a filter per account per screen.
 */
export function indexTransactions(transactions: readonly Transaction[]): TransactionIndex {
  const byAccount = new Map<string, Transaction[]>();
  const childrenByParent = new Map<string, Transaction[]>();
  const payeeCounts = new Map<string, { name: string; count: number }>();
  const newestByPayee = new Map<string, Transaction>();

  const add = (map: Map<string, Transaction[]>, key: string, transaction: Transaction) => {
    const list = map.get(key);
    if (list) {
      list.push(transaction);
    } else {
      map.set(key, [transaction]);
    }
  };

  for (const transaction of transactions) {
    if (transaction.parentId) {
      add(childrenByParent, transaction.parentId, transaction);
    } else if (transaction.accountId) {
      add(byAccount, transaction.accountId, transaction);
      if (
        transaction.transferAccountId &&
        transaction.transferAccountId !== transaction.accountId
      ) {
        add(byAccount, transaction.transferAccountId, transaction);
      }
    }
    // Split lines belong to their parent's payee; counting them would rank it twice.
    const payee = transaction.parentId ? undefined : transaction.payee?.trim();
    if (payee) {
      const key = payee.toLowerCase();
      const entry = payeeCounts.get(key);
      payeeCounts.set(key, { name: entry?.name ?? payee, count: (entry?.count ?? 0) + 1 });
      const newest = newestByPayee.get(key);
      if (transaction.categoryId && (!newest || compareRegisterOrder(newest, transaction) < 0)) {
        newestByPayee.set(key, transaction);
      }
    }
  }

  for (const list of byAccount.values()) {
    list.sort(compareRegisterOrder);
  }
  for (const list of childrenByParent.values()) {
    list.sort((a, b) => compareText(createdClock(a), createdClock(b)) || compareText(a.id, b.id));
  }
  const payees = [...payeeCounts.values()]
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, MAX_PAYEE_SUGGESTIONS)
    .map((entry) => entry.name);
  const categoryByPayee = new Map(
    [...newestByPayee].map(([key, row]) => [key, row.categoryId as string]),
  );
  return { byAccount, childrenByParent, payees, categoryByPayee };
}

/** Oldest first: by date, then by when the row was created (its HLC), then by id, the same on every device. */
function compareRegisterOrder(a: Transaction, b: Transaction): number {
  return (
    compareText(a.date ?? '', b.date ?? '') ||
    compareText(createdClock(a), createdClock(b)) ||
    compareText(a.id, b.id)
  );
}

/** A create stamps every field with its HLC; `accountId` is rarely changed afterwards. */
function createdClock(transaction: Transaction): string {
  return transaction.fieldClocks?.['accountId'] ?? transaction.updatedAt ?? '';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
