import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { Account } from '@finwise/domain';
import { budgetCurrency } from '../budget/budget-math';
import { MoneyPipe } from '../money/money.pipe';
import { AccountGroupsStore } from '../stores/account-groups.store';
import { AccountsStore } from '../stores/accounts.store';
import { nextSortOrder } from '../stores/sort-order';
import { TransactionsStore } from '../stores/transactions.store';
import { AccountFormComponent } from './account-form.component';
import { accountOverview } from './account-overview';

/** All accounts under their groups, with balances per currency and the household's net worth. */
@Component({
  selector: 'fw-accounts-page',
  imports: [RouterLink, MoneyPipe, AccountFormComponent, ReactiveFormsModule],
  templateUrl: './accounts-page.component.html',
  styleUrl: './accounts-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountsPageComponent {
  private readonly accounts = inject(AccountsStore);
  private readonly groups = inject(AccountGroupsStore);
  private readonly transactions = inject(TransactionsStore);

  protected readonly loaded = computed(() => this.accounts.loaded() && this.groups.loaded());
  protected readonly sortedGroups = this.groups.sorted;
  protected readonly overview = computed(() =>
    accountOverview(
      this.groups.sorted(),
      this.accounts.sorted(),
      this.transactions.index().byAccount,
    ),
  );
  protected readonly defaultCurrency = computed(() => budgetCurrency(this.accounts.entities()));
  protected readonly editing = signal<Account | null>(null);
  protected readonly groupError = signal<string | null>(null);
  protected readonly groupForm = inject(NonNullableFormBuilder).group({ name: [''] });

  protected async addGroup(): Promise<void> {
    const name = this.groupForm.controls.name.value.trim();
    const id = globalThis.crypto.randomUUID();
    const data = { id, name, sortOrder: nextSortOrder(this.groups.entities()) };
    const errors = this.groups.validate('create', data, { name: 'Group name' });
    this.groupError.set(errors['name'] ?? errors['form'] ?? null);
    if (this.groupError()) {
      return;
    }
    try {
      await this.groups.create(data);
      this.groupForm.reset();
    } catch (error) {
      this.groupError.set(error instanceof Error ? error.message : String(error));
    }
  }
}
