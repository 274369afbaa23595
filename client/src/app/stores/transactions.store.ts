import type { Transaction } from '@finwise/domain';
import { signalStore } from '@ngrx/signals';
import { withSyncedEntity } from '../sync/with-synced-entity';

export const TransactionsStore = signalStore(
  { providedIn: 'root' },
  withSyncedEntity<Transaction>('transactions'),
);
