import type { Reconciliation } from '@finwise/domain';
import { signalStore } from '@ngrx/signals';
import { withSyncedEntity } from '../synced-entity/with-synced-entity';

export const ReconciliationsStore = signalStore(
  { providedIn: 'root' },
  withSyncedEntity<Reconciliation>('reconciliations'),
);
