import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { HouseholdSettings } from '../data/settings/household-settings.service';
import { AccountsStore } from '../data/stores/accounts.store';
import { errorMessage } from '../forms/error-message';
import { USER_LOCALE } from '../shared/locale';
import { currencyOptions } from '../shared/money/currency-options';

/**
 * The household's budget currency: the budget counts on-budget accounts in it and lists the
 * others as left out. Every member sees the same choice (one settings row per household).
 */
@Component({
  selector: 'fw-budget-currency-settings',
  templateUrl: './budget-currency-settings.component.html',
  styles: `
    .budget-settings {
      display: grid;
      gap: 0.75rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BudgetCurrencySettingsComponent {
  private readonly settings = inject(HouseholdSettings);
  private readonly accounts = inject(AccountsStore);

  protected readonly options = currencyOptions(inject(USER_LOCALE));
  protected readonly current = this.settings.budgetCurrency;
  protected readonly loaded = this.settings.loaded;
  protected readonly choice = linkedSignal(() => this.current());
  protected readonly saving = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  /** On-budget accounts the chosen currency would leave out of the budget. */
  protected readonly leftOut = computed(() =>
    this.accounts
      .entities()
      .filter((account) => account.onBudget && account.currency !== this.choice())
      .map((account) => `${account.name ?? ''} (${account.currency ?? ''})`),
  );

  /** A new choice makes the last save's outcome old news: its message goes at once. */
  protected choose(currency: string): void {
    this.choice.set(currency);
    this.message.set(null);
    this.error.set(null);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const currency = this.choice();
    this.saving.set(true);
    this.message.set(null);
    this.error.set(null);
    try {
      await this.settings.setBudgetCurrency(currency);
      this.message.set(`The budget is now in ${currency}.`);
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.saving.set(false);
    }
  }
}
