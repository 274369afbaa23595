import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { Account } from '@finwise/domain';
import { budgetCurrency } from '../budget/budget-math';
import { MoneyPipe } from '../money/money.pipe';
import { AccountGroupsViewStore } from '../stores/account-groups-view.store';
import { AccountGroupsStore } from '../stores/account-groups.store';
import { AccountsViewStore } from '../stores/accounts-view.store';
import { AccountsStore } from '../stores/accounts.store';
import { nextSortOrder } from '../stores/sort-order';
import { TransactionsViewStore } from '../stores/transactions-view.store';
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
  private readonly transactionIndex = inject(TransactionsViewStore).index;
  private readonly sortedAccounts = inject(AccountsViewStore).sorted;

  protected readonly loaded = computed(() => this.accounts.loaded() && this.groups.loaded());
  protected readonly sortedGroups = inject(AccountGroupsViewStore).sorted;
  protected readonly overview = computed(() =>
    accountOverview(this.sortedGroups(), this.sortedAccounts(), this.transactionIndex().byAccount),
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
