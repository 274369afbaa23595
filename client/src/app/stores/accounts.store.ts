import { computed } from '@angular/core';
import type { Account } from '@finwise/domain';
import { signalStore, withComputed } from '@ngrx/signals';
import { withSyncedEntity } from '../sync/with-synced-entity';
import { bySortOrder } from './sort-order';

export const AccountsStore = signalStore(
  { providedIn: 'root' },
  withSyncedEntity<Account>('accounts'),
  withComputed(({ entities }) => ({ sorted: computed(() => bySortOrder(entities())) })),
);
