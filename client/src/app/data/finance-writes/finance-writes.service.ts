import { inject, Injectable } from '@angular/core';
import type { FinanceMutation } from '@finwise/finance';
import type { AnySyncRow, WriteAllOptions } from '@finwise/sync-client';
import { SyncClientService } from '../sync-client/sync-client.service';
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
  private readonly syncClient = inject(SyncClientService);
  private readonly stores: Readonly<Record<string, SyncedEntityStore>> = {
    transactions: inject(TransactionsStore),
    payees: inject(PayeesStore),
    reconciliations: inject(ReconciliationsStore),
    budgets: inject(BudgetsStore),
    budget_moves: inject(BudgetMovesStore),
    budget_months: inject(BudgetMonthsStore),
    categories: inject(CategoriesStore),
  };

  /**
   * All the writes in one local transaction (all or none), queued together so they reach the
   * server in one push and other devices see them at once. A write marked `ifAbsent` is a seed
   * (a payee a bank file names): written only when its row is unknown here.
   */
  async applyTogether(
    mutations: readonly (FinanceMutation & { readonly ifAbsent?: boolean })[],
    options: WriteAllOptions = {},
  ): Promise<void> {
    const client = this.syncClient.client();
    if (!client) {
      throw new Error('Sign in to change your household data.');
    }
    await client.writeAll(
      mutations.map(({ modelName, operation, data, ifAbsent }) => ({
        modelName,
        operation,
        data,
        ...(ifAbsent ? { ifAbsent } : {}),
      })),
      options,
    );
  }

  /** The live row of a store, if it holds one with this id. */
  row(modelName: string, id: string): AnySyncRow | undefined {
    return this.stores[modelName]?.entities().find((row) => row.id === id) as
      AnySyncRow | undefined;
  }

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
