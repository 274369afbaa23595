import { computed, inject } from '@angular/core';
import { signalStore, withComputed } from '@ngrx/signals';
import { PayeesStore } from '../stores/payees.store';
import { TransactionsStore } from '../stores/transactions.store';
import { indexPayees } from './payee-index';

/**
 * What the screens derive from payees: merges resolved and uses counted once per change,
 * shared by the register, the picker and the payees page. Kept beside PayeesStore so the
 * store stays the one shape the generator writes.
 */
export const PayeesViewStore = signalStore(
  { providedIn: 'root' },
  withComputed(() => {
    const payees = inject(PayeesStore);
    const transactions = inject(TransactionsStore);
    return { index: computed(() => indexPayees(payees.entities(), transactions.entities())) };
  }),
);
