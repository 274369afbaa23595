import { computed, inject, type Signal } from '@angular/core';
import { AccountsStore } from '../data/stores/accounts.store';
import { CategoriesStore } from '../data/stores/categories.store';
import { PayeesStore } from '../data/stores/payees.store';
import { TransactionsStore } from '../data/stores/transactions.store';
import type { LocalHousehold } from './import-context';

/**
 * This device's live rows an import reads, following every change (other tabs, other devices);
 * null until the local database has answered. Call in an injection context.
 */
export function localHousehold(): Signal<LocalHousehold | null> {
  const transactions = inject(TransactionsStore);
  const payees = inject(PayeesStore);
  const categories = inject(CategoriesStore);
  const accounts = inject(AccountsStore);
  return computed(() =>
    transactions.loaded() && payees.loaded() && categories.loaded() && accounts.loaded()
      ? {
          transactions: transactions.entities(),
          payees: payees.entities(),
          categories: categories.entities(),
          accounts: accounts.entities(),
        }
      : null,
  );
}
