import { inject, linkedSignal } from '@angular/core';
import { signalStore, withComputed } from '@ngrx/signals';
import { rowChanges } from '../sync-client/row-changes';
import { AccountsStore } from '../stores/accounts.store';
import { TransactionsStore } from '../stores/transactions.store';
import type { Account, Transaction } from '@finwise/domain';
import { indexTransactions, type TransactionIndex } from './transaction-index';
import { updateTransactionIndex } from './transaction-index-update';

interface IndexSource {
  rows: readonly Transaction[];
  accounts: readonly Account[];
}

/**
 * What the screens derive from transactions: one index per change, shared by every screen.
 * An edit updates the previous index in place of a rebuild when it can (see
 * `updateTransactionIndex`). Kept beside TransactionsStore rather than in it, so every synced
 * entity's store stays the one shape the generator writes. Accounts take part because a
 * transfer's far side depends on whether the two currencies differ.
 */
export const TransactionsViewStore = signalStore(
  { providedIn: 'root' },
  withComputed(() => {
    const transactions = inject(TransactionsStore);
    const accounts = inject(AccountsStore);
    const index = linkedSignal<IndexSource, TransactionIndex>({
      source: () => ({ rows: transactions.entities(), accounts: accounts.entities() }),
      computation: (source, previous) => {
        if (previous && previous.source.accounts === source.accounts) {
          // When most rows changed, indexing afresh is the cheaper way.
          const limit = source.rows.length / 2;
          const changes = rowChanges(previous.source.rows, source.rows, limit);
          const updated =
            changes && updateTransactionIndex(previous.value, changes, source.accounts);
          if (updated) return updated;
        }
        return indexTransactions(source.rows, source.accounts);
      },
    });
    return { index: index.asReadonly() };
  }),
);
