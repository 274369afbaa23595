import { computed } from '@angular/core';
import type { AccountGroup } from '@finwise/domain';
import { signalStore, withComputed } from '@ngrx/signals';
import { withSyncedEntity } from '../sync/with-synced-entity';
import { bySortOrder } from './sort-order';

export const AccountGroupsStore = signalStore(
  { providedIn: 'root' },
  withSyncedEntity<AccountGroup>('account_groups'),
  withComputed(({ entities }) => ({ sorted: computed(() => bySortOrder(entities())) })),
);
