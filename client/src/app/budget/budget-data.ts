import { computed, inject, Injectable } from '@angular/core';
import { BudgetLedgerSums, budgetAggregatesOf, indexLiveAccounts } from '@finwise/finance';
import { HouseholdSettings } from '../data/settings/household-settings.service';
import { AccountsStore } from '../data/stores/accounts.store';
import { BudgetMonthsStore } from '../data/stores/budget-months.store';
import { BudgetMovesStore } from '../data/stores/budget-moves.store';
import { BudgetsStore } from '../data/stores/budgets.store';
import { CategoriesStore } from '../data/stores/categories.store';
import { TransactionsStore } from '../data/stores/transactions.store';
import { derivedFromRows } from '../data/views/rows-derived';

/**
 * The household's budget inputs, summed per month from this device's stores. Everything is
 * local, so the budget works offline and follows other devices' changes as they sync in.
 */
@Injectable()
export class BudgetData {
  private readonly settings = inject(HouseholdSettings);
  private readonly transactions = inject(TransactionsStore);
  private readonly accountsStore = inject(AccountsStore);
  private readonly categoriesStore = inject(CategoriesStore);
  private readonly budgetsStore = inject(BudgetsStore);
  private readonly movesStore = inject(BudgetMovesStore);
  private readonly monthsStore = inject(BudgetMonthsStore);

  readonly currency = this.settings.budgetCurrency;
  readonly accounts = this.accountsStore.entities;
  readonly categories = this.categoriesStore.entities;
  readonly categoryMap = this.categoriesStore.byId;
  readonly budgets = this.budgetsStore.entities;
  readonly budgetCells = this.budgetsStore.byId;
  readonly budgetMonths = this.monthsStore.entities;

  /** Until every store has answered, a zero would be a guess, not the budget. */
  readonly loaded = computed(
    () =>
      this.settings.loaded() &&
      this.transactions.loaded() &&
      this.accountsStore.loaded() &&
      this.categoriesStore.loaded() &&
      this.budgetsStore.loaded() &&
      this.movesStore.loaded() &&
      this.monthsStore.loaded(),
  );

  private readonly ledgerContext = computed(() => ({
    accounts: indexLiveAccounts(this.accounts()),
    currency: this.currency(),
  }));
  /** The transactions' sums, updated by each edit rather than recounted (see BudgetLedgerSums). */
  private readonly ledgerSums = derivedFromRows({
    rows: this.transactions.entities,
    other: this.ledgerContext,
    build: (rows, context) => BudgetLedgerSums.of(rows, context),
    update: (previous, changes, context) => previous.updated(changes, context),
  });

  // Independent of the month shown, so paging through months does not re-read every row.
  readonly aggregates = computed(() =>
    budgetAggregatesOf(
      this.ledgerSums(),
      {
        currency: this.currency(),
        accounts: this.accounts(),
        categories: this.categories(),
        budgets: this.budgets(),
        budgetMoves: this.movesStore.entities(),
        budgetMonths: this.budgetMonths(),
      },
      this.ledgerContext().accounts,
    ),
  );
}
