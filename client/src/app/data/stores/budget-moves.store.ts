import type { BudgetMove } from '@finwise/domain';
import { signalStore } from '@ngrx/signals';
import { withSyncedEntity } from '../synced-entity/with-synced-entity';

export const BudgetMovesStore = signalStore(
  { providedIn: 'root' },
  withSyncedEntity<BudgetMove>('budget_moves'),
);
