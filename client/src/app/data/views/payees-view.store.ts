import { inject } from '@angular/core';
import { signalStore, withComputed } from '@ngrx/signals';
import { PayeesStore } from '../stores/payees.store';
import { TransactionsStore } from '../stores/transactions.store';
import { indexPayees } from './payee-index';
import { updatePayeeIndex } from './payee-index-update';
import { derivedFromRows } from './rows-derived';

/**
 * What the screens derive from payees: merges resolved and uses counted once per change,
 * shared by the register, the picker and the payees page; an edit of transactions updates the
 * previous count (see `updatePayeeIndex`). Kept beside PayeesStore so the store stays the one
 * shape the generator writes.
 */
export const PayeesViewStore = signalStore(
  { providedIn: 'root' },
  withComputed(() => {
    const payees = inject(PayeesStore);
    const transactions = inject(TransactionsStore);
    return {
      index: derivedFromRows({
        rows: transactions.entities,
        other: payees.entities,
        build: (rows, payeeRows) => indexPayees(payeeRows, rows),
        update: (previous, changes) => updatePayeeIndex(previous, changes),
      }),
    };
  }),
);
