import { computed } from '@angular/core';
import type { Transaction } from '@finwise/domain';
import { signalStore, withComputed } from '@ngrx/signals';
import { withSyncedEntity } from '../sync/with-synced-entity';
import { indexTransactions } from './transaction-index';

export const TransactionsStore = signalStore(
  { providedIn: 'root' },
  withSyncedEntity<Transaction>('transactions'),
  withComputed(({ entities }) => ({ index: computed(() => indexTransactions(entities())) })),
);
