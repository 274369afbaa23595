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
import { AccountGroupsStore } from '../data/stores/account-groups.store';
import { AccountsStore } from '../data/stores/accounts.store';
import { TransactionsStore } from '../data/stores/transactions.store';
import { AccountGroupsViewStore } from '../data/views/account-groups-view.store';
import { AccountsViewStore } from '../data/views/accounts-view.store';
import { moveInOrder, nextSortOrder } from '../data/views/sort-order';
import { TransactionsViewStore } from '../data/views/transactions-view.store';
import { HouseholdSettings } from '../data/settings/household-settings.service';
import { DeleteConfirmation } from '../forms/delete-confirmation';
import { FormSubmission } from '../forms/form-submission';
import { PageActions, removeEach, updateEach } from '../forms/page-actions';
import {
  ReorderButtonsComponent,
  type ReorderRequest,
} from '../forms/reorder-buttons/reorder-buttons.component';
import { MoneyPipe } from '../shared/money/money.pipe';
import { accountDeleteWarning, rowsDeletedWithAccount } from './account-deletion';
import { AccountFormComponent } from './account-form.component';
import { AccountGroupHeaderComponent } from './account-group-header.component';
import { accountOverview, type AccountGroupView } from './account-overview';
import { ExportCsvButtonComponent } from '../files/export-csv-button.component';

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
    ReorderButtonsComponent,
    ExportCsvButtonComponent,
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
  /** New accounts start in the budget currency: most of a household's accounts are in it. */
  protected readonly defaultCurrency = inject(HouseholdSettings).budgetCurrency;
  protected readonly editing = signal<Account | null>(null);
  protected readonly groupForm = inject(NonNullableFormBuilder).group({ name: [''] });
  private readonly groupSubmission = new FormSubmission(
    'group-form',
    accountGroups.wording.fieldLabels,
  );
  protected readonly groupError = computed(() => {
    const errors = this.groupSubmission.errors();
    return errors['name'] ?? errors['form'] ?? null;
  });
  protected readonly deleting = new DeleteConfirmation();
  protected readonly actions = new PageActions();

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

  protected async moveGroup(group: AccountGroupView, move: ReorderRequest): Promise<void> {
    if (!group.id) {
      return;
    }
    const changes = moveInOrder(this.sortedGroups(), group.id, move.direction);
    await this.actions.run(() => updateEach(this.groups, changes));
    move.keepFocus();
  }

  protected async moveAccount(
    group: AccountGroupView,
    account: Account,
    move: ReorderRequest,
  ): Promise<void> {
    const inGroup = group.accounts.map((line) => line.account);
    const changes = moveInOrder(inGroup, account.id, move.direction);
    await this.actions.run(() => updateEach(this.accounts, changes));
    move.keepFocus();
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
    await this.actions.run(async () => {
      await removeEach(
        this.transactions,
        rows.map((row) => row.id),
      );
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
      (index.byAccount.get(accountId) ?? []).map((line) => line.transaction),
      index.childrenByParent,
    );
  }

  /** The empty page's call to action: straight to the new account's name. */
  protected startNewAccount(): void {
    const name = this.host.querySelector<HTMLInputElement>(
      '.new-account input[formcontrolname="name"]',
    );
    name?.scrollIntoView?.({ block: 'center' });
    name?.focus({ preventScroll: true });
  }

  private focusInAccount(accountId: string, selector: string): void {
    afterNextRender(
      () =>
        this.host.querySelector<HTMLElement>(`[data-account="${accountId}"] ${selector}`)?.focus(),
      { injector: this.injector },
    );
  }

  protected async addGroup(): Promise<void> {
    const name = this.groupForm.controls.name.value.trim();
    const id = globalThis.crypto.randomUUID();
    const data = { id, name, sortOrder: nextSortOrder(this.groups.entities()) };
    const errors = this.groups.validate('create', data, accountGroups.wording.fieldLabels);
    if (!this.groupSubmission.accept(errors)) {
      return;
    }
    await this.groupSubmission.write(async () => {
      await this.groups.create(data);
      this.groupForm.reset();
    });
  }
}
