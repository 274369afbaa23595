import type { BudgetMonth } from '@finwise/domain';
import { signalStore } from '@ngrx/signals';
import { withSyncedEntity } from '../synced-entity/with-synced-entity';

export const BudgetMonthsStore = signalStore(
  { providedIn: 'root' },
  withSyncedEntity<BudgetMonth>('budget_months'),
);
