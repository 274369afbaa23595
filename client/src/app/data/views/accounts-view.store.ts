import { computed, inject } from '@angular/core';
import { signalStore, withComputed } from '@ngrx/signals';
import { AccountsStore } from '../stores/accounts.store';
import { bySortOrder } from './sort-order';

/**
 * What the screens derive from accounts. Kept beside AccountsStore rather than in it, so every
 * synced entity's store stays the one shape the generator writes.
 */
export const AccountsViewStore = signalStore(
  { providedIn: 'root' },
  withComputed(() => {
    const accounts = inject(AccountsStore);
    return {
      sorted: computed(() => bySortOrder(accounts.entities())),
    };
  }),
);
