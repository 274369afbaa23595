import type { Transaction } from '@finwise/domain';
import { signalStore } from '@ngrx/signals';
import { withSyncedEntity } from '../synced-entity/with-synced-entity';

export const TransactionsStore = signalStore(
  { providedIn: 'root' },
  withSyncedEntity<Transaction>('transactions'),
);
