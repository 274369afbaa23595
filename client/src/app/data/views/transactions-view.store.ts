import { inject } from '@angular/core';
import { signalStore, withComputed } from '@ngrx/signals';
import { AccountsStore } from '../stores/accounts.store';
import { TransactionsStore } from '../stores/transactions.store';
import { indexTransactions } from './transaction-index';
import { updateTransactionIndex } from './transaction-index-update';
import { derivedFromRows } from './rows-derived';

/**
 * What the screens derive from transactions: one index per change, shared by every screen;
 * an edit updates the previous index when it can (see `updateTransactionIndex`). Kept beside
 * TransactionsStore rather than in it, so every synced entity's store stays the one shape the
 * generator writes. Accounts take part because a transfer's far side depends on whether the
 * two currencies differ.
 */
export const TransactionsViewStore = signalStore(
  { providedIn: 'root' },
  withComputed(() => {
    const transactions = inject(TransactionsStore);
    const accounts = inject(AccountsStore);
    return {
      index: derivedFromRows({
        rows: transactions.entities,
        other: accounts.entities,
        build: indexTransactions,
        update: updateTransactionIndex,
      }),
    };
  }),
);
