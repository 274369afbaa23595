import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  output,
  untracked,
  viewChild,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { transactions, type Account, type Transaction } from '@finwise/domain';
import { TransactionsStore } from '../data/stores/transactions.store';
import type { CategoryGroup } from '../data/views/category-groups';
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
import {
  draftFields,
  sideWrite,
  targetOf,
  TRANSFER_PREFIX,
  type TransactionDraft,
} from './transaction-draft';
import { transferChoices, transferCurrencyError, transferHint } from './transfer-targets';

export const TRANSACTION_LABELS = transactions.wording.fieldLabels;

let nextFormId = 0;

/**
 * Adds a transaction to an account, or edits one in its register row (only the changed fields
 * are written).
 */
@Component({
  selector: 'fw-transaction-form',
  imports: [ReactiveFormsModule, FormActionsComponent],
  templateUrl: './transaction-form.component.html',
  styleUrl: './transaction-form.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TransactionFormComponent {
  private readonly transactions = inject(TransactionsStore);
  private readonly locale = inject(USER_LOCALE);

  readonly account = input.required<Account>();
  readonly accounts = input<readonly Account[]>([]);
  readonly categoryGroups = input<readonly CategoryGroup[]>([]);
  readonly payees = input<readonly string[]>([]);
  readonly categoryByPayee = input<ReadonlyMap<string, string>>(new Map());
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
  private readonly transferChoices = computed(() =>
    transferChoices(
      this.account(),
      this.accounts(),
      this.side()?.isTransferSide ? null : (this.transaction()?.transferAccountId ?? null),
    ),
  );
  protected readonly transferTargets = computed(() => this.transferChoices().targets);
  /** Why accounts in other currencies are not offered as transfer targets. */
  protected readonly transferHint = computed(() =>
    this.onTransferSide() ? null : transferHint(this.account(), this.transferChoices()),
  );
  protected readonly counterAccountName = computed(() => {
    const counterId = this.side()?.counterAccountId;
    return this.accounts().find((other) => other.id === counterId)?.name ?? 'another account';
  });
  protected readonly decimalHint = computed(() => {
    const digits = minorDigits(this.account().currency ?? 'EUR');
    const example =
      digits === 0
        ? '-1200'
        : `-12${localeSeparators(this.locale).decimal}${'5'.padEnd(digits, '0')}`;
    return `Use a minus sign for money going out, e.g. ${example}.`;
  });

  private readonly dateInput = viewChild<ElementRef<HTMLInputElement>>('dateInput');
  private readonly payeeInput = viewChild<ElementRef<HTMLInputElement>>('payeeInput');

  protected readonly form = inject(NonNullableFormBuilder).group({
    date: [localDate(new Date())],
    payee: [''],
    target: [''],
    amount: [''],
    notes: [''],
    cleared: [false],
  });

  constructor() {
    // Only a different row to edit resets the form: other devices' changes to the account
    // (new objects in the store) must not wipe what the user is typing.
    effect(() => {
      const transaction = this.transaction();
      const side = this.side();
      untracked(() => {
        const currency = this.account().currency ?? 'EUR';
        this.submission.clear();
        if (transaction) {
          this.form.setValue({
            date: transaction.date ?? '',
            payee: transaction.payee ?? '',
            target: targetOf(transaction),
            amount: formatMoneyForInput(
              side?.amountMinor ?? transaction.amountMinor ?? 0,
              currency,
              this.locale,
            ),
            notes: transaction.notes ?? '',
            cleared: side?.cleared ?? transaction.cleared === true,
          });
          // The register scrolls its row editor into view; focusing must not scroll first.
          queueMicrotask(() => this.dateInput()?.nativeElement.focus({ preventScroll: true }));
        } else {
          this.form.reset({ date: this.form.controls.date.value || localDate(new Date()) });
        }
      });
    });
  }

  /** A known payee brings the category it had last time, unless one is already chosen. */
  protected suggestCategory(): void {
    const { payee, target } = this.form.getRawValue();
    const suggestion = this.categoryByPayee().get(payee.trim().toLowerCase());
    if (!target && suggestion && this.isNew()) {
      this.form.controls.target.setValue(suggestion);
    }
  }

  protected cancel(): void {
    this.submission.clear();
    this.done.emit(null);
  }

  protected async submit(): Promise<void> {
    const draft: TransactionDraft = this.form.getRawValue();
    const account = this.account();
    const currency = account.currency ?? 'EUR';
    const amount = parseMoney(draft.amount, {
      minorDigits: minorDigits(currency),
      decimalSeparator: localeSeparators(this.locale).decimal,
    });
    const fields = draftFields(draft);
    const write = {
      date: fields.date,
      payee: fields.payee,
      notes: fields.notes,
      ...(this.onTransferSide()
        ? {}
        : { categoryId: fields.categoryId, transferAccountId: fields.transferAccountId }),
      ...sideWrite(
        this.side(),
        amount.ok ? amount.minor : 0,
        draft.cleared === (this.side()?.cleared ?? false) && this.transaction()
          ? undefined
          : draft.cleared,
      ),
    };

    const existing = this.transaction();
    const id = existing?.id ?? globalThis.crypto.randomUUID();
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
    };
    if (!draft.date) {
      errors['date'] = 'Enter a date.';
    }
    const transferTarget = fields.transferAccountId
      ? this.accounts().find((other) => other.id === fields.transferAccountId)
      : undefined;
    const currencyProblem = this.onTransferSide()
      ? null
      : transferCurrencyError(account, transferTarget);
    if (currencyProblem && (!existing || 'transferAccountId' in data || 'amountMinor' in data)) {
      errors['transferAccountId'] = currencyProblem;
    }
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

    await this.submission.write(async () => {
      const saved = existing
        ? await this.transactions.update(id, data)
        : await this.transactions.create({ id, ...data });
      if (!existing) {
        this.form.reset({ date: draft.date });
        this.payeeInput()?.nativeElement.focus();
      }
      this.done.emit(saved);
    });
  }

  protected readonly transferPrefix = TRANSFER_PREFIX;
}
