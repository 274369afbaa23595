import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { accountGroups } from '@finwise/domain';
import { AccountGroupsStore } from '../data/stores/account-groups.store';
import { AccountsStore } from '../data/stores/accounts.store';
import { DeleteConfirmation } from '../forms/delete-confirmation';
import { FormActionsComponent } from '../forms/form-actions/form-actions.component';
import { PageActions, updateEach } from '../forms/page-actions';
import {
  ReorderButtonsComponent,
  type ReorderRequest,
} from '../forms/reorder-buttons/reorder-buttons.component';
import { MoneyPipe } from '../shared/money/money.pipe';
import type { AccountGroupView } from './account-overview';

/**
 * The heading of one account group with its totals, and what can be done to the group: move
 * it, rename it, delete it (its accounts then stand under "Other accounts").
 */
@Component({
  selector: 'fw-account-group-header',
  imports: [ReactiveFormsModule, MoneyPipe, FormActionsComponent, ReorderButtonsComponent],
  templateUrl: './account-group-header.component.html',
  styleUrl: './account-group-header.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountGroupHeaderComponent {
  private readonly groups = inject(AccountGroupsStore);
  private readonly accounts = inject(AccountsStore);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  readonly group = input.required<AccountGroupView>();
  readonly canMoveUp = input(false);
  readonly canMoveDown = input(false);
  readonly move = output<ReorderRequest>();

  protected readonly renaming = signal(false);
  /** Renaming and deleting the group; also why a new name was refused. */
  protected readonly actions = new PageActions();
  protected readonly deleting = new DeleteConfirmation();
  protected readonly form = new FormGroup({ name: new FormControl('', { nonNullable: true }) });

  protected startRenaming(): void {
    this.deleting.disarm();
    this.actions.clear();
    this.form.setValue({ name: this.group().name });
    this.renaming.set(true);
    this.focus('.account-group__name-input', true);
  }

  protected stopRenaming(): void {
    this.renaming.set(false);
    this.actions.clear();
    this.focus('.account-group__rename-button');
  }

  protected async rename(): Promise<void> {
    const id = this.group().id;
    const name = this.form.controls.name.value.trim();
    if (!id || name === this.group().name) {
      this.stopRenaming();
      return;
    }
    const errors = this.groups.validate('update', { id, name }, accountGroups.wording.fieldLabels);
    const message = errors['name'] ?? errors['form'];
    if (message) {
      this.actions.fail(message);
      return;
    }
    await this.actions.run(async () => {
      await this.groups.update(id, { name });
      this.stopRenaming();
    });
  }

  /** First press arms; the second moves the group's accounts out, then deletes the group. */
  protected async remove(): Promise<void> {
    const group = this.group();
    if (!group.id || !this.deleting.confirm(group.id)) {
      return;
    }
    const id = group.id;
    await this.actions.run(async () => {
      await updateEach(
        this.accounts,
        group.accounts.map((line) => ({ id: line.account.id, groupId: null })),
      );
      await this.groups.remove(id);
    });
  }

  protected cancelDelete(): void {
    this.deleting.disarm();
    this.focus('.account-group__delete');
  }

  private focus(selector: string, select = false): void {
    afterNextRender(
      () => {
        const element = this.host.querySelector<HTMLInputElement>(selector);
        element?.focus();
        if (select) {
          element?.select();
        }
      },
      { injector: this.injector },
    );
  }
}
