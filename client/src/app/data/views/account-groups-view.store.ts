import { computed, inject } from '@angular/core';
import { signalStore, withComputed } from '@ngrx/signals';
import { AccountGroupsStore } from '../stores/account-groups.store';
import { bySortOrder } from './sort-order';

/**
 * What the screens derive from account groups. Kept beside AccountGroupsStore rather than in
 * it, so every synced entity's store stays the one shape the generator writes.
 */
export const AccountGroupsViewStore = signalStore(
  { providedIn: 'root' },
  withComputed(() => {
    const groups = inject(AccountGroupsStore);
    return { sorted: computed(() => bySortOrder(groups.entities())) };
  }),
);
