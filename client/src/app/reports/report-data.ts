import { computed, inject, Injectable } from '@angular/core';
import { buildReportAggregates } from '@finwise/finance';
import { HouseholdSettings } from '../data/settings/household-settings.service';
import { AccountsStore } from '../data/stores/accounts.store';
import { CategoriesStore } from '../data/stores/categories.store';
import { TransactionsStore } from '../data/stores/transactions.store';

/**
 * The reports' inputs, summed per month from this device's stores by the same function whose
 * numbers the server's report endpoints give. Everything is local, so the reports work offline
 * and follow other devices' changes as they sync in.
 */
@Injectable()
export class ReportData {
  private readonly settings = inject(HouseholdSettings);
  private readonly transactions = inject(TransactionsStore);
  private readonly accounts = inject(AccountsStore);
  private readonly categories = inject(CategoriesStore);

  /** Until every store has answered, an empty chart would be a guess, not the household's. */
  readonly loaded = computed(
    () =>
      this.settings.loaded() &&
      this.transactions.loaded() &&
      this.accounts.loaded() &&
      this.categories.loaded(),
  );

  // Independent of the range shown, so changing it does not re-read every row.
  readonly aggregates = computed(() =>
    buildReportAggregates({
      currency: this.settings.budgetCurrency(),
      transactions: this.transactions.entities(),
      accounts: this.accounts.entities(),
      categories: this.categories.entities(),
    }),
  );
}
