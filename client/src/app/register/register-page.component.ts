import { BreakpointObserver } from '@angular/cdk/layout';
import { ScrollingModule, CdkVirtualScrollViewport } from '@angular/cdk/scrolling';
import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { Transaction } from '@finwise/domain';
import { map } from 'rxjs';
import { accountBalance } from '../accounts/account-overview';
import { USER_LOCALE } from '../locale';
import { MoneyPipe } from '../money/money.pipe';
import { AccountsStore } from '../stores/accounts.store';
import { CategoriesStore } from '../stores/categories.store';
import type { TransactionSide } from '../stores/transaction-side';
import { TransactionsStore } from '../stores/transactions.store';
import { registerItems, type RegisterItem } from './register-items';
import { SplitEditorComponent } from './split-editor.component';
import { TransactionFormComponent } from './transaction-form.component';

/** Row heights the virtual scroll relies on; the CSS gives rows exactly these heights. */
export const ROW_HEIGHT = { wide: 52, narrow: 96 } as const;
const NARROW_SCREEN = '(max-width: 640px)';

interface Editing {
  transaction: Transaction;
  side: TransactionSide;
}

/** One account's transactions, newest first, with running balance and inline add/edit/delete. */
@Component({
  selector: 'fw-register-page',
  imports: [ScrollingModule, RouterLink, MoneyPipe, TransactionFormComponent, SplitEditorComponent],
  templateUrl: './register-page.component.html',
  styleUrl: './register-page.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegisterPageComponent {
  private readonly accounts = inject(AccountsStore);
  private readonly transactions = inject(TransactionsStore);
  private readonly categories = inject(CategoriesStore);
  private readonly locale = inject(USER_LOCALE);

  readonly accountId = input.required<string>();

  protected readonly loaded = computed(() => this.accounts.loaded() && this.transactions.loaded());
  protected readonly account = computed(() => this.accounts.entityMap()[this.accountId()]);
  protected readonly allAccounts = this.accounts.sorted;
  protected readonly categoryGroups = this.categories.groups;
  protected readonly index = this.transactions.index;
  protected readonly items = computed(() =>
    registerItems(
      this.accountId(),
      this.index().byAccount.get(this.accountId()) ?? [],
      this.index().childrenByParent,
    ),
  );
  protected readonly entryCount = computed(
    () => this.index().byAccount.get(this.accountId())?.length ?? 0,
  );
  protected readonly balance = computed(() =>
    accountBalance(this.accountId(), this.index().byAccount.get(this.accountId())),
  );
  protected readonly currency = computed(() => this.account()?.currency ?? 'EUR');

  protected readonly rowHeight = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_SCREEN)
      .pipe(map((state) => (state.matches ? ROW_HEIGHT.narrow : ROW_HEIGHT.wide))),
    { initialValue: ROW_HEIGHT.wide },
  );

  /** Short lists get a short viewport; CSS caps long ones at 65% of the screen height. */
  protected readonly viewportHeight = computed(
    () => Math.max(this.items().length, 1) * this.rowHeight() + 2,
  );

  protected readonly editing = signal<Editing | null>(null);
  /** The edited row as it is now (the form keeps its snapshot); splits only on the booking side. */
  protected readonly splitParent = computed(() => {
    const editing = this.editing();
    const current = editing && this.transactions.entityMap()[editing.transaction.id];
    return current && !editing.side.isTransferSide && !current.transferAccountId ? current : null;
  });
  protected readonly splitLines = computed(() => {
    const parent = this.splitParent();
    return parent ? (this.index().childrenByParent.get(parent.id) ?? []) : [];
  });
  protected readonly confirmingDelete = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  private readonly formSection = viewChild<ElementRef<HTMLElement>>('formSection');
  private readonly viewport = viewChild(CdkVirtualScrollViewport);

  constructor() {
    // The viewport caches its size; tell it when a height change (more rows, rotation) lands.
    afterRenderEffect(() => {
      this.viewportHeight();
      this.viewport()?.checkViewportSize();
    });
  }

  private readonly dateFormat = computed(
    () => new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  );

  protected formatDate(date: string | null): string {
    return date ? this.dateFormat().format(new Date(`${date}T00:00:00Z`)) : '';
  }

  protected accountName(id: string | null): string {
    return (id && this.accounts.entityMap()[id]?.name) || 'a deleted account';
  }

  protected categoryName(id: string | null): string {
    if (!id) {
      return '';
    }
    return this.categories.entityMap()[id]?.name ?? 'Unknown category';
  }

  protected trackItem(_index: number, item: RegisterItem): string {
    return item.key;
  }

  protected edit(transaction: Transaction, side: TransactionSide): void {
    this.confirmingDelete.set(null);
    this.editing.set({ transaction, side });
    this.formSection()?.nativeElement.scrollIntoView({ block: 'nearest' });
  }

  protected async finishEditing(saved: Transaction | null): Promise<void> {
    const before = this.editing()?.transaction;
    this.editing.set(null);
    // Split lines carry the parent's date so budgets count them in the right month.
    if (saved && before && saved.date && saved.date !== before.date) {
      const date = saved.date;
      const children = this.index().childrenByParent.get(saved.id) ?? [];
      await this.run(async () => {
        for (const child of children) {
          await this.transactions.update(child.id, { date });
        }
      });
    }
  }

  protected async toggleCleared(transaction: Transaction, side: TransactionSide): Promise<void> {
    const patch = side.isTransferSide
      ? { transferCleared: !side.cleared }
      : { cleared: !side.cleared };
    await this.run(() => this.transactions.update(transaction.id, patch));
  }

  protected async remove(transaction: Transaction): Promise<void> {
    if (this.confirmingDelete() !== transaction.id) {
      this.confirmingDelete.set(transaction.id);
      return;
    }
    this.confirmingDelete.set(null);
    if (this.editing()?.transaction.id === transaction.id) {
      this.editing.set(null);
    }
    const children = this.index().childrenByParent.get(transaction.id) ?? [];
    await this.run(async () => {
      for (const child of children) {
        await this.transactions.remove(child.id);
      }
      await this.transactions.remove(transaction.id);
    });
  }

  private async run(action: () => Promise<unknown>): Promise<void> {
    this.actionError.set(null);
    try {
      await action();
    } catch (error) {
      this.actionError.set(error instanceof Error ? error.message : String(error));
    }
  }
}
