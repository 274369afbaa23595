import { inject, Injectable } from '@angular/core';
import type { FinanceMutation } from '@finwise/finance';
import { BudgetMonthsStore } from '../stores/budget-months.store';
import { BudgetMovesStore } from '../stores/budget-moves.store';
import { BudgetsStore } from '../stores/budgets.store';
import { CategoriesStore } from '../stores/categories.store';
import { PayeesStore } from '../stores/payees.store';
import { ReconciliationsStore } from '../stores/reconciliations.store';
import { TransactionsStore } from '../stores/transactions.store';
import type { SyncedEntityStore } from '../synced-entity/synced-entity-store';

/**
 * Writes what the finance library plans (payee creates and merges, a reconcile, budget actions)
 * through the stores, in the library's order: each mutation is a local write queued for sync, so it works
 * offline, and the server merges the same mutations it would have planned itself.
 */
@Injectable({ providedIn: 'root' })
export class FinanceWrites {
  private readonly stores: Readonly<Record<string, SyncedEntityStore>> = {
    transactions: inject(TransactionsStore),
    payees: inject(PayeesStore),
    reconciliations: inject(ReconciliationsStore),
    budgets: inject(BudgetsStore),
    budget_moves: inject(BudgetMovesStore),
    budget_months: inject(BudgetMonthsStore),
    categories: inject(CategoriesStore),
  };

  /** One write after another; a refused one stops the rest, as the server's batch would. */
  async apply(mutations: readonly FinanceMutation[]): Promise<void> {
    for (const mutation of mutations) {
      const store = this.stores[mutation.modelName];
      if (!store) {
        throw new Error(`No store writes ${mutation.modelName}`);
      }
      const { id, ...fields } = mutation.data;
      if (mutation.operation === 'create') {
        await store.create({ id, ...fields });
      } else if (mutation.operation === 'update') {
        await store.update(id, fields);
      } else {
        await store.remove(id);
      }
    }
  }
}
