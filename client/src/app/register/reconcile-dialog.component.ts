import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import type { Account, Transaction } from '@finwise/domain';
import { FinanceWrites } from '../data/finance-writes/finance-writes.service';
import { AccountsStore } from '../data/stores/accounts.store';
import { PayeesStore } from '../data/stores/payees.store';
import { TransactionsStore } from '../data/stores/transactions.store';
import type { CategoryGroup } from '../data/views/category-groups';
import { payeeName } from '../data/views/payee-index';
import { PayeesViewStore } from '../data/views/payees-view.store';
import type { LedgerLine } from '../data/views/transaction-index';
import { PageActions } from '../forms/page-actions';
import { localDate } from '../shared/dates/month';
import { USER_LOCALE } from '../shared/locale';
import { localeSeparators, minorDigits } from '../shared/money/currency';
import { MoneyPipe } from '../shared/money/money.pipe';
import { parseMoney } from '../shared/money/parse-money';
import {
  reconcilePreview,
  reconcileWithAdjustment,
  rowsToTick,
  type ReconcileInputs,
} from './reconcile-plan';

let nextDialogId = 0;

/**
 * Reconciles an account against a bank statement: the statement's date and balance, the rows
 * to tick as cleared with the difference updating as they are ticked, then finish (or book
 * the difference as an adjustment). Every tick and the finish are local writes, so it works
 * offline. A non-modal dialog in the register: Escape closes it.
 */
@Component({
  selector: 'fw-reconcile-dialog',
  imports: [ReactiveFormsModule, MoneyPipe],
  templateUrl: './reconcile-dialog.component.html',
  styleUrl: './reconcile-dialog.component.css',
  host: { '(keydown.escape)': 'onEscape($event)' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReconcileDialogComponent {
  private readonly transactions = inject(TransactionsStore);
  private readonly accounts = inject(AccountsStore);
  private readonly payees = inject(PayeesStore);
  private readonly payeeIndex = inject(PayeesViewStore).index;
  private readonly financeWrites = inject(FinanceWrites);
  private readonly locale = inject(USER_LOCALE);
  private readonly injector = inject(Injector);
  private readonly host: HTMLElement = inject(ElementRef).nativeElement;

  readonly account = input.required<Account>();
  /** The account's register lines, oldest first. */
  readonly lines = input<readonly LedgerLine[]>([]);
  readonly categoryGroups = input<readonly CategoryGroup[]>([]);
  /** Closed: with what was done, or null when cancelled. */
  readonly closed = output<string | null>();

  protected readonly id = `reconcile-${++nextDialogId}`;
  protected readonly actions = new PageActions();
  protected readonly saving = signal(false);
  protected readonly form = inject(NonNullableFormBuilder).group({
    statementDate: [localDate(new Date())],
    statementBalance: [''],
    adjustmentCategoryId: [''],
  });
  private readonly value = toSignal(this.form.valueChanges, {
    initialValue: this.form.getRawValue(),
  });
  protected readonly currency = computed(() => this.account().currency ?? 'EUR');
  protected readonly statementDate = computed(() => this.value().statementDate ?? '');
  protected readonly balance = computed(() =>
    parseMoney(this.value().statementBalance ?? '', {
      minorDigits: minorDigits(this.currency()),
      decimalSeparator: localeSeparators(this.locale).decimal,
    }),
  );
  protected readonly balanceError = computed(() => {
    const balance = this.balance();
    return !balance.ok && (this.value().statementBalance ?? '').trim() !== ''
      ? balance.error
      : null;
  });
  protected readonly rows = computed(() => rowsToTick(this.lines(), this.statementDate()));
  /** What the finance library says of the reconcile right now; null until the inputs parse. */
  protected readonly preview = computed(() => {
    const inputs = this.inputs();
    return inputs ? reconcilePreview(inputs) : null;
  });
  protected readonly clearedTotal = computed(() => {
    const preview = this.preview();
    return preview && preview.status !== 'account_not_found' ? preview.clearedTotalMinor : null;
  });
  protected readonly difference = computed(() => {
    const preview = this.preview();
    return preview && preview.status !== 'account_not_found' ? preview.differenceMinor : null;
  });

  constructor() {
    afterNextRender(() => this.host.querySelector<HTMLElement>(`#${this.id}-date`)?.focus(), {
      injector: this.injector,
    });
  }

  private inputs(): ReconcileInputs | null {
    const balance = this.balance();
    const statementDate = this.statementDate();
    if (!balance.ok || !/^\d{4}-\d{2}-\d{2}$/.test(statementDate)) {
      return null;
    }
    return {
      accountId: this.account().id,
      statementDate,
      statementBalanceMinor: balance.minor,
      transactions: this.transactions.entities(),
      accounts: this.accounts.entities(),
      payees: this.payees.entities(),
    };
  }

  private readonly dateFormat = computed(
    () => new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  );

  protected formatDate(date: string): string {
    return this.dateFormat().format(new Date(`${date}T00:00:00Z`));
  }

  protected payeeOf(transaction: Transaction): string {
    return payeeName(this.payeeIndex(), transaction.payeeId) ?? '(no payee)';
  }

  protected rowKey(line: LedgerLine): string {
    return `${this.id}-row-${line.transaction.id}`;
  }

  /** Ticking is the same write as the register's Cleared box: on the side this account sees. */
  protected async tick(line: LedgerLine): Promise<void> {
    const patch = line.side.isTransferSide
      ? { transferCleared: !line.side.cleared }
      : { cleared: !line.side.cleared };
    await this.actions.run(() => this.transactions.update(line.transaction.id, patch));
  }

  protected async finish(withAdjustment: boolean): Promise<void> {
    const inputs = this.inputs();
    if (!inputs) {
      this.actions.fail('Enter the statement date and balance first.');
      return;
    }
    const categoryId = this.form.controls.adjustmentCategoryId.value || null;
    const result = withAdjustment
      ? reconcileWithAdjustment(inputs, categoryId)
      : reconcilePreview(inputs);
    if (result.status === 'account_not_found') {
      this.actions.fail('This account no longer exists.');
      return;
    }
    if (result.status === 'mismatch') {
      this.actions.fail(
        'The cleared balance differs from the statement: tick more rows or add an adjustment.',
      );
      return;
    }
    this.saving.set(true);
    await this.actions.run(() => this.financeWrites.apply(result.mutations));
    this.saving.set(false);
    if (!this.actions.error()) {
      const count = result.reconciledCount;
      this.closed.emit(
        `Reconciled ${count} ${count === 1 ? 'transaction' : 'transactions'}` +
          (result.adjustmentId ? ', with an adjustment for the difference.' : '.'),
      );
    }
  }

  protected cancel(): void {
    this.closed.emit(null);
  }

  protected onEscape(event: Event): void {
    if (!event.defaultPrevented) {
      event.preventDefault();
      this.cancel();
    }
  }
}
