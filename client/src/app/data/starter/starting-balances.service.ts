import { inject, Injectable } from '@angular/core';
import type { StartingBalancePlan } from '@finwise/finance';
import { CategoriesStore } from '../stores/categories.store';
import { PayeesStore } from '../stores/payees.store';
import { TransactionsStore } from '../stores/transactions.store';

/**
 * Books a new account's starting balance: the "Starting balance" payee and, on budget, the
 * "Starting balances" income category are seeds with deterministic ids (written only when
 * absent, so a household without the starter set gets them, and a renamed one keeps its name);
 * the transaction itself is an ordinary create.
 */
@Injectable({ providedIn: 'root' })
export class StartingBalances {
  private readonly payees = inject(PayeesStore);
  private readonly categories = inject(CategoriesStore);
  private readonly transactions = inject(TransactionsStore);

  async book(plan: StartingBalancePlan): Promise<void> {
    await this.payees.createIfAbsent(plan.payee);
    if (plan.category) {
      await this.categories.createIfAbsent(plan.category);
    }
    await this.transactions.create(plan.transaction);
  }
}
