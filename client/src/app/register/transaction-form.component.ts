import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { transactions, type Account, type Transaction } from '@finwise/domain';
import type { FinanceMutation } from '@finwise/finance';
import { FinanceWrites } from '../data/finance-writes/finance-writes.service';
import { PayeesStore } from '../data/stores/payees.store';
import { TransactionsStore } from '../data/stores/transactions.store';
import { UndoService } from '../data/undo/undo.service';
import type { CategoryGroup } from '../data/views/category-groups';
import { payeeName } from '../data/views/payee-index';
import { PayeesViewStore } from '../data/views/payees-view.store';
import type { TransactionSide } from '../data/views/transaction-side';
import { changedFields } from '../forms/changed-fields';
import { FormActionsComponent } from '../forms/form-actions/form-actions.component';
import { FormSubmission } from '../forms/form-submission';
import { localDate } from '../shared/dates/month';
import { USER_LOCALE } from '../shared/locale';
import { localeSeparators, minorDigits } from '../shared/money/currency';
import { formatMoneyForInput } from '../shared/money/format-money';
import { parseMoney } from '../shared/money/parse-money';
import type { FieldErrors } from '../shared/validation/validation-messages';
import { choosePayee, payeeCategory } from './payee-choice';
import { PayeePickerComponent } from './payee-picker.component';
import { changesReconciledSide } from './reconciled-edit';
import {
  amountWrite,
  signedOtherAmount,
  targetFields,
  targetOf,
  TRANSFER_PREFIX,
  type TransactionDraft,
} from './transaction-draft';
import { isCrossCurrency, transferTargets } from './transfer-targets';

export const TRANSACTION_LABELS = transactions.wording.fieldLabels;

let nextFormId = 0;

/**
 * Adds a transaction to an account, or edits one in its register row (only the changed fields
 * are written). A new payee name creates the payee first; a transfer between currencies asks
 * for the amount each account books.
 */
@Component({
  selector: 'fw-transaction-form',
  imports: [ReactiveFormsModule, FormActionsComponent, PayeePickerComponent],
  templateUrl: './transaction-form.component.html',
  styleUrl: './transaction-form.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TransactionFormComponent {
  private readonly transactions = inject(TransactionsStore);
  private readonly payees = inject(PayeesStore);
  private readonly payeeIndex = inject(PayeesViewStore).index;
  private readonly financeWrites = inject(FinanceWrites);
  private readonly undo = inject(UndoService);
  private readonly locale = inject(USER_LOCALE);
  private readonly injector = inject(Injector);

  readonly account = input.required<Account>();
  readonly accounts = input<readonly Account[]>([]);
  readonly categoryGroups = input<readonly CategoryGroup[]>([]);
  /** The row being edited, or null to add a new one. */
  readonly transaction = input<Transaction | null>(null);
  /** How the edited row looks from this account (a transfer's other side is negated). */
  readonly side = input<TransactionSide | null>(null);
  readonly done = output<Transaction | null>();

  protected readonly id = `transaction-form-${++nextFormId}`;
  protected readonly submission = new FormSubmission(this.id, TRANSACTION_LABELS);
  protected readonly errors = this.submission.errors;
  protected readonly isNew = computed(() => this.transaction() === null);
  protected readonly onTransferSide = computed(() => this.side()?.isTransferSide === true);
  /** Shown instead of saving when the edit would change a reconciled balance. */
  protected readonly confirmingReconciled = signal(false);
  protected readonly transferTargets = computed(() =>
    transferTargets(
      this.account(),
      this.accounts(),
      this.onTransferSide() ? null : (this.transaction()?.transferAccountId ?? null),
    ),
  );
  protected readonly counterAccount = computed(() => {
    const counterId = this.side()?.counterAccountId;
    return this.accounts().find((other) => other.id === counterId);
  });
  protected readonly counterAccountName = computed(
    () => this.counterAccount()?.name ?? 'another account',
  );
  protected readonly decimalHint = computed(() => {
    const digits = minorDigits(this.account().currency ?? 'EUR');
    const example =
      digits === 0
        ? '-1200'
        : `-12${localeSeparators(this.locale).decimal}${'5'.padEnd(digits, '0')}`;
    return `Use a minus sign for money going out, e.g. ${example}.`;
  });

  private readonly dateInput = viewChild<ElementRef<HTMLInputElement>>('dateInput');
  private readonly payeeField = viewChild(PayeePickerComponent, { read: ElementRef });
  private readonly confirmButton = viewChild<ElementRef<HTMLButtonElement>>('confirmButton');

  protected readonly form = inject(NonNullableFormBuilder).group({
    date: [localDate(new Date())],
    payee: [''],
    target: [''],
    amount: [''],
    otherAmount: [''],
    notes: [''],
    cleared: [false],
  });
  /** The payee text the edited row started with: unchanged, the row keeps its stored payee. */
  private loadedPayee = '';
  /** The next new transaction's id: fixed while the form checks it. */
  private newId = globalThis.crypto.randomUUID();
  private readonly target = toSignal(this.form.controls.target.valueChanges, {
    initialValue: this.form.controls.target.value,
  });

  /**
   * The account on the other side of a transfer between currencies, whose amount the form
   * asks for too; undefined for everything else.
   */
  protected readonly otherCurrencyAccount = computed(() => {
    const account = this.account();
    const other = this.onTransferSide()
      ? this.counterAccount()
      : this.accounts().find(
          (candidate) => candidate.id === targetFields(this.target()).transferAccountId,
        );
    return isCrossCurrency(account, other) ? other : undefined;
  });

  constructor() {
    this.submission.watch(this.form, () => this.check().errors);
    // Only a different row to edit resets the form: other devices' changes to the account
    // (new objects in the store) must not wipe what the user is typing.
    effect(() => {
      const transaction = this.transaction();
      const side = this.side();
      untracked(() => this.load(transaction, side));
    });
  }

  private load(transaction: Transaction | null, side: TransactionSide | null): void {
    const currency = this.account().currency ?? 'EUR';
    this.submission.clear();
    this.confirmingReconciled.set(false);
    if (!transaction) {
      this.loadedPayee = '';
      this.form.reset({ date: this.form.controls.date.value || localDate(new Date()) });
      return;
    }
    this.loadedPayee = payeeName(this.payeeIndex(), transaction.payeeId) ?? '';
    const amountMinor = side?.amountMinor ?? transaction.amountMinor ?? 0;
    this.form.setValue({
      date: side?.date ?? transaction.date ?? '',
      payee: this.loadedPayee,
      target: targetOf(transaction),
      amount: formatMoneyForInput(amountMinor, currency, this.locale),
      otherAmount: '',
      notes: transaction.notes ?? '',
      cleared: side?.cleared ?? transaction.cleared === true,
    });
    const other = this.otherCurrencyAccount();
    if (other) {
      const otherMinor = side?.isTransferSide
        ? (transaction.amountMinor ?? 0)
        : (transaction.transferAmountMinor ?? -(transaction.amountMinor ?? 0));
      this.form.controls.otherAmount.setValue(
        formatMoneyForInput(otherMinor, other.currency ?? 'EUR', this.locale),
      );
    }
    // The register scrolls its row editor into view; focusing must not scroll first.
    queueMicrotask(() => this.dateInput()?.nativeElement.focus({ preventScroll: true }));
  }

  /** A chosen payee brings its default category when none is chosen yet. */
  protected payeeChosen(name: string): void {
    if (this.onTransferSide() || this.form.controls.target.value) {
      return;
    }
    const categoryId = payeeCategory(this.payeeIndex(), name);
    const live = this.categoryGroups().some((group) =>
      group.categories.some((category) => category.id === categoryId),
    );
    if (categoryId && live) {
      this.form.controls.target.setValue(categoryId);
    }
  }

  protected cancel(): void {
    this.submission.clear();
    this.confirmingReconciled.set(false);
    this.done.emit(null);
  }

  protected keepEditing(): void {
    this.confirmingReconciled.set(false);
  }

  /** What a submit would write, and what is wrong with it (also re-checked while typing). */
  private check() {
    const draft: TransactionDraft = this.form.getRawValue();
    const account = this.account();
    const existing = this.transaction();
    const side = this.side();
    const amount = this.parseAmount(draft.amount, account.currency ?? 'EUR');
    const other = this.otherCurrencyAccount();
    const otherAmount = other ? this.parseAmount(draft.otherAmount, other.currency ?? 'EUR') : null;
    const target = targetFields(draft.target);
    const payee =
      existing && draft.payee === this.loadedPayee
        ? { ok: true as const, payeeId: existing.payeeId ?? null, mutations: [] }
        : choosePayee(draft.payee, this.payeeIndex(), this.payees.entities(), existing?.payeeId);
    const notes = draft.notes.trim();
    const amountMinor = amount.ok ? amount.minor : 0;
    const write: Partial<Transaction> = {
      date: draft.date,
      payeeId: payee.ok ? payee.payeeId : (existing?.payeeId ?? null),
      notes: notes === '' ? null : notes,
      ...(this.onTransferSide() ? {} : target),
      ...amountWrite(
        side,
        {
          amountMinor,
          otherAmountMinor:
            otherAmount?.ok === true
              ? signedOtherAmount(draft.otherAmount, otherAmount.minor, amountMinor)
              : null,
        },
        target.transferAccountId,
        draft.cleared === (side?.cleared ?? false) && existing ? undefined : draft.cleared,
      ),
    };

    const id = existing?.id ?? this.newId;
    const data = existing
      ? changedFields(existing, write)
      : { ...write, accountId: account.id, reconciled: false, cleared: draft.cleared };
    const errors: FieldErrors = {
      ...this.transactions.validate(
        existing ? 'update' : 'create',
        { id, ...data },
        TRANSACTION_LABELS,
      ),
      ...(amount.ok ? {} : { amountMinor: amount.error }),
      ...(payee.ok ? {} : { payeeId: payee.error }),
      ...(otherAmount && !otherAmount.ok ? { transferAmountMinor: otherAmount.error } : {}),
    };
    if (!draft.date) {
      errors['date'] = 'Enter a date.';
    }
    return { draft, existing, payee, id, data, errors };
  }

  /** Saves; `confirmed` is the answer to the reconciled-row warning. */
  protected async submit(confirmed = false): Promise<void> {
    const { draft, existing, payee, id, data, errors } = this.check();
    if (existing && Object.keys(data).length === 0) {
      delete errors['form'];
    }
    if (!this.submission.accept(errors)) {
      return;
    }
    if (existing && Object.keys(data).length === 0) {
      this.done.emit(existing);
      return;
    }
    if (existing && !confirmed && changesReconciledSide(existing, data)) {
      this.confirmingReconciled.set(true);
      // Enter pressed again in a field would only ask again; the answer is where focus goes.
      afterNextRender(() => this.confirmButton()?.nativeElement.focus(), {
        injector: this.injector,
      });
      return;
    }
    this.confirmingReconciled.set(false);

    await this.submission.write(async () => {
      if (payee.ok) {
        await this.financeWrites.apply(payee.mutations);
      }
      const saved = existing
        ? await this.undo.record(
            'Transaction saved.',
            [
              {
                modelName: 'transactions',
                operation: 'update',
                data: { id, ...data } as FinanceMutation['data'],
              },
            ],
            () => this.transactions.update(id, data),
          )
        : await this.transactions.create({ id, ...data });
      if (!existing) {
        this.newId = globalThis.crypto.randomUUID();
        this.form.reset({ date: draft.date });
        this.payeeField()?.nativeElement.querySelector('input')?.focus();
      }
      this.done.emit(saved);
    });
  }

  private parseAmount(text: string, currency: string) {
    return parseMoney(text, {
      minorDigits: minorDigits(currency),
      decimalSeparator: localeSeparators(this.locale).decimal,
    });
  }

  protected readonly transferPrefix = TRANSFER_PREFIX;
}
