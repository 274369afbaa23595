import { computed, inject } from '@angular/core';
import { signalStore, withComputed } from '@ngrx/signals';
import { AccountsStore } from '../stores/accounts.store';
import { TransactionsStore } from '../stores/transactions.store';
import { indexTransactions } from './transaction-index';

/**
 * What the screens derive from transactions: one index built per change, shared by every
 * screen. Kept beside TransactionsStore rather than in it, so every synced entity's store
 * stays the one shape the generator writes. Accounts take part because a transfer's far side
 * depends on whether the two currencies differ.
 */
export const TransactionsViewStore = signalStore(
  { providedIn: 'root' },
  withComputed(() => {
    const transactions = inject(TransactionsStore);
    const accounts = inject(AccountsStore);
    return {
      index: computed(() => indexTransactions(transactions.entities(), accounts.entities())),
    };
  }),
);
