import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { accountGroups, type Account } from '@finwise/domain';
import { DeleteConfirmation } from '../forms/delete-confirmation';
import { MoneyPipe } from '../shared/money/money.pipe';
import { AccountGroupsViewStore } from '../data/views/account-groups-view.store';
import { AccountGroupsStore } from '../data/stores/account-groups.store';
import { AccountsViewStore } from '../data/views/accounts-view.store';
import { AccountsStore } from '../data/stores/accounts.store';
import { moveInOrder, nextSortOrder } from '../data/views/sort-order';
import { TransactionsViewStore } from '../data/views/transactions-view.store';
import { TransactionsStore } from '../data/stores/transactions.store';
import { accountDeleteWarning, rowsDeletedWithAccount } from './account-deletion';
import { AccountFormComponent } from './account-form.component';
import { AccountGroupHeaderComponent } from './account-group-header.component';
import { accountOverview, type AccountGroupView } from './account-overview';

/**
 * All accounts under their groups, with balances per currency and the household's net worth;
 * accounts and groups are opened, edited, reordered and deleted here.
 */
@Component({
  selector: 'fw-accounts-page',
  imports: [
    RouterLink,
    MoneyPipe,
    AccountFormComponent,
    AccountGroupHeaderComponent,
    ReactiveFormsModule,
  ],
  templateUrl: './accounts-page.component.html',
  styleUrl: './accounts-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountsPageComponent {
  private readonly accounts = inject(AccountsStore);
  private readonly groups = inject(AccountGroupsStore);
  private readonly transactions = inject(TransactionsStore);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;
  private readonly transactionIndex = inject(TransactionsViewStore).index;
  private readonly accountViews = inject(AccountsViewStore);

  protected readonly loaded = computed(() => this.accounts.loaded() && this.groups.loaded());
  protected readonly sortedGroups = inject(AccountGroupsViewStore).sorted;
  protected readonly overview = computed(() =>
    accountOverview(
      this.sortedGroups(),
      this.accountViews.sorted(),
      this.transactionIndex().byAccount,
    ),
  );
  protected readonly defaultCurrency = this.accountViews.budgetCurrency;
  protected readonly editing = signal<Account | null>(null);
  protected readonly groupError = signal<string | null>(null);
  protected readonly groupForm = inject(NonNullableFormBuilder).group({ name: [''] });
  protected readonly deleting = new DeleteConfirmation();
  protected readonly actionError = signal<string | null>(null);

  /** Rows in the account's register: its own and transfers in (a currency change would misread them). */
  protected transactionCount(accountId: string): number {
    return this.transactionIndex().byAccount.get(accountId)?.length ?? 0;
  }

  protected startEditing(account: Account): void {
    this.deleting.disarm();
    this.editing.set(account);
  }

  protected finishEditing(accountId: string): void {
    this.editing.set(null);
    this.focusInAccount(accountId, '.account-list__edit');
  }

  /** Groups move among the real groups; "Other accounts" stays last. */
  protected canMoveGroup(group: AccountGroupView, direction: -1 | 1): boolean {
    const groups = this.sortedGroups();
    const at = groups.findIndex((candidate) => candidate.id === group.id);
    return at >= 0 && at + direction >= 0 && at + direction < groups.length;
  }

  protected async moveGroup(group: AccountGroupView, direction: -1 | 1): Promise<void> {
    if (!group.id) {
      return;
    }
    const changes = moveInOrder(this.sortedGroups(), group.id, direction);
    await this.run(async () => {
      for (const change of changes) {
        await this.groups.update(change.id, { sortOrder: change.sortOrder });
      }
    });
  }

  protected async moveAccount(
    group: AccountGroupView,
    account: Account,
    direction: -1 | 1,
    button: HTMLButtonElement,
  ): Promise<void> {
    const inGroup = group.accounts.map((line) => line.account);
    const changes = moveInOrder(inGroup, account.id, direction);
    await this.run(async () => {
      for (const change of changes) {
        await this.accounts.update(change.id, { sortOrder: change.sortOrder });
      }
    });
    // Keep keyboard users on the button they pressed, which moved with its row.
    queueMicrotask(() => button.isConnected && button.focus());
  }

  protected deleteWarning(account: Account): string {
    const deleted = this.rowsDeletedWith(account.id).filter((row) => !row.parentId).length;
    return accountDeleteWarning(
      account.name ?? 'this account',
      deleted,
      this.transactionCount(account.id) - deleted,
    );
  }

  /** First press arms and warns; the second deletes the account and what is booked on it. */
  protected async removeAccount(account: Account): Promise<void> {
    if (!this.deleting.confirm(account.id)) {
      return;
    }
    const rows = this.rowsDeletedWith(account.id);
    await this.run(async () => {
      for (const row of rows) {
        await this.transactions.remove(row.id);
      }
      await this.accounts.remove(account.id);
    });
  }

  protected cancelDelete(accountId: string): void {
    this.deleting.disarm();
    this.focusInAccount(accountId, '.account-list__delete');
  }

  private rowsDeletedWith(accountId: string) {
    const index = this.transactionIndex();
    return rowsDeletedWithAccount(
      accountId,
      index.byAccount.get(accountId) ?? [],
      index.childrenByParent,
    );
  }

  private focusInAccount(accountId: string, selector: string): void {
    afterNextRender(
      () =>
        this.host.querySelector<HTMLElement>(`[data-account="${accountId}"] ${selector}`)?.focus(),
      { injector: this.injector },
    );
  }

  private async run(action: () => Promise<unknown>): Promise<void> {
    this.actionError.set(null);
    try {
      await action();
    } catch (error) {
      this.actionError.set(error instanceof Error ? error.message : String(error));
    }
  }

  protected async addGroup(): Promise<void> {
    const name = this.groupForm.controls.name.value.trim();
    const id = globalThis.crypto.randomUUID();
    const data = { id, name, sortOrder: nextSortOrder(this.groups.entities()) };
    const errors = this.groups.validate('create', data, accountGroups.wording.fieldLabels);
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
