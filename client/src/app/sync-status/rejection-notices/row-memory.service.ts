import { effect, inject, Injectable, untracked } from '@angular/core';
import type { SyncRow } from '@finwise/sync-client';
import { AccountGroupsStore } from '../../data/stores/account-groups.store';
import { AccountsStore } from '../../data/stores/accounts.store';
import { BudgetsStore } from '../../data/stores/budgets.store';
import { CategoriesStore } from '../../data/stores/categories.store';
import { TransactionsStore } from '../../data/stores/transactions.store';

/**
 * The newest version of every row this session has shown. A change the server refuses is
 * rolled back, and a refused create leaves no row behind: a notice can still say which
 * transaction or account it was about from what was last on screen.
 */
@Injectable({ providedIn: 'root' })
export class RowMemoryService {
  private readonly rows = new Map<string, Map<string, SyncRow>>();

  constructor() {
    const stores: Record<string, { entities: () => readonly SyncRow[] }> = {
      transactions: inject(TransactionsStore),
      accounts: inject(AccountsStore),
      account_groups: inject(AccountGroupsStore),
      categories: inject(CategoriesStore),
      budgets: inject(BudgetsStore),
    };
    for (const [modelName, store] of Object.entries(stores)) {
      effect(() => {
        const rows = store.entities();
        untracked(() => this.remember(modelName, rows));
      });
    }
  }

  lastKnown(modelName: string, id: string): SyncRow | undefined {
    return this.rows.get(modelName)?.get(id.toLowerCase());
  }

  private remember(modelName: string, rows: readonly SyncRow[]): void {
    let known = this.rows.get(modelName);
    if (!known) {
      known = new Map();
      this.rows.set(modelName, known);
    }
    for (const row of rows) {
      known.set(row.id, row);
    }
  }
}
