import type { Budget } from '@finwise/domain';
import { signalStore } from '@ngrx/signals';
import { withSyncedEntity } from '../synced-entity/with-synced-entity';

export const BudgetsStore = signalStore(
  { providedIn: 'root' },
  withSyncedEntity<Budget>('budgets'),
);
